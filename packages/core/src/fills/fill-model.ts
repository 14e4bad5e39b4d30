import type { Candle } from '../candles/types.js';
import { ValidationError } from '../errors.js';
import { roundDown, roundHalfEven, type MarketSpec } from '../market/market.js';

/**
 * The paper fill model's knobs (one model for backtests and the paper exchange, so a backtest and a
 * paper run of the same strategy fill alike). Basis points: 1 bps = 0.01 %.
 */
export interface FillModelConfig {
  /** Fee per fill, bps of the notional, charged in the quote currency (0..1000). */
  readonly feeBps: number;
  /** Fixed slippage of every taker fill, bps against the taker (0..1000). */
  readonly slippageBps: number;
  /** Extra slippage in bps per 1 % of the bar's volume the fill takes (market impact, 0..1000). */
  readonly impactBpsPerVolumePct: number;
  /** Share of a bar's volume this bot may take in that bar, in % (0 < x ≤ 100); beyond: partial fill. */
  readonly maxVolumePct: number;
  /** Whole bars between an order's submission and the first bar it can fill in (0..10). */
  readonly latencyBars: number;
}

/** 0.1 % fee, 5 bps slippage, 1 bps per 1 % of volume, 10 % volume cap, no latency. */
export const DEFAULT_FILL_MODEL: FillModelConfig = Object.freeze({
  feeBps: 10,
  slippageBps: 5,
  impactBpsPerVolumePct: 1,
  maxVolumePct: 10,
  latencyBars: 0,
});

/** The default model with `overrides`, validated (ValidationError naming the field). */
export function fillModelConfig(overrides: Partial<FillModelConfig> = {}): FillModelConfig {
  const c = { ...DEFAULT_FILL_MODEL, ...overrides };
  const range = (name: keyof FillModelConfig, lo: number, hi: number, loOpen = false): void => {
    const v = c[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || (loOpen ? v <= lo : v < lo) || v > hi) {
      throw new ValidationError(
        `fill model ${name} must be a number in ${loOpen ? '(' : '['}${lo}, ${hi}], got ${String(v)}`,
        { field: name },
      );
    }
  };
  range('feeBps', 0, 1000);
  range('slippageBps', 0, 1000);
  range('impactBpsPerVolumePct', 0, 1000);
  range('maxVolumePct', 0, 100, true);
  range('latencyBars', 0, 10);
  if (!Number.isInteger(c.latencyBars)) {
    throw new ValidationError(`fill model latencyBars must be a whole number of bars`, {
      field: 'latencyBars',
    });
  }
  return Object.freeze(c);
}

/** One priced execution, before the ledger books it. Money in quote currency. */
export interface Execution {
  /** Base quantity, rounded down to the base decimals. */
  readonly qty: number;
  /** Executed price, slippage included. */
  readonly price: number;
  /** The price before slippage (the open, the stop, the limit). */
  readonly refPrice: number;
  /** notional × feeBps / 1e4, rounded half-even to the quote decimals. */
  readonly fee: number;
  /** |price − refPrice| × qty, rounded half-even to the quote decimals (kept apart from fees). */
  readonly slippage: number;
}

/**
 * Where a SELL STOP fills in `candle`, or NaN when the bar does not reach it: it triggers when
 * low ≤ stop and fills at min(stop, open) — a bar that gaps through the stop fills at its worse open.
 * `open` is the bar's open unless the stop was armed inside the bar (then: the arming price).
 */
export function stopFillPrice(stop: number, candle: Candle, open = candle.open): number {
  return candle.low <= stop ? Math.min(stop, open) : Number.NaN;
}

/**
 * Where a SELL TARGET (take-profit, limit sell) fills, or NaN: it triggers when high ≥ target and
 * fills at max(target, open) — a bar that gaps up over the target fills at its better open.
 */
export function targetFillPrice(target: number, candle: Candle, open = candle.open): number {
  return candle.high >= target ? Math.max(target, open) : Number.NaN;
}

/** Where a LIMIT BUY fills, or NaN: it triggers when low ≤ limit and fills at min(limit, open). */
export function limitBuyFillPrice(limit: number, candle: Candle, open = candle.open): number {
  return candle.low <= limit ? Math.min(limit, open) : Number.NaN;
}

/**
 * Which exit of a long position with a stop and a target a bar fills: the bar's path inside its
 * range is unknown, so when both are touched the ADVERSE one (the stop) is assumed to come first.
 */
export function firstExit(stop: number, target: number, candle: Candle): 'stop' | 'target' | null {
  if (candle.low <= stop) return 'stop';
  if (candle.high >= target) return 'target';
  return null;
}

