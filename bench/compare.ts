// Correctness against TA-Lib: a contender's output columns are aligned to the END of the series
// (peers drop warm-up values, so their output is shorter), then compared with TA-Lib's values.

/** A value a peer may put in its output: a number, or nothing yet during its warm-up. */
export type Cell = number | null | undefined;

/** What a contender's output looks like once picked apart into named columns. */
export type Columns = Readonly<Record<string, ArrayLike<Cell>>>;

export interface Correctness {
  /** Worst relative error over rows where both the reference and the contender have a value. */
  readonly maxRelError: number | null;
  /** Worst relative error over the last half of the rows (shows seeding differences that fade). */
  readonly maxRelErrorLastHalf: number | null;
  /** Leading rows without a value, contender vs reference, per column. */
  readonly warmupMatches: boolean;
  readonly correct: boolean;
  readonly rowsCompared: number;
  readonly detail?: string;
}

/** The contender's column as a full-length Float64Array, aligned to the end; missing → NaN. */
export function alignToEnd(values: ArrayLike<Cell>, n: number): Float64Array {
  const out = new Float64Array(n).fill(Number.NaN);
  const len = Math.min(values.length, n);
  const shift = n - values.length;
  for (let i = values.length - len; i < values.length; i++) {
    const v = values[i];
    out[i + shift] = typeof v === 'number' ? v : Number.NaN;
  }
  return out;
}

function leadingMissing(a: Float64Array): number {
  let i = 0;
  while (i < a.length && Number.isNaN(a[i]!)) i++;
  return i;
}

/** The same relative error as the core tests: |a − e| / |e|, or |a| where e is 0. */
export function relError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

export const CORRECT_TOLERANCE = 1e-9;

export function compareColumns(
  reference: ReadonlyMap<string, Float64Array>,
  names: readonly string[],
  actual: Columns,
): Correctness {
  let worst = 0;
  let worstTail = 0;
  let rows = 0;
  let warmupMatches = true;
  const notes: string[] = [];
  for (const name of names) {
    const expected = reference.get(name);
    const got = actual[name];
    if (!expected) throw new Error(`no reference column ${name}`);
    if (!got) {
      notes.push(`no ${name} output`);
      warmupMatches = false;
      continue;
    }
    const n = expected.length;
    const a = alignToEnd(got, n);
    const wantWarmup = leadingMissing(expected);
    const gotWarmup = leadingMissing(a);
    if (wantWarmup !== gotWarmup) {
      warmupMatches = false;
      notes.push(`${name} warm-up ${gotWarmup} vs TA-Lib ${wantWarmup}`);
    }
    for (let i = 0; i < n; i++) {
      const e = expected[i]!;
      const v = a[i]!;
      if (Number.isNaN(e) || Number.isNaN(v)) continue;
      rows++;
      const r = relError(v, e);
      if (r > worst || Number.isNaN(r)) worst = Number.isNaN(r) ? Infinity : r;
      if (i >= n / 2 && r > worstTail) worstTail = r;
    }
  }
  const compared = rows > 0;
  return {
    maxRelError: compared ? worst : null,
    maxRelErrorLastHalf: compared ? worstTail : null,
    warmupMatches,
    correct: compared && warmupMatches && worst <= CORRECT_TOLERANCE,
    rowsCompared: rows,
    ...(notes.length > 0 ? { detail: notes.join('; ') } : {}),
  };
}
