import { InsufficientFunds, InvalidOrder, ValidationError } from '../errors.js';
import type { ExitReason } from '../ledger/types.js';
import { roundDown, type MarketSpec } from '../market/market.js';
import { parseCondition, type Condition } from './condition.js';
import type {
  IndicatorSource,
  OrderRequest,
  OrderSide,
  OrderType,
  SellQty,
  TimeInForce,
} from './types.js';

/** What validation reads about the market at submission time. */
export interface ValidationEnv {
  readonly market: MarketSpec;
  /** Last close of the pair, NaN before the first candle. */
  readonly lastClose: number;
  readonly cash: number;
  readonly held: number;
  readonly feeBps: number;
  readonly now: number;
  readonly book: IndicatorSource | undefined;
}

/** A request checked and normalised: sizes rounded, defaults applied. */
export interface ValidRequest {
  readonly side: OrderSide;
  readonly qty: SellQty | undefined;
  readonly quoteAmount: number | undefined;
  readonly exitReason: ExitReason | undefined;
  readonly tif: TimeInForce | undefined;
  readonly expiresAt: number | undefined;
  readonly condition: Condition | undefined;
  /** A trailing stop's first level. */
  readonly initialStop: number | undefined;
}

const TYPES: readonly OrderType[] = [
  'market',
  'limit',
  'stop-loss',
  'take-profit',
  'trailing-stop',
  'bracket',
  'dca',
  'conditional',
];
const TIFS: readonly TimeInForce[] = ['GTC', 'IOC', 'FOK', 'GTD'];
const REASONS: readonly ExitReason[] = [
  'signal',
  'stop-loss',
  'take-profit',
  'trailing-stop',
  'manual',
  'emergency',
  'end-of-data',
];
/** Sides fixed by the order type on a spot, long-only market. */
const FIXED_SIDE: Partial<Record<OrderType, OrderSide>> = {
  'stop-loss': 'sell',
  'take-profit': 'sell',
  'trailing-stop': 'sell',
  bracket: 'buy',
  dca: 'buy',
};

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
/** A value as a message shows it (requests may come from JSON, so anything can be there). */
const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : String(v));

/**
 * Checks a request against the market as it is at submission. Throws InvalidOrder with a message a
 * user can act on, or InsufficientFunds when a buy clearly exceeds the cash (an estimate at the last
 * close: the execution re-checks at the real price). Requests may come from JSON, so every field
 * is checked as `unknown`, whatever its static type says.
 */
