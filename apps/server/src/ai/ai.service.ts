/**
 * The AI decisions hub: what each provider proposed, what became of it, and how well each provider,
 * regime and confidence level did. Prompts and raw answers are for admins only.
 */
import type {
  AiPerformance,
  DecisionDetail,
  DecisionSummary,
  PerformanceGroup,
} from '@numerusx/contracts';
import { NotFound, ValidationError } from '@numerusx/core';
import type {
  AiRepository,
  DecisionFilter,
  DecisionSummaryRow,
  OutcomeFilter,
} from './ai.repository.js';
import { storedMsg } from '../db/stored-msg.js';

interface Tally {
  decisions: number;
  wins: number;
  losses: number;
  pnl: number;
  confidence: number;
  /** Sum and count of decision returns (outcomes that carry one). */
  returns: number;
  returned: number;
  costUsd: number;
}

interface Scored {
  readonly pnl: number;
  readonly decisionReturn: number | undefined;
}

export class AiService {
  constructor(private readonly repo: AiRepository) {}

  list(filter: DecisionFilter): Promise<DecisionSummaryRow[]> {
    checkRange(filter.from, filter.to);
    return this.repo.list(filter);
  }

  async get(id: number, canSeePrompts: boolean): Promise<DecisionDetail> {
    const r = await this.repo.find(id);
    if (r === undefined) throw new NotFound(`decision ${id} not found`);
    return {
      ...decisionSummary(r),
      steps: parseJson(r.steps),
      inputs: parseJson(r.inputs),
      validation: parseJson(r.validation),
      riskVerdict: r.risk_verdict === null ? null : parseJson(r.risk_verdict),
      tokensIn: r.tokens_in,
      tokensOut: r.tokens_out,
      prompt: canSeePrompts ? r.prompt : null,
      rawResponse: canSeePrompts ? r.raw_response : null,
      redacted: !canSeePrompts,
    };
  }

  /**
   * Aggregates over decisions with an outcome (the JSON the runtime writes once a decision's
   * horizon has passed, runtime/outcomes.ts): its numeric `pnl` decides win (> 0) or loss (< 0),
   * `decisionReturn` feeds the average return. Holds are stored `scored: false` (no side to be
   * right about) and counted apart; outcomes without a numeric pnl are counted as unreadable
   * rather than guessed. Cost is the model's spend on the decisions counted.
   */
  async performance(filter: OutcomeFilter): Promise<AiPerformance> {
    checkRange(filter.from, filter.to);
    const [rows, costByDay] = await Promise.all([
      this.repo.withOutcome(filter),
      this.repo.costByDay(filter),
    ]);
    const byProvider = new Map<string, Tally>();
    const byRegime = new Map<string, Tally>();
    const byConfidence = new Map<string, Tally>();
    let evaluated = 0;
    let unreadable = 0;
    let unscored = 0;
    for (const r of rows) {
      const scored = scoredOutcome(r.outcome);
      if (scored === 'unscored') {
        unscored++;
        continue;
      }
      if (scored === undefined) {
        unreadable++;
        continue;
      }
      evaluated++;
      const cost = r.cost_usd ?? 0;
      add(byProvider, r.provider, scored, r.confidence, cost);
      add(byRegime, r.regime ?? 'unknown', scored, r.confidence, cost);
      add(byConfidence, confidenceBucket(r.confidence), scored, r.confidence, cost);
    }
    return {
      evaluated,
      unreadable,
      unscored,
      byProvider: groups(byProvider),
      byRegime: groups(byRegime),
      byConfidence: groups(byConfidence),
      costByDay,
    };
  }
}

function checkRange(from: number | undefined, to: number | undefined): void {
  if (from !== undefined && to !== undefined && from > to) {
    throw new ValidationError(`from (${from}) is after to (${to})`);
  }
}

/** `0.6-0.7` for 0.6 ≤ c < 0.7; 1.0 falls in the last bucket, `0.9-1.0`. */
export function confidenceBucket(c: number): string {
  const lo = Math.min(9, Math.max(0, Math.floor(c * 10 + 1e-9)));
  return `${(lo / 10).toFixed(1)}-${((lo + 1) / 10).toFixed(1)}`;
}

function scoredOutcome(outcome: string | null): Scored | 'unscored' | undefined {
  if (outcome === null) return undefined;
  const doc = parseJson(outcome);
  if (typeof doc !== 'object' || doc === null) return undefined;
  if ('scored' in doc && doc.scored === false) return 'unscored';
  if (!('pnl' in doc)) return undefined;
  const pnl = doc.pnl;
  if (typeof pnl !== 'number' || !Number.isFinite(pnl)) return undefined;
  const ret = 'decisionReturn' in doc ? doc.decisionReturn : undefined;
  return {
    pnl,
    decisionReturn: typeof ret === 'number' && Number.isFinite(ret) ? ret : undefined,
  };
}

function add(
  map: Map<string, Tally>,
  key: string,
  scored: Scored,
  confidence: number,
  costUsd: number,
): void {
  const t = map.get(key) ?? {
    decisions: 0,
    wins: 0,
    losses: 0,
    pnl: 0,
    confidence: 0,
    returns: 0,
    returned: 0,
    costUsd: 0,
  };
  t.decisions++;
  if (scored.pnl > 0) t.wins++;
  if (scored.pnl < 0) t.losses++;
  t.pnl += scored.pnl;
  t.confidence += confidence;
  t.costUsd += costUsd;
  if (scored.decisionReturn !== undefined) {
    t.returns += scored.decisionReturn;
    t.returned++;
  }
  map.set(key, t);
}

function groups(map: Map<string, Tally>): PerformanceGroup[] {
  return [...map]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, t]) => ({
      key,
      decisions: t.decisions,
      wins: t.wins,
      losses: t.losses,
      winRate: t.decisions === 0 ? null : t.wins / t.decisions,
      totalPnl: t.pnl,
      averagePnl: t.decisions === 0 ? null : t.pnl / t.decisions,
      averageConfidence: t.decisions === 0 ? null : t.confidence / t.decisions,
      averageReturn: t.returned === 0 ? null : t.returns / t.returned,
      costUsd: t.costUsd,
    }));
}

/** Stored documents are ours; one that does not parse is shown as its text, not a 500. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function decisionSummary(r: DecisionSummaryRow): DecisionSummary {
  return {
    id: r.id,
    botId: r.bot_id,
    ts: r.ts,
    pair: r.pair,
    action: r.action,
    sizeUsd: r.size_usd,
    stopLoss: r.stop_loss,
    takeProfit: r.take_profit,
    confidence: r.confidence,
    reasoning: r.reasoning,
    reasoningMsg: storedMsg(r.reasoning_msg),
    provider: r.provider,
    model: r.model,
    regime: r.regime,
    status: r.status,
    latencyMs: r.latency_ms,
    costUsd: r.cost_usd,
    orderId: r.order_id,
    outcome: r.outcome === null ? null : parseJson(r.outcome),
  };
}
