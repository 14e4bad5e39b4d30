/**
 * What follows a stored buy or sell decision (DESIGN §2 "the AI proposes, the risk gate disposes"):
 * the risk gate rules; an approved decision becomes an order through the executor; the order and
 * the decision's final status (EXECUTED, VETOED with the gate's reasons, FAILED with the error) are
 * written in one fenced transaction, then announced and logged.
 */
import {
  english,
  evaluateRisk,
  msg,
  riskInputOf,
  type Candle,
  type Decision,
  type RiskConfig,
} from '@numerusx/core';
import type { Announcer } from './announcer.js';
import type { BotLog } from './bot-log.js';
import { flushBooks } from './book-writer.js';
import { verdictJson } from './decision-record.js';
import type { Executor, Owner } from './executor.js';
import type { DecisionRow, Lease, RuntimeRepository } from './runtime.repository.js';
import { decisionParams, errorText } from './texts.js';
import type { TradingBooks } from './trading-books.js';

export interface StepDeps {
  readonly botId: string;
  readonly repo: RuntimeRepository;
  readonly lease: Lease;
  readonly books: TradingBooks;
  readonly executor: Executor;
  readonly announce: Announcer;
  readonly log: BotLog;
}

export interface Proposal {
  readonly stored: DecisionRow;
  readonly decision: Decision;
  readonly candle: Candle;
  readonly atr: number;
  readonly now: number;
}

export async function gateAndExecute(deps: StepDeps, p: Proposal, risk: RiskConfig): Promise<void> {
  const { books, repo, lease, botId } = deps;
  const { stored, decision, candle, now } = p;
  const pair = decision.pair;
  const verdict = evaluateRisk(
    riskInputOf(
      decision,
      { ledger: books.ledger, fillModel: books.orders.fillModel },
      candle,
      p.atr,
      now,
    ),
    risk,
  );
  let status: 'EXECUTED' | 'VETOED' | 'FAILED' = 'EXECUTED';
  let riskVerdict = verdictJson(verdict);
  let error: string | undefined;
  let placed: string | undefined;
  const owner: Owner = {
    source: 'bot',
    decisionId: stored.id,
    createdBy: null,
    stopLoss: decision.stopLoss,
    takeProfit: decision.takeProfit,
  };
  if (verdict.verdict === 'veto') {
    status = 'VETOED';
  } else if (
    decision.action === 'buy' &&
    books.orders.openOrders(pair).some((o) => o.side === 'buy')
  ) {
    // An entry still waiting for its fill is not doubled by the next candle's signal.
    status = 'VETOED';
    const messageMsg = msg('runtime.decision.entryPending', { pair });
    riskVerdict = verdictJson(verdict, {
      rule: 'entry-pending',
      message: english(messageMsg),
      messageMsg,
    });
  } else {
    try {
      placed =
        decision.action === 'buy'
          ? await deps.executor.buy(pair, verdict.sizeUsd, now, owner, `${botId}:d${stored.id}`)
          : await deps.executor.sell(pair, now, 'signal', owner);
    } catch (e) {
      status = 'FAILED';
      error = errorText(e);
    }
  }
  const written = await repo.fenced(lease, async (tx) => {
    const flushed = await flushBooks(tx, repo, books, { now, snapshot: false });
    const orderRow = placed === undefined ? undefined : books.meta.get(placed)?.rowId;
    const row = await repo.updateDecision(tx, stored.id, {
      status,
      risk_verdict:
        error === undefined ? riskVerdict : JSON.stringify({ ...JSON.parse(riskVerdict), error }),
      order_id: orderRow ?? null,
    });
    return { flushed, row };
  });
  deps.announce.decision(written.row);
  await deps.announce.flushed(written.flushed);
  const what = decisionParams(decision);
  const details = { decisionId: stored.id };
  if (status === 'EXECUTED') await deps.log.info(msg('runtime.log.orderPlaced', what), details);
  else if (status === 'VETOED') await deps.log.info(msg('runtime.log.vetoed', what), details);
  else {
    const failed = msg('runtime.log.orderFailed', { ...what, error: error ?? '' });
    await deps.log.warn(failed, details);
  }
}