export function validateRequest(req: OrderRequest, env: ValidationEnv): ValidRequest {
  const r = req as unknown as Readonly<Record<string, unknown>>;
  const type = r.type as OrderType;
  const bad: (message: string) => never = (message) => {
    throw new InvalidOrder(`${show(r.type)} order on ${show(r.pair)}: ${message}`, {
      pair: r.pair,
      type: r.type,
    });
  };
  if (!TYPES.includes(type)) bad(`unknown order type; expected one of ${TYPES.join(', ')}`);
  if (r.clientId !== undefined && (typeof r.clientId !== 'string' || r.clientId === '')) {
    bad('clientId must be a non-empty string');
  }
  const fixed = FIXED_SIDE[type];
  const side = fixed ?? r.side;
  if (side !== 'buy' && side !== 'sell') bad('side must be "buy" or "sell"');
  if (fixed && r.side !== undefined && r.side !== fixed) {
    bad(`a ${type} order is a ${fixed} on a spot long-only market (no shorting)`);
  }
  const price = env.lastClose;
  const bd = env.market.baseDecimals;

  // Size: buys give qty XOR quoteAmount; sells give a base qty or 'all' (the default).
  let qty: SellQty | undefined;
  let quoteAmount: number | undefined;
  if (r.quoteAmount !== undefined && !positive(r.quoteAmount)) {
    bad(`quoteAmount must be > 0, got ${show(r.quoteAmount)}`);
  }
  if (r.qty !== undefined && r.qty !== 'all') {
    if (!positive(r.qty)) bad(`qty must be > 0 or "all", got ${show(r.qty)}`);
    qty = roundDown(r.qty, bd);
    if (qty <= 0) bad(`qty ${r.qty} rounds down to 0 at ${bd} decimals of ${env.market.base}`);
  }
  if (side === 'buy') {
    if (r.qty === 'all') bad('qty "all" is for sells; size a buy by qty or quoteAmount');
    if ((qty === undefined) === (r.quoteAmount === undefined)) {
      bad('give exactly one of qty (base) or quoteAmount (quote) for a buy');
    }
    quoteAmount = r.quoteAmount;
  } else {
    if (r.quoteAmount !== undefined) bad('size a sell in base qty or "all", not quoteAmount');
    qty ??= 'all';
  }

  let exitReason: ExitReason | undefined;
  if (r.reason !== undefined) {
    if (side === 'buy') bad('an exit reason applies to sells only');
    if (!REASONS.includes(r.reason as ExitReason))
      bad(`reason must be one of ${REASONS.join(', ')}`);
    exitReason = r.reason as ExitReason;
  }

  let tif: TimeInForce | undefined;
  let expiresAt: number | undefined;
  if (type === 'limit' || type === 'bracket') {
    const limitEntry = type === 'limit' || r.entryPrice !== undefined;
    if (!limitEntry && (r.tif !== undefined || r.expiresAt !== undefined)) {
      bad('tif and expiresAt apply to a limit entry (entryPrice)');
    }
    if (limitEntry) {
      tif = (r.tif ?? 'GTC') as TimeInForce;
      if (!TIFS.includes(tif)) bad(`tif must be one of ${TIFS.join(', ')}, got ${show(r.tif)}`);
    }
    if (tif === 'GTD') {
      if (!positive(r.expiresAt) || r.expiresAt <= env.now) {
        bad(`GTD needs expiresAt (ms UTC) after now (${env.now}), got ${show(r.expiresAt)}`);
      }
      expiresAt = r.expiresAt;
    } else if (r.expiresAt !== undefined) {
      bad('expiresAt is only for tif GTD');
    }
  }

  let condition: Condition | undefined;
  let initialStop: number | undefined;
  const need = (name: string, what: string): number => {
    const v = r[name];
    if (!positive(v)) bad(`${what} must be > 0, got ${show(v)}`);
    return v;
  };
  switch (type) {
    case 'market':
      break;
    case 'limit':
      need('price', 'limit price');
      break;
    case 'stop-loss': {
      const stop = need('stopPrice', 'stop price');
      if (stop >= price) {
        bad(
          `stop ${stop} is at or above the current price ${price}: a stop protecting a long position sits below the price (it would trigger at once)`,
        );
      }
      break;
    }
    case 'take-profit': {
      const target = need('price', 'target price');
      if (target <= price) {
        bad(
          `target ${target} is at or below the current price ${price}: a take-profit sits above it`,
        );
      }
      break;
    }
    case 'trailing-stop':
      initialStop = trailingStart(r.trail, env, bad);
      break;
    case 'bracket': {
      const stop = need('stopPrice', 'stop price');
      const target = need('takeProfitPrice', 'take-profit price');
      const ref = r.entryPrice === undefined ? price : need('entryPrice', 'entry price');
      if (!(stop < target) || stop >= ref || target <= ref) {
        bad(`need stop < entry < target, got stop ${stop}, entry ${ref}, target ${target}`);
      }
      break;
    }
    case 'dca':
      quoteAmount = need('quoteAmount', 'quoteAmount');
      if (r.mode === 'schedule') {
        if (!isInt(r.count, 1, 10_000)) bad('count must be a whole number 1..10000');
        if (!isInt(r.everyBars, 1, 1_000_000)) bad('everyBars must be a whole number ≥ 1');
      } else if (r.mode === 'safety') {
        const step = need('stepPct', 'stepPct');
        if (step >= 100) bad('stepPct must be below 100');
        if (need('scale', 'scale') > 100) bad('scale must be at most 100');
        if (!isInt(r.maxSafetyOrders, 0, 1000)) {
          bad('maxSafetyOrders must be a whole number 0..1000');
        }
      } else {
        bad('DCA mode must be "schedule" or "safety"');
      }
      break;
    case 'conditional':
      condition = conditionFor(r.condition, env.book, bad);
      break;
  }

  checkFunds(req, side, qty, quoteAmount, env);
  return { side, qty, quoteAmount, exitReason, tif, expiresAt, condition, initialStop };
}

