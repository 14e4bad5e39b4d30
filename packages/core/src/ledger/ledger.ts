import { InsufficientFunds, InvalidOrder, ValidationError } from '../errors.js';
import { roundDown, roundHalfEven, type MarketSpec } from '../market/market.js';
import type { ClosedTrade, EquityPoint, Fill, PortfolioSnapshot, PositionView } from './types.js';

export interface LedgerConfig {
  /** Starting cash in the quote currency (rounded to its decimals). */
  readonly capital: number;
  /** The markets the ledger books; they must share one quote currency (the cash). */
  readonly markets: readonly MarketSpec[];
}

const DAY_MS = 86_400_000;

/** One market's position. `avgEntry` excludes fees; the entry fees wait in `entryFees`. */
interface Holding {
  readonly market: MarketSpec;
  qty: number;
  avgEntry: number;
  /** Entry fees not yet charged to a closed trade (pro rata on each sell). */
  entryFees: number;
  openedAt: number;
  /** Last mark; NaN until the first mark or fill. */
  mark: number;
}

/**
 * The books of one bot (DESIGN §2 "Money"): cash in the quote currency plus one spot long position
 * per market. Backtest, paper and live all book their fills here, so the numbers the dashboard shows
 * and the ones a backtest reports come from the same arithmetic.
 *
 * - Quantities are integer base units in disguise: a fill's qty must already be rounded down to the
 *   base decimals (the order manager does it; the ledger asserts it), and every position qty and
 *   every cash balance is re-rounded to its decimals after each fill, so float noise never builds up.
 * - Average-cost accounting: `avgEntry` is the volume-weighted buy price WITHOUT fees. Entry fees
 *   are kept apart and charged pro rata to each sell, so a trade's pnl is net of both legs' fees
 *   while unrealised pnl stays a pure price move `(mark − avgEntry) × qty`.
 * - All-or-nothing: a fill that breaks a rule (unknown pair, unrounded qty, a buy above the cash, a
 *   sell above the holding) throws before anything changes.
 * - `equity = cash + Σ qty × mark`, always computed from the stored values, so the invariant holds
 *   exactly (not within a tolerance) after every event.
 * - Time only comes from the events (fill ts, mark ts): the UTC day of the daily loss limit rolls on
 *   the first event of a new day, and its start equity is the equity just before that event.
 */
export class Ledger {
  readonly capital: number;
  readonly quote: string;
  readonly quoteDecimals: number;
  private readonly holdings: Holding[];
  private readonly byPair = new Map<string, Holding>();
  /** The holding of the last pair looked up (see holding()). */
  private recent: Holding;
  private cashValue: number;
  private equityValue: number;
  private peak: number;
  private dayStart: number;
  private day = Number.NaN;
  private lastTs = 0;
  private realized = 0;
  private feeTotal = 0;
  private slippageTotal = 0;
  private readonly trades: ClosedTrade[] = [];
  private readonly fillLog: Fill[] = [];
  private readonly curve: EquityPoint[] = [];

  constructor(config: LedgerConfig) {
    const first = config.markets[0];
    if (!first) throw new ValidationError('a ledger needs at least one market');
    if (config.markets.some((m) => m.quote !== first.quote)) {
      throw new ValidationError(
        `all markets of a ledger must share one quote currency (the cash); got ${[...new Set(config.markets.map((m) => m.quote))].join(', ')}`,
      );
    }
    if (!Number.isFinite(config.capital) || config.capital < 0) {
      throw new ValidationError(`capital must be a finite amount ≥ 0, got ${config.capital}`);
    }
    this.quote = first.quote;
    this.quoteDecimals = first.quoteDecimals;
    this.capital = roundHalfEven(config.capital, this.quoteDecimals);
    this.holdings = config.markets.map((market) => ({
      market,
      qty: 0,
      avgEntry: 0,
      entryFees: 0,
      openedAt: Number.NaN,
      mark: Number.NaN,
    }));
    this.recent = this.holdings[0]!;
    for (const h of this.holdings) {
      if (this.byPair.has(h.market.pair)) {
        throw new ValidationError(`market ${h.market.pair} is listed twice`);
      }
      this.byPair.set(h.market.pair, h);
    }
    this.cashValue = this.capital;
    this.equityValue = this.capital;
    this.peak = this.capital;
    this.dayStart = this.capital;
  }

  get cash(): number {
    return this.cashValue;
  }

  hasMarket(pair: string): boolean {
    return this.byPair.has(pair);
  }

  market(pair: string): MarketSpec {
    return this.holding(pair).market;
  }

  /** Base quantity held in `pair` (0 when flat). */
  qty(pair: string): number {
    return this.holding(pair).qty;
  }

  /** Entry fees of the open position of `pair` not yet charged to a closed trade. */
  openEntryFees(pair: string): number {
    return this.holding(pair).entryFees;
  }

  /** Last mark of `pair`, NaN before the first mark or fill. */
  markOf(pair: string): number {
    return this.holding(pair).mark;
  }