/**
 * The paper fill model. Assumptions (each one a choice a user should know when reading a backtest):
 *
 * 1. No look-ahead: an order submitted after bar t closed can first fill in bar t+1+latencyBars;
 *    a market order fills at that bar's OPEN.
 * 2. Taker fills (market orders, triggered stops) pay slippage against the taker — a buy fills
 *    higher, a sell lower — of `slippageBps + impactBpsPerVolumePct × (qty / bar volume × 100)` bps
 *    of the reference price.
 * 3. Stops are market orders once triggered: a sell stop triggers when low ≤ stop, its reference
 *    is min(stop, open) (a gap through the stop fills at the worse open), then taker slippage.
 * 4. Limit-priced orders (limit, take-profit) fill at their price or better — min(limit, open) for a
 *    buy, max(target, open) for a sell — with no slippage: the limit is the worst price accepted.
 *    A touch fills (no queue position is modelled), which is optimistic in thin markets.
 * 5. Adverse first: when one bar touches both a position's stop and its target, the stop fills.
 * 6. Volume cap: the fills of one pair in one bar take at most `maxVolumePct` of the bar's volume
 *    (volume is in the base asset); the rest stays working (partial fill) and a market remainder
 *    fills at the next open. A bar without volume fills nothing.
 * 7. Fee = notional × feeBps / 1e4 in the quote currency, rounded half-even to its decimals; the
 *    slippage cost is reported apart. Quantities are rounded DOWN to the base decimals, and a
 *    quote-sized buy takes the largest quantity whose cost plus fee fits its budget.
 * 8. Jupiter swaps are all-or-nothing on chain; partial fills here stand for the bot slicing a large
 *    order over bars, which is what a careful live bot does too.
 */
export class FillModel {
  readonly config: FillModelConfig;
  private readonly feeRate: number;

  constructor(config: Partial<FillModelConfig> = {}) {
    this.config = fillModelConfig(config);
    this.feeRate = this.config.feeBps / 1e4;
  }

  /** Slippage in bps of a taker fill of `qty` (base) in `candle`; Infinity in a bar without volume. */
  slippageBps(qty: number, candle: Candle): number {
    const { slippageBps, impactBpsPerVolumePct } = this.config;
    if (qty <= 0 || impactBpsPerVolumePct === 0) return slippageBps;
    if (!(candle.volume > 0)) return Number.POSITIVE_INFINITY;
    return slippageBps + (impactBpsPerVolumePct * qty * 100) / candle.volume;
  }

  /**
   * Expected slippage in bps of a buy of `sizeQuote` valued at the candle's close, for the risk
   * gate; grows with the size. It ignores the volume cap (a larger order fills over several bars).
   */
  estimateSlippageBps(sizeQuote: number, candle: Candle): number {
    return this.slippageBps(sizeQuote / candle.close, candle);
  }

  /** The base quantity this model lets one pair take in `candle` (rounded down). */
  volumeCap(candle: Candle, market: MarketSpec): number {
    if (!(candle.volume > 0)) return 0;
    return roundDown((candle.volume * this.config.maxVolumePct) / 100, market.baseDecimals);
  }

  fee(notional: number, market: MarketSpec): number {
    return roundHalfEven(notional * this.feeRate, market.quoteDecimals);
  }

  /** A taker fill of `qty` at `refPrice` with slippage against the taker. */
  taker(
    side: 'buy' | 'sell',
    qty: number,
    refPrice: number,
    candle: Candle,
    market: MarketSpec,
  ): Execution {
    const bps = this.slippageBps(qty, candle);
    const price = refPrice * (side === 'buy' ? 1 + bps / 1e4 : 1 - bps / 1e4);
    return this.execution(qty, price, refPrice, market);
  }

  /** A limit-priced fill of `qty` at exactly `price` (no slippage). */
  maker(qty: number, price: number, market: MarketSpec): Execution {
    return this.execution(qty, price, price, market);
  }

  /** The largest taker BUY qty whose cost + fee fits `quote` (0 when not one base unit). */
  takerQtyForQuote(quote: number, refPrice: number, candle: Candle, market: MarketSpec): number {
    // Upper bound on the qty first, so the slippage used is at least the final one's.
    const bps = this.slippageBps(quote / refPrice, candle);
    const price = refPrice * (1 + bps / 1e4);
    return this.fitQuote(quote, price, market, (q) =>
      this.taker('buy', q, refPrice, candle, market),
    );
  }

  /** The largest BUY qty at `price` (no slippage) whose cost + fee fits `quote`. */
  makerQtyForQuote(quote: number, price: number, market: MarketSpec): number {
    return this.fitQuote(quote, price, market, (q) => this.maker(q, price, market));
  }

  private fitQuote(
    quote: number,
    price: number,
    market: MarketSpec,
    exec: (qty: number) => Execution,
  ): number {
    if (!(quote > 0) || !Number.isFinite(price)) return 0;
    const unit = 10 ** -market.baseDecimals;
    let qty = roundDown(quote / (price * (1 + this.feeRate)), market.baseDecimals);
    // Fee rounding can add half a quote unit: step down by the excess (at least one base unit)
    // until the cost fits; two rounds are the most seen.
    for (let i = 0; qty > 0 && i < 32; i++) {
      const e = exec(qty);
      // The cost as the ledger books it (rounded to the quote decimals), so float noise cannot
      // cost a unit.
      const excess = roundHalfEven(e.qty * e.price + e.fee, market.quoteDecimals) - quote;
      if (excess <= 0) return qty;
      const units = Math.max(1, Math.ceil(excess / (e.price * unit)));
      qty = Math.max(0, roundDown(qty - units * unit, market.baseDecimals));
    }
    return 0;
  }

  private execution(qty: number, price: number, refPrice: number, market: MarketSpec): Execution {
    const qd = market.quoteDecimals;
    return {
      qty,
      price,
      refPrice,
      fee: this.fee(qty * price, market),
      slippage: roundHalfEven(Math.abs(price - refPrice) * qty, qd),
    };
  }
}
