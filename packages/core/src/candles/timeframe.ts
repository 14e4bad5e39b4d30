import { ValidationError } from '../errors.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The candle intervals exchanges publish (Binance's list minus 1s and the calendar month). */
export const TIMEFRAMES = {
  '1m': MINUTE,
  '3m': 3 * MINUTE,
  '5m': 5 * MINUTE,
  '15m': 15 * MINUTE,
  '30m': 30 * MINUTE,
  '1h': HOUR,
  '2h': 2 * HOUR,
  '4h': 4 * HOUR,
  '6h': 6 * HOUR,
  '8h': 8 * HOUR,
  '12h': 12 * HOUR,
  '1d': DAY,
  '3d': 3 * DAY,
  '1w': 7 * DAY,
} as const;

export type TimeframeLabel = keyof typeof TIMEFRAMES;

/**
 * A candle interval. `label` is one of {@link TIMEFRAMES} when the spacing is a standard one,
 * otherwise a compact form of the spacing ('7m', '90s', '1500ms') so odd data still gets a name.
 */
export interface Timeframe {
  readonly label: string;
  readonly ms: number;
}

/** A hole in a series: the open times of the candles either side and how many candles fit in it. */
export interface CandleGap {
  readonly after: number;
  readonly before: number;
  readonly missing: number;
  /** The spacing is not a whole number of candles: the series left its grid (clock shift, bad data). */
  readonly misaligned?: true;
}

/** The milliseconds of a timeframe label; refuses anything not in {@link TIMEFRAMES}. */
export function parseTimeframe(label: string): number {
  if (Object.hasOwn(TIMEFRAMES, label)) return TIMEFRAMES[label as TimeframeLabel];
  throw new ValidationError(
    `unknown timeframe '${label}'; valid: ${Object.keys(TIMEFRAMES).join(', ')}`,
    { timeframe: label },
  );
}

/** The name of a spacing in milliseconds: a standard label when there is one. */
export function timeframeLabel(ms: number): string {
  for (const [label, value] of Object.entries(TIMEFRAMES)) if (value === ms) return label;
  const units: [string, number][] = [
    ['w', 7 * DAY],
    ['d', DAY],
    ['h', HOUR],
    ['m', MINUTE],
    ['s', 1000],
  ];
  for (const [unit, size] of units) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/**
 * The interval of a series from its most common spacing. The mode, not the minimum or the first
 * spacing, so that gaps (thin markets, exchange outages) and a stray short spacing do not decide;
 * ties go to the smallest spacing.
 */
export function detectTimeframe(ts: Float64Array): Timeframe {
  if (ts.length < 2) {
    throw new ValidationError(`a timeframe needs at least 2 candles, got ${ts.length}`);
  }
  const counts = new Map<number, number>();
  // Counted by runs of one spacing: a regular series touches the Map once per change of spacing
  // (a gap), not once per candle; the counts, and so the answer, are the same.
  let step = ts[1]! - ts[0]!;
  let run = 0;
  for (let i = 1; i < ts.length; i++) {
    const s = ts[i]! - ts[i - 1]!;
    if (!(s > 0)) {
      throw new ValidationError(`timestamps are not ascending at index ${i}`, { index: i });
    }
    if (s === step) {
      run++;
    } else {
      counts.set(step, (counts.get(step) ?? 0) + run);
      step = s;
      run = 1;
    }
  }
  counts.set(step, (counts.get(step) ?? 0) + run);
  let best = 0;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return { label: timeframeLabel(best), ms: best };
}

/**
 * Every place where the next candle does not open one timeframe after the previous one. Reports,
 * never fills: inventing candles would feed indicators prices that did not trade. `missing` is
 * the number of whole candles that fit between the two (floor(spacing / timeframe) − 1, never
 * below 0); a spacing that is not a whole multiple is flagged `misaligned`.
 */
export function findGaps(ts: Float64Array, timeframeMs: number): CandleGap[] {
  if (!Number.isSafeInteger(timeframeMs) || timeframeMs <= 0) {
    throw new ValidationError(`timeframe must be a whole number of ms > 0, got ${timeframeMs}`);
  }
  const gaps: CandleGap[] = [];
  for (let i = 1; i < ts.length; i++) {
    const after = ts[i - 1]!;
    const before = ts[i]!;
    const step = before - after;
    if (step === timeframeMs) continue;
    const missing = Math.max(0, Math.floor(step / timeframeMs) - 1);
    gaps.push(
      step % timeframeMs === 0
        ? { after, before, missing }
        : { after, before, missing, misaligned: true },
    );
  }
  return gaps;
}
