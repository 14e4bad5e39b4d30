import { describe, expect, it } from 'vitest';
import type { Candle } from '../../src/candles/types.js';
import { ValidationError } from '../../src/errors.js';
import { RegimeDetector, detectRegimes } from '../../src/regime/detect-regime.js';
import type { RegimeOptions } from '../../src/regime/detect-regime.js';
import type { RegimeKind } from '../../src/regime/types.js';
import { candlesOf, readOhlcv } from '../support/indicator-inputs.js';
import { candlesFromCloses, flat, geometric, randomWalk, sine } from '../strategies/synthetic.js';

interface RegimeCase {
  readonly name: string;
  readonly candles: () => Candle[];
  /** Indices to check (defaults: every index from the first classified one, 113). */
  readonly from?: number;
  readonly to?: number;
  readonly expect: RegimeKind;
}

/** 200 waves of ±1 % over 12 candles at 0.5 % spread, then 10 candles whose range is 10× wider. */
function rangeExpansion(): Candle[] {
  const closes = [...sine(200, 100, 1, 12), ...sine(10, 100, 1, 12, 200)];
  return candlesFromCloses(closes, [...flat(200, 0.005), ...flat(10, 0.05)]);
}

const ramp = (rate: number) => (): Candle[] => candlesFromCloses(geometric(200, 100, rate));
const waves = (period: number) => (): Candle[] => candlesFromCloses(sine(240, 100, 3, period));

// Each row: the series, the candles checked (default: from the first classified one, 113, to the
// end) and the one kind all of them must have.
// prettier-ignore
const cases: RegimeCase[] = [
  // +0.4 % a candle for 200 candles: +DM every candle, −DM never → ADX 100, +DI > −DI
  { name: 'steady ramp up is trending-up', candles: ramp(0.004), expect: 'trending-up' },
  // the mirror image
  { name: 'steady ramp down is trending-down', candles: ramp(-0.004), expect: 'trending-down' },
  // ±3 % sine of 12 candles: direction flips every 6 candles, ADX stays ~15 < 25
  { name: 'flat sine (12-candle waves) is ranging', candles: waves(12), expect: 'ranging' },
  // faster waves: ADX ~10
  { name: 'flat sine (8-candle waves) is ranging', candles: waves(8), expect: 'ranging' },
  // ranging until 199 (ATR% ~1.3 %)…
  { name: 'range expansion: ranging before', candles: rangeExpansion, to: 200, expect: 'ranging' },
  // …then ranges of 10 %: by the 2nd wide candle ATR% 2.6 % > 1.8 × baseline ~1.35 %
  { name: 'range expansion: volatile after', candles: rangeExpansion, from: 201, expect: 'volatile' },
  // warm-up: the ATR% baseline (ATR from 14, EMA(100) of it from 14 + 99 = 113) comes last
  { name: 'unknown during warm-up', candles: ramp(0.004), from: 0, to: 113, expect: 'unknown' },
];

