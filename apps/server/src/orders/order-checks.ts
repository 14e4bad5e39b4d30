/**
 * The rules of the core's order validation (packages/core/src/orders/validate.ts) that need no market
 * state: sizes, sides, time in force, bracket levels, condition syntax. What needs the market — a
 * stop below the current price, enough cash — is checked by the order manager at submission, in the
 * bot runtime. Errors are the core's InvalidOrder (400), as the order manager would throw them.
 */
import type { OrderRequestBody } from '@numerusx/contracts';
import {
  InvalidOrder,
  ValidationError,
  marketSpec,
  parseCondition,
  roundDown,
} from '@numerusx/core';

/** Sides fixed by the type on a spot, long-only market (as the core's FIXED_SIDE). */
const FIXED_SIDE: Readonly<Record<string, 'buy' | 'sell'>> = {
  'stop-loss': 'sell',
  'take-profit': 'sell',
  'trailing-stop': 'sell',
  bracket: 'buy',
  dca: 'buy',
};

export function checkOrderRequest(body: OrderRequestBody, now: number): void {
  // Every variant's fields read as optional unknowns, as the core reads a JSON request.
  const r = body as Readonly<Record<string, unknown>>;
  const bad = (message: string): never => {
    throw new InvalidOrder(`${body.type} order on ${body.pair}: ${message}`, {
      pair: body.pair,
      type: body.type,
    });
  };
  const market = marketSpec(body.pair);
  const side = FIXED_SIDE[body.type] ?? r['side'];

  const qty = r['qty'];
  if (typeof qty === 'number' && roundDown(qty, market.baseDecimals) <= 0) {
    bad(`qty ${qty} rounds down to 0 at ${market.baseDecimals} decimals of ${market.base}`);
  }
  if (side === 'buy' && body.type !== 'dca') {
    if (qty === 'all') bad('qty "all" is for sells; size a buy by qty or quoteAmount');
    if ((qty === undefined) === (r['quoteAmount'] === undefined)) {
      bad('give exactly one of qty (base) or quoteAmount (quote) for a buy');
    }
  }
  if (side === 'sell' && r['quoteAmount'] !== undefined) {
    bad('size a sell in base qty or "all", not quoteAmount');
  }
  if (r['reason'] !== undefined && side === 'buy') bad('an exit reason applies to sells only');

  if (body.type === 'limit' || body.type === 'bracket') {
    const limitEntry = body.type === 'limit' || body.entryPrice !== undefined;
    if (!limitEntry && (body.tif !== undefined || body.expiresAt !== undefined)) {
      bad('tif and expiresAt apply to a limit entry (entryPrice)');
    }
    if (limitEntry && body.tif === 'GTD') {
      if (body.expiresAt === undefined || body.expiresAt <= now) {
        bad(`GTD needs expiresAt (ms UTC) after now (${now})`);
      }
    } else if (body.expiresAt !== undefined) {
      bad('expiresAt is only for tif GTD');
    }
  }
  if (body.type === 'bracket') {
    const { stopPrice: stop, takeProfitPrice: target, entryPrice: entry } = body;
    if (!(stop < target)) bad(`need stop < target, got stop ${stop}, target ${target}`);
    if (entry !== undefined && (stop >= entry || target <= entry)) {
      bad(`need stop < entry < target, got stop ${stop}, entry ${entry}, target ${target}`);
    }
  }
  if (body.type === 'conditional') {
    try {
      parseCondition(body.condition);
    } catch (error) {
      if (error instanceof ValidationError) bad(error.message);
      throw error;
    }
  }
}