function isInt(v: unknown, lo: number, hi: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
}

function trailingStart(
  trail: unknown,
  env: ValidationEnv,
  bad: (message: string) => never,
): number {
  if (!(env.lastClose > 0)) bad('no price yet: a trailing stop starts from the last close');
  if (typeof trail !== 'object' || trail === null) bad('trail must be {percent} or {atrMultiple}');
  if ('percent' in trail) {
    const { percent } = trail;
    if (!positive(percent) || percent >= 100) bad('trail percent must be in (0, 100)');
    return env.lastClose * (1 - percent / 100);
  }
  if (!('atrMultiple' in trail) || !positive(trail.atrMultiple)) {
    bad('trail must be {percent} or {atrMultiple > 0, atrPeriod?}');
  }
  const period: unknown =
    'atrPeriod' in trail && trail.atrPeriod !== undefined ? trail.atrPeriod : 14;
  if (!isInt(period, 1, 1000)) bad('atrPeriod must be a whole number 1..1000');
  const name = `atr${period as number}`;
  if (!env.book) bad('an ATR trailing stop needs an indicator book (OrderManager option `book`)');
  env.book.add([name]);
  const atr = env.book.value(name);
  if (!positive(atr)) bad(`${name} is not available yet (the indicator is warming up)`);
  const level = env.lastClose - trail.atrMultiple * atr;
  if (!(level > 0)) bad(`${String(trail.atrMultiple)} × ${name} puts the stop at or below 0`);
  return level;
}

function conditionFor(
  text: unknown,
  book: IndicatorSource | undefined,
  bad: (message: string) => never,
): Condition {
  if (!book) bad('a conditional order needs an indicator book (OrderManager option `book`)');
  try {
    const condition = parseCondition(text as string);
    book.add(condition.identifiers);
    return condition;
  } catch (err) {
    if (err instanceof ValidationError) bad(err.message);
    throw err;
  }
}

function checkFunds(
  req: OrderRequest,
  side: OrderSide,
  qty: SellQty | undefined,
  quoteAmount: number | undefined,
  env: ValidationEnv,
): void {
  const where = `${req.type} ${side} on ${req.pair}`;
  if (side === 'sell') {
    // Plain sells must be covered now; protective exits may wait for the position they protect.
    if (
      (req.type === 'market' || req.type === 'limit') &&
      typeof qty === 'number' &&
      qty > env.held
    ) {
      throw new InsufficientFunds(
        `${where}: sell ${qty} ${env.market.base} but ${env.held} is held`,
      );
    }
    return;
  }
  if (req.type === 'conditional') return; // judged when it fires
  const unit =
    req.type === 'limit'
      ? req.price
      : req.type === 'bracket'
        ? (req.entryPrice ?? env.lastClose)
        : env.lastClose;
  const cost =
    quoteAmount ?? (typeof qty === 'number' ? qty * unit * (1 + env.feeBps / 1e4) : Number.NaN);
  if (cost > env.cash) {
    throw new InsufficientFunds(
      `${where}: needs about ${cost.toFixed(env.market.quoteDecimals)} ${env.market.quote}, cash is ${env.cash}`,
      { cost, cash: env.cash },
    );
  }
}
