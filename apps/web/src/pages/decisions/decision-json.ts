/**
 * The stored JSON parts of a decision (steps, inputs, verdict, outcome) are `unknown` in the
 * contract: their shape belongs to the provider that wrote them. These readers take what they
 * recognise and leave the rest to the raw JSON view. Each text keeps its message descriptor when
 * the record has one (`titleMsg`, `detailMsg`, `messageMsg`, `reasonMsg`), for the reader's language.
 */
import type { Msg } from '@numerusx/core';
import { msgField } from '../../i18n/server-text';

export interface Step {
  readonly title: string;
  readonly titleMsg: Msg | null;
  readonly detail: string;
  readonly detailMsg: Msg | null;
}

export interface Verdict {
  readonly verdict: string;
  /** Set instead of a verdict when the decision was interrupted before the gate ruled. */
  readonly error: string | null;
  readonly errorMsg: Msg | null;
  readonly sizeUsd: number | null;
  readonly reasons: readonly {
    readonly rule: string;
    readonly message: string;
    readonly messageMsg: Msg | null;
  }[];
}

export interface SignalInput {
  readonly strategyId: string;
  readonly side: string;
  readonly confidence: number | null;
  readonly reason: string;
  readonly reasonMsg: Msg | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function readSteps(v: unknown): Step[] {
  if (!Array.isArray(v)) return [];
  return v.map((s, i) =>
    isRecord(s)
      ? {
          title: str(s['title'] ?? s['name'] ?? `#${i + 1}`),
          titleMsg: msgField(s, 'titleMsg'),
          detail: str(s['detail'] ?? s['text']),
          detailMsg: msgField(s, 'detailMsg'),
        }
      : { title: `#${i + 1}`, titleMsg: null, detail: str(s), detailMsg: null },
  );
}

export function readVerdict(v: unknown): Verdict | null {
  if (!isRecord(v)) return null;
  const reasons = Array.isArray(v['reasons'])
    ? v['reasons'].filter(isRecord).map((r) => ({
        rule: str(r['rule']),
        message: str(r['message']),
        messageMsg: msgField(r, 'messageMsg'),
      }))
    : [];
  return {
    verdict: str(v['verdict']),
    error: typeof v['error'] === 'string' ? v['error'] : null,
    errorMsg: msgField(v, 'errorMsg'),
    sizeUsd: numOrNull(v['sizeUsd']),
    reasons,
  };
}

export function readSignals(inputs: unknown): SignalInput[] {
  if (!isRecord(inputs) || !Array.isArray(inputs['signals'])) return [];
  return inputs['signals'].filter(isRecord).map((s) => {
    const signal = isRecord(s['signal']) ? s['signal'] : {};
    return {
      strategyId: str(s['strategyId']),
      side: str(signal['side']),
      confidence: numOrNull(signal['confidence']),
      reason: str(signal['reason']),
      reasonMsg: msgField(signal, 'reasonMsg') ?? msgField(s, 'reasonMsg'),
    };
  });
}

/** The outcome's pnl, when the trade closed and was scored. */
export function outcomePnl(outcome: unknown): number | null {
  return isRecord(outcome) ? numOrNull(outcome['pnl']) : null;
}

/** The outcome document's fields as stored (formatted and labelled by the detail page). */
export function outcomeEntries(outcome: unknown): [string, unknown][] {
  return isRecord(outcome) ? Object.entries(outcome) : [];
}
