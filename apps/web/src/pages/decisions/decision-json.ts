/**
 * The stored JSON parts of a decision (steps, inputs, verdict, outcome) are `unknown` in the
 * contract: their shape belongs to the provider that wrote them. These readers take what they
 * recognise and leave the rest to the raw JSON view.
 */
export interface Step {
  readonly title: string;
  readonly detail: string;
}

export interface Verdict {
  readonly verdict: string;
  readonly sizeUsd: number | null;
  readonly reasons: readonly { readonly rule: string; readonly message: string }[];
}

export interface SignalInput {
  readonly strategyId: string;
  readonly side: string;
  readonly confidence: number | null;
  readonly reason: string;
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
          detail: str(s['detail'] ?? s['text']),
        }
      : { title: `#${i + 1}`, detail: str(s) },
  );
}

export function readVerdict(v: unknown): Verdict | null {
  if (!isRecord(v)) return null;
  const reasons = Array.isArray(v['reasons'])
    ? v['reasons']
        .filter(isRecord)
        .map((r) => ({ rule: str(r['rule']), message: str(r['message']) }))
    : [];
  return { verdict: str(v['verdict']), sizeUsd: numOrNull(v['sizeUsd']), reasons };
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
    };
  });
}

/** The outcome's pnl, when the trade closed and was scored. */
export function outcomePnl(outcome: unknown): number | null {
  return isRecord(outcome) ? numOrNull(outcome['pnl']) : null;
}

export function outcomeFacts(outcome: unknown): [string, string][] {
  if (!isRecord(outcome)) return [];
  return Object.entries(outcome).map(([k, v]) => [
    k,
    typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : str(v),
  ]);
}
