/**
 * Manual orders (POST /orders, DELETE /orders/:id) on the running bot: the same risk gate and the
 * same order manager as the bot's own decisions (DESIGN §2), under the loop's lock so an order never
 * lands in the middle of a candle. A buy the gate would shrink is refused with the size it allows
 * (a person's order is never silently resized); sells only reduce risk and pass.
 */
import type { OrderRequestBody } from '@numerusx/contracts';
import {
  InvalidOrder,
  NumerusError,
  evaluateRisk,
  msg,
  riskInputOf,
  type Decision,
  type OrderRequest,
} from '@numerusx/core';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../audit/audit.service.js';
import type { Announcer } from './announcer.js';
import type { BotLog } from './bot-log.js';
import type { RunHandle } from './bot-run.js';
import { flushBooks } from './book-writer.js';
import type { Lease, OrderRow, RuntimeRepository } from './runtime.repository.js';
import { named } from './texts.js';

/** The gate said no: 422 with its reasons. */
export class RiskVetoed extends NumerusError {
  constructor(message: string, details: Readonly<Record<string, unknown>>) {
    super('RISK_VETOED', message, details);
  }
}

export interface ManualDeps {
  readonly repo: RuntimeRepository;
  readonly announce: Announcer;
  readonly log: BotLog;
}

/** Buy types whose size the gate checks; their quote amount or qty at the last close. */
const BUY_TYPES = new Set(['market', 'limit', 'bracket', 'dca', 'conditional']);

export function submitManual(
  deps: ManualDeps,
  run: RunHandle,
  lease: Lease,
  actor: Actor & { id: number },
  body: OrderRequestBody,
): Promise<OrderRow> {
  const { books, dex } = run;
  return dex.exclusive(async () => {
    const now = run.feed.clock.now();
    const request = {
      ...body,
      clientId: body.clientId ?? `manual:${randomUUID()}`,
    } as OrderRequest;
    const existing = await deps.repo.orderByClientId(request.clientId ?? '');
    // A retried request (same clientId) answers with the order it placed, placing nothing.
    if (existing !== undefined) return existing;
    const side = (request as { side?: 'buy' | 'sell' }).side ?? fixedSide(request);
    if (side === 'buy' && BUY_TYPES.has(request.type)) gate(run, request, now);
    const id = await run.executor.manual(request, now, {
      source: 'manual',
      decisionId: null,
      createdBy: actor.id,
      stopLoss: null,
      takeProfit: null,
    });
    const flushed = await deps.repo.fenced(lease, (tx) =>
      flushBooks(tx, deps.repo, books, { now, snapshot: false }),
    );
    await deps.announce.flushed(flushed);
    const rowId = books.meta.get(id)?.rowId;
    const row = rowId === undefined ? undefined : await deps.repo.order(rowId);
    if (row === undefined) throw new InvalidOrder(`order ${id} was not stored`);
    const line = msg('runtime.log.manualOrder', {
      type: named('orderType', request.type),
      side: named('side', side),
      pair: request.pair,
      user: actor.username ?? '?',
    });
    await deps.log.info(line, { orderId: row.id });
    return row;
  });
}

export function cancelManual(
  deps: ManualDeps,
  run: RunHandle,
  lease: Lease,
  row: OrderRow,
): Promise<OrderRow> {
  const { books, dex } = run;
  return dex.exclusive(async () => {
    const id = [...books.meta].find(([, m]) => m.rowId === row.id)?.[0];
    if (id === undefined) throw new InvalidOrder(`order ${row.id} is not working on this run`);
    books.orders.cancel(id, run.feed.clock.now(), 'cancelled by the owner');
    const flushed = await deps.repo.fenced(lease, (tx) =>
      flushBooks(tx, deps.repo, books, { now: run.feed.clock.now(), snapshot: false }),
    );
    await deps.announce.flushed(flushed);
    return flushed.orders.find((o) => o.id === row.id) ?? row;
  });
}

function fixedSide(r: OrderRequest): 'buy' | 'sell' {
  return r.type === 'bracket' || r.type === 'dca' ? 'buy' : 'sell';
}

/** The risk gate on a manual buy, as on a decision of confidence 1. */
function gate(run: RunHandle, request: OrderRequest, now: number): void {
  const market = run.dex.lastMarket(request.pair);
  if (market === undefined) {
    throw new InvalidOrder(`no price for ${request.pair} yet: wait for the first candle`);
  }
  const price = market.candle.close;
  const sized = request as { quoteAmount?: number; qty?: number | 'all' };
  const sizeUsd =
    sized.quoteAmount ?? (typeof sized.qty === 'number' ? sized.qty * price : Number.NaN);
  if (!(sizeUsd > 0)) return; // the order manager refuses a buy without a size, with its message
  const decision: Decision = {
    action: 'buy',
    pair: request.pair,
    sizeUsd,
    stopLoss: null,
    takeProfit: null,
    confidence: 1,
    reasoning: 'manual order',
    steps: [],
  };
  const books = { ledger: run.books.ledger, fillModel: run.books.orders.fillModel };
  const verdict = evaluateRisk(
    riskInputOf(decision, books, market.candle, market.atr, now),
    run.dex.riskConfig,
  );
  if (verdict.verdict === 'veto' || verdict.sizeUsd < sizeUsd - 1e-9) {
    const allowed = verdict.verdict === 'veto' ? 0 : verdict.sizeUsd;
    throw new RiskVetoed(
      `the risk gate refuses this buy of ${sizeUsd.toFixed(2)}: ` +
        verdict.reasons.map((r) => r.message).join('; ') +
        (allowed > 0 ? ` (it allows up to ${allowed.toFixed(2)})` : ''),
      { reasons: verdict.reasons, allowedUsd: allowed },
    );
  }
}