  /**
   * Books one execution; returns the ClosedTrade row a sell produces (every sell is one row with its
   * own qty; the position's round trip ends when its qty returns to 0). Throws InvalidOrder for a
   * malformed fill and InsufficientFunds for a buy above the cash or a sell above the holding, with
   * nothing applied.
   */
  apply(fill: Fill): ClosedTrade | undefined {
    const h = this.holding(fill.pair);
    const { qty, price, fee } = fill;
    const bd = h.market.baseDecimals;
    if (!(qty > 0) || !Number.isFinite(qty) || roundDown(qty, bd) !== qty) {
      throw new InvalidOrder(
        `fill ${fill.orderId}: qty ${qty} must be > 0 and rounded down to ${bd} decimals of ${h.market.base}`,
        { orderId: fill.orderId, qty },
      );
    }
    if (!(price > 0) || !Number.isFinite(price) || !(fee >= 0) || !Number.isFinite(fee)) {
      throw new InvalidOrder(`fill ${fill.orderId}: price must be > 0 and fee ≥ 0`, {
        orderId: fill.orderId,
        price,
        fee,
      });
    }
    if (!Number.isFinite(fill.slippage)) {
      throw new InvalidOrder(`fill ${fill.orderId}: slippage must be finite`);
    }
    const qd = this.quoteDecimals;
    let trade: ClosedTrade | undefined;
    if (fill.side === 'buy') {
      const cash = roundHalfEven(this.cashValue - qty * price - fee, qd) + 0;
      if (cash < 0) {
        throw new InsufficientFunds(
          `buy ${qty} ${h.market.base} at ${price} + fee ${fee} costs more than the cash ${this.cashValue} ${this.quote}`,
          { orderId: fill.orderId, cash: this.cashValue, cost: qty * price + fee },
        );
      }
      this.roll(fill.ts);
      const newQty = roundHalfEven(h.qty + qty, bd);
      if (h.qty === 0) {
        h.avgEntry = price;
        h.openedAt = fill.ts;
      } else {
        h.avgEntry = (h.qty * h.avgEntry + qty * price) / newQty;
      }
      h.qty = newQty;
      h.entryFees += fee;
      this.cashValue = cash;
    } else {
      if (qty > h.qty) {
        throw new InsufficientFunds(`sell ${qty} ${h.market.base} but only ${h.qty} is held`, {
          orderId: fill.orderId,
          held: h.qty,
          qty,
        });
      }
      const cash = roundHalfEven(this.cashValue + qty * price - fee, qd) + 0;
      if (cash < 0) {
        throw new InsufficientFunds(`sell fee ${fee} exceeds the proceeds and the cash`, {
          orderId: fill.orderId,
        });
      }
      this.roll(fill.ts);
      const newQty = roundHalfEven(h.qty - qty, bd) + 0;
      // Pro-rata share of the entry fees; the last sell takes what is left (no float residue).
      const feeShare = newQty === 0 ? h.entryFees : (h.entryFees * qty) / h.qty;
      const pnl = (price - h.avgEntry) * qty - fee - feeShare;
      trade = {
        pair: fill.pair,
        side: 'long',
        entryTs: h.openedAt,
        entryPrice: h.avgEntry,
        exitTs: fill.ts,
        exitPrice: price,
        qty,
        fee: fee + feeShare,
        pnl,
        exitReason: fill.exitReason ?? 'signal',
      };
      this.trades.push(trade);
      this.realized += pnl;
      h.entryFees = newQty === 0 ? 0 : h.entryFees - feeShare;
      h.qty = newQty;
      if (newQty === 0) {
        h.avgEntry = 0;
        h.openedAt = Number.NaN;
      }
      this.cashValue = cash;
    }
    if (Number.isNaN(h.mark)) h.mark = price;
    this.feeTotal += fee;
    this.slippageTotal += fill.slippage;
    this.fillLog.push(fill);
    this.settle(fill.ts);
    return trade;
  }

  /** Values `pair` at `price` from `ts` on (the last close, a live tick). */
  mark(pair: string, price: number, ts: number): void {
    const h = this.holding(pair);
    if (!(price > 0) || price === Infinity) {
      throw new ValidationError(`mark ${pair}: price must be a finite number > 0, got ${price}`);
    }
    this.roll(ts);
    h.mark = price;
    this.settle(ts);
  }

  /** cash + Σ qty × mark, from the stored values. */
  equity(): number {
    return this.equityValue;
  }

  snapshot(): PortfolioSnapshot {
    const positions: PositionView[] = [];
    for (const h of this.holdings) {
      if (h.qty === 0) continue;
      positions.push({
        pair: h.market.pair,
        asset: h.market.base,
        qty: h.qty,
        averageEntry: h.avgEntry,
        mark: h.mark,
        unrealizedPnl: (h.mark - h.avgEntry) * h.qty,
        openedAt: h.openedAt,
      });
    }
    return {
      ts: this.lastTs,
      cash: this.cashValue,
      equity: this.computeEquity(),
      positions,
      realizedPnl: this.realized,
      fees: this.feeTotal,
      slippage: this.slippageTotal,
      peakEquity: this.peak,
      dayStartEquity: this.dayStart,
    };
  }

