import type { CandlesResponse } from '@numerusx/contracts';
import type { LinePoint } from '../components/charts/LineChart';

/**
 * Buy and hold from the candles: everything bought at the first close, one fee paid.
 * equity_i = capital × (1 − feeBps / 10⁴) × close_i / close_0.
 */
export function buyAndHoldCurve(
  candles: CandlesResponse['candles'],
  capital: number,
  feeBps: number,
): LinePoint[] {
  const first = candles[0]?.close;
  if (first === undefined || !(first > 0)) return [];
  const units = (capital * (1 - feeBps / 10_000)) / first;
  return candles.map((c) => ({ ts: c.ts, value: units * c.close }));
}
