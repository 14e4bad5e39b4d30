/**
 * A decision's outcome, stored once its horizon has passed in market time: what the market did
 * (`marketReturn`), what following the decision returned (`decisionReturn`: the market's move for a
 * buy, its opposite for a sell), and the pnl it led to. For an executed decision whose trades have
 * closed that pnl is theirs (`basis: "trade"`); otherwise it is the decision's size times its return
 * (`basis: "paper"`). A hold is not scored (no side to be right or wrong about) but keeps the
 * market's move, so "holding was right" can still be read off the history.
 */
import type { RuntimeRepository } from './runtime.repository.js';

export interface Outcome {
  readonly horizonMs: number;
  readonly priceAtDecision: number;
  readonly priceAfter: number;
  readonly marketReturn: number;
  readonly decisionReturn: number | null;
  readonly scored: boolean;
  readonly basis?: 'trade' | 'paper';
  readonly pnl?: number;
}

const BATCH = 200;

export class Outcomes {
  constructor(
    private readonly repo: RuntimeRepository,
    private readonly botId: string,
    readonly horizonMs: number,
  ) {}

  /** Settles the decisions of `pair` whose horizon ended by `now`, at `price`. */
  async settle(pair: string, price: number, now: number): Promise<number> {
    const due = await this.repo.awaitingOutcome(this.botId, pair, now - this.horizonMs, BATCH);
    for (const d of due) {
      const at = priceOf(d.inputs);
      if (at === undefined) continue;
      const trades = d.order_id === null ? [] : await this.repo.tradesOfOrder(d.order_id);
      await this.repo.setOutcome(
        d.id,
        JSON.stringify(outcomeOf(d, at, price, this.horizonMs, trades)),
      );
    }
    return due.length;
  }
}

export function outcomeOf(
  d: { readonly action: 'buy' | 'sell' | 'hold'; readonly size_usd: number },
  at: number,
  after: number,
  horizonMs: number,
  trades: readonly { readonly pnl: number | null; readonly exit_ts: number | null }[],
): Outcome {
  const marketReturn = after / at - 1;
  const base = { horizonMs, priceAtDecision: at, priceAfter: after, marketReturn };
  if (d.action === 'hold') return { ...base, decisionReturn: null, scored: false };
  const decisionReturn = d.action === 'buy' ? marketReturn : -marketReturn;
  const closed = trades.length > 0 && trades.every((t) => t.exit_ts !== null && t.pnl !== null);
  if (closed) {
    const pnl = trades.reduce((s, t) => s + (t.pnl ?? 0), 0);
    return { ...base, decisionReturn, scored: true, basis: 'trade', pnl };
  }
  return {
    ...base,
    decisionReturn,
    scored: true,
    basis: 'paper',
    pnl: d.size_usd * decisionReturn,
  };
}

function priceOf(inputs: string): number | undefined {
  try {
    const doc = JSON.parse(inputs) as { price?: unknown };
    return typeof doc.price === 'number' && doc.price > 0 ? doc.price : undefined;
  } catch {
    return undefined;
  }
}