  /** The open position of `pair`, undefined when flat. */
  position(pair: string): PositionView | undefined {
    const h = this.holding(pair);
    if (h.qty === 0) return undefined;
    return {
      pair,
      asset: h.market.base,
      qty: h.qty,
      averageEntry: h.avgEntry,
      mark: h.mark,
      unrealizedPnl: (h.mark - h.avgEntry) * h.qty,
      openedAt: h.openedAt,
    };
  }

  closedTrades(): readonly ClosedTrade[] {
    return this.trades;
  }

  fills(): readonly Fill[] {
    return this.fillLog;
  }

  /** Appends the current equity to the equity curve (one point per bar, say). */
  recordEquity(ts: number): EquityPoint {
    const point = { ts, equity: this.equityValue };
    this.curve.push(point);
    return point;
  }

  equityCurve(): readonly EquityPoint[] {
    return this.curve;
  }

  /**
   * {@link assertLedgerInvariant} plus what only the ledger knows: cash and quantities rounded to
   * their decimals, and the accounting identity `equity − capital = realised + unrealised − open
   * entry fees`, within half a quote unit per fill (the cash rounding) plus float noise.
   */
  assertInvariant(): void {
    const s = this.snapshot();
    assertLedgerInvariant(s);
    const qd = this.quoteDecimals;
    if (roundHalfEven(s.cash, qd) !== s.cash) {
      throw new Error(`ledger invariant: cash ${s.cash} is not rounded to ${qd} decimals`);
    }
    let unrealized = 0;
    let openFees = 0;
    for (const h of this.holdings) {
      if (h.qty === 0) continue;
      if (roundDown(h.qty, h.market.baseDecimals) !== h.qty) {
        throw new Error(`ledger invariant: ${h.market.pair} qty ${h.qty} is not rounded`);
      }
      unrealized += (h.mark - h.avgEntry) * h.qty;
      openFees += h.entryFees;
    }
    const gap = s.equity - this.capital - (s.realizedPnl + unrealized - openFees);
    const tolerance = (this.fillLog.length * 0.5 + 1) * 10 ** -qd + Math.abs(s.equity) * 1e-12;
    if (!(Math.abs(gap) <= tolerance)) {
      throw new Error(
        `ledger invariant: equity − capital differs from realised + unrealised − open fees by ${gap} (tolerance ${tolerance})`,
      );
    }
  }

  private holding(pair: string): Holding {
    // The engine asks about the same pair several times per candle: a one-entry cache in front of
    // the Map (a string compare, usually of the very same string) saves most of the lookups.
    if (pair === this.recent.market.pair) return this.recent;
    const h = this.byPair.get(pair);
    if (!h) {
      throw new InvalidOrder(
        `unknown pair ${pair}; markets: ${[...this.byPair.keys()].join(', ')}`,
        {
          pair,
        },
      );
    }
    this.recent = h;
    return h;
  }

  private computeEquity(): number {
    let equity = this.cashValue;
    for (const h of this.holdings) if (h.qty !== 0) equity += h.qty * h.mark;
    return equity;
  }

  /** Rolls the UTC day before an event at `ts` changes anything. */
  private roll(ts: number): void {
    const day = Math.floor(ts / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.dayStart = this.equityValue;
    }
  }

  private settle(ts: number): void {
    this.lastTs = ts;
    this.equityValue = this.computeEquity();
    if (this.equityValue > this.peak) this.peak = this.equityValue;
  }
}

/**
 * The invariant every test asserts after every event: `equity === cash + Σ qty × mark` exactly,
 * summed in the snapshot's order; plus no negative cash, only positive positions, unrealised pnl
 * consistent with the mark, and a peak at or above the equity. Throws an Error naming the breach.
 */
export function assertLedgerInvariant(snapshot: PortfolioSnapshot): void {
  const fail = (what: string): never => {
    throw new Error(`ledger invariant: ${what} (snapshot at ${snapshot.ts})`);
  };
  if (!Number.isFinite(snapshot.cash) || snapshot.cash < 0) fail(`cash ${snapshot.cash} < 0`);
  let equity = snapshot.cash;
  for (const p of snapshot.positions) {
    if (!(p.qty > 0)) fail(`${p.pair} qty ${p.qty} is not > 0`);
    if (!(p.mark > 0) || !Number.isFinite(p.mark)) fail(`${p.pair} mark ${p.mark} is not > 0`);
    if (p.unrealizedPnl !== (p.mark - p.averageEntry) * p.qty) {
      fail(`${p.pair} unrealised pnl ${p.unrealizedPnl} ≠ (mark − average entry) × qty`);
    }
    equity += p.qty * p.mark;
  }
  if (snapshot.equity !== equity)
    fail(`equity ${snapshot.equity} ≠ cash + Σ qty × mark = ${equity}`);
  if (snapshot.peakEquity < snapshot.equity) {
    fail(`peak ${snapshot.peakEquity} below equity ${snapshot.equity}`);
  }
}
