/**
 * True range (TA-Lib TRANGE): the largest of high − low, |high − previous close|,
 * |low − previous close|. The first candle has no previous close, so TA-Lib gives it no value.
 */
export function trueRange(high: number, low: number, prevClose: number): number {
  let range = high - low;
  const up = Math.abs(high - prevClose);
  if (up > range) range = up;
  const down = Math.abs(low - prevClose);
  if (down > range) range = down;
  return range;
}