describe('RegimeDetector on synthetic series', () => {
  it.each(cases)('$name', (c) => {
    const regimes = detectRegimes(c.candles());
    const kinds = regimes.slice(c.from ?? 113, c.to ?? regimes.length).map((r) => r.kind);
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set([c.expect]));
  });

  it('fills the numbers once they exist, NaN before', () => {
    const regimes = detectRegimes(candlesFromCloses(sine(240, 100, 3, 12)));
    expect(regimes[26]!.adx).toBeNaN(); // ADX(14) first at 2·14 − 1 = 27
    expect(regimes[27]!.adx).toBeGreaterThan(0);
    expect(regimes[13]!.atrPct).toBeNaN(); // ATR(14) first at 14
    expect(regimes[14]!.atrPct).toBeGreaterThan(0);
    expect(regimes[47]!.volatility).toBeNaN(); // 48 log returns need 49 candles
    expect(regimes[48]!.volatility).toBeGreaterThan(0);
  });

  it('shorter periods shorten the warm-up', () => {
    const opts: RegimeOptions = {
      adxPeriod: 5,
      atrPeriod: 5,
      baselinePeriod: 10,
      volatilityWindow: 10,
    };
    const regimes = detectRegimes(candlesFromCloses(geometric(40, 100, 0.004)), opts);
    expect(regimes[13]!.kind).toBe('unknown'); // baseline: ATR from 5, EMA(10) → 5 + 9 = 14
    expect(regimes[14]!.kind).toBe('trending-up');
  });

  it.each([
    [{ volatileRatio: 1 }, 'volatileRatio must be a number above 1, got 1'],
    [{ trendAdx: 100 }, 'trendAdx must be a number from 0 to 100, got 100'],
    [{ volatilityWindow: 1 }, 'volatilityWindow must be a whole number from 2'],
    [{ adxPeriod: 1.5 }, 'period must be a whole number'],
  ] as const)('refuses options %o', (opts, message) => {
    expect(() => new RegimeDetector(opts)).toThrow(ValidationError);
    expect(() => new RegimeDetector(opts)).toThrow(message);
  });
});

describe('RegimeDetector on real candles', () => {
  const candles = candlesOf(readOhlcv('market/binance_usdt_2021/SOL_USDT-1h.csv'));
  const regimes = detectRegimes(candles);
  const at = (iso: string): RegimeKind => {
    const i = candles.findIndex((c) => c.ts === Date.parse(iso));
    return regimes[i]!.kind;
  };

  it.each([
    // 19 May 2021: SOL −19 % in the 12:00 candle (43.97 → 35.49)
    ['2021-05-19T12:00:00Z', 'volatile'],
    // the rebound hours: ranges stay > 1.8× normal
    ['2021-05-19T18:00:00Z', 'volatile'],
    // the slide into the crash: ADX 27, −DI above +DI
    ['2021-05-19T08:00:00Z', 'trending-down'],
    // next morning the ATR% baseline has caught up; the fall is a strong down trend (ADX 50)
    ['2021-05-20T04:00:00Z', 'trending-down'],
  ] as const)('%s is %s', (iso, kind) => {
    expect(at(iso)).toBe(kind);
  });

  it('volatile is the exception, not the rule (under 5 % of classified candles)', () => {
    const classified = regimes.filter((r) => r.kind !== 'unknown');
    const volatile = classified.filter((r) => r.kind === 'volatile').length;
    expect(volatile / classified.length).toBeLessThan(0.05);
    expect(volatile).toBeGreaterThan(0);
  });

  it('realised volatility equals the direct population std of the last 48 log returns', () => {
    const closes = candles.map((c) => c.close);
    for (const i of [48, 49, 95, 96, 97, 500, 1234, candles.length - 1]) {
      expect(regimes[i]!.volatility).toBeCloseTo(directStd(closes, i, 48), 12);
    }
  });
});

describe('RegimeDetector over a long stream', () => {
  it('keeps volatility exact after 200k candles (running sums re-summed each window)', () => {
    const closes = randomWalk(200_000, 100, 0.01);
    const detector = new RegimeDetector({ volatilityWindow: 50 });
    const last = candlesFromCloses(closes)
      .map((c) => detector.update(c))
      .at(-1)!;
    expect(last.volatility).toBeCloseTo(directStd(closes, closes.length - 1, 50), 12);
    expect(detector.seen).toBe(200_000);
  });
});

/** Population std of the `window` log returns ending at `end`, computed the slow, obvious way. */
function directStd(closes: readonly number[], end: number, window: number): number {
  const rets: number[] = [];
  for (let k = end - window + 1; k <= end; k++) rets.push(Math.log(closes[k]! / closes[k - 1]!));
  const mean = rets.reduce((a, b) => a + b, 0) / window;
  return Math.sqrt(rets.reduce((a, b) => a + (b - mean) ** 2, 0) / window);
}
