import { describe, expect, it } from 'vitest';
import { AtrStream } from '../../src/indicators/atr.js';
import { createStrategy } from '../../src/strategies/registry.js';
import type { Regime } from '../../src/regime/types.js';
import { HOLD } from '../../src/strategies/types.js';
import type { Signal } from '../../src/strategies/types.js';
import { events, runStrategy } from './run-strategy.js';
import type { PositionMode } from './run-strategy.js';
import { breakoutPath, flatPath, meanReversionPath, momentumPath, trendPath } from './scenarios.js';
import { candlesFromCloses } from './synthetic.js';

interface ScenarioCase {
  readonly name: string;
  readonly strategy: string;
  readonly params?: Record<string, unknown>;
  readonly path: () => number[];
  readonly position: PositionMode;
  readonly regime?: Regime;
  /** Every non-hold signal as `index side`. */
  readonly expect: readonly string[];
}

const downtrend: Regime = { kind: 'trending-down', adx: 35, atrPct: 0.01, volatility: 0.01 };

// One row per scenario, kept on one line each so the table reads as a table.
// prettier-ignore
const cases: ScenarioCase[] = [
  // ── momentum ──────────────────────────────────────────────────────────────────────────────
  // RSI 31.6 crosses 30 on the rebound's 3rd candle with the histogram rising; RSI 68.6 < 70 at 90
  { strategy: 'momentum', name: 'buys the turn out of oversold, sells the fall from overbought', path: momentumPath, position: 'follow', expect: ['74 buy', '90 sell'] },
  // flat all along: the buy, never a sell
  { strategy: 'momentum', name: 'never sells when flat', path: momentumPath, position: 'flat', expect: ['74 buy'] },
  // holding all along: no buy at 74; sells on each MACD cross down (37, 47, 56, 94) and the RSI at 90
  { strategy: 'momentum', name: 'never buys while holding', path: momentumPath, position: 'holding', expect: ['37 sell', '47 sell', '56 sell', '90 sell', '94 sell'] },
  // the dip bottoms at RSI 12.8: an oversold level of 10 is never crossed
  { strategy: 'momentum', name: 'no buy when RSI never dips below the level', params: { oversold: 10 }, path: momentumPath, position: 'flat', expect: [] },
  // ── mean reversion ────────────────────────────────────────────────────────────────────────
  // 94 closes below the lower band (41), 96 closes back inside (42), 99.5 crosses the middle (45)
  { strategy: 'mean-reversion', name: 'buys back inside the lower band, sells at the middle', path: meanReversionPath, position: 'follow', expect: ['42 buy', '45 sell'] },
  { strategy: 'mean-reversion', name: 'never sells when flat', path: meanReversionPath, position: 'flat', expect: ['42 buy'] },
  // holding: every upward middle-band cross of the waves is an exit, never the buy at 42
  { strategy: 'mean-reversion', name: 'never buys while holding', path: meanReversionPath, position: 'holding', expect: ['20 sell', '30 sell', '45 sell', '57 sell'] },
  // exit at the upper band instead: the recovery stops short of it
  { strategy: 'mean-reversion', name: 'exitAt upper waits for the upper band', params: { exitAt: 'upper' }, path: meanReversionPath, position: 'follow', expect: ['42 buy'] },
  // a down-trend regime mutes the buy…
  { strategy: 'mean-reversion', name: 'skips the dip in a down-trend', path: meanReversionPath, position: 'flat', regime: downtrend, expect: [] },
  // …unless told not to (a CLI string, as `--param skipDowntrend=false` gives)
  { strategy: 'mean-reversion', name: 'skipDowntrend false buys anyway', params: { skipDowntrend: 'false' }, path: meanReversionPath, position: 'flat', regime: downtrend, expect: ['42 buy'] },
  // ── trend following ───────────────────────────────────────────────────────────────────────
  // the ramp starts at 80; MAs and +DI agree at once, ADX reaches 20 at 87; −DI takes over at 129
  { strategy: 'trend-following', name: 'buys when the uptrend is confirmed, sells when −DI takes over', path: trendPath, position: 'follow', expect: ['87 buy', '129 sell'] },
  { strategy: 'trend-following', name: 'never sells when flat', path: trendPath, position: 'flat', expect: ['87 buy'] },
  // holding: MA crosses in the waves (56, 67, 77), the DI turn (129) and the MA cross (144)
  { strategy: 'trend-following', name: 'never buys while holding', path: trendPath, position: 'holding', expect: ['56 sell', '67 sell', '77 sell', '129 sell', '144 sell'] },
  // a stricter ADX bar: ADX reaches 30 four candles later
  { strategy: 'trend-following', name: 'a higher adxMin confirms later', params: { adxMin: 30 }, path: trendPath, position: 'flat', expect: ['91 buy'] },
  // ── breakout ──────────────────────────────────────────────────────────────────────────────
  // 103 > 20-candle high 102.4 + 0.1 ATR (40); later highs are not first breakouts; 102.5 < 10-low 103 (52)
  { strategy: 'breakout', name: 'buys the first close above the channel, sells under the exit channel', path: breakoutPath, position: 'follow', expect: ['40 buy', '52 sell'] },
  { strategy: 'breakout', name: 'never sells when flat', path: breakoutPath, position: 'flat', expect: ['40 buy'] },
  { strategy: 'breakout', name: 'never buys while holding', path: breakoutPath, position: 'holding', expect: ['52 sell'] },
  // demand a 1-ATR margin: 103 clears 102.4 by only 0.3 ATR; 106 clears 40's high 103.5 by > 1 ATR
  { strategy: 'breakout', name: 'confirmAtr 1 ignores a marginal breakout', params: { confirmAtr: 1 }, path: breakoutPath, position: 'flat', expect: ['41 buy'] },
  // ── a flat market: nothing for anyone ─────────────────────────────────────────────────────
  { strategy: 'momentum', name: 'flat market', path: flatPath, position: 'follow', expect: [] },
  { strategy: 'mean-reversion', name: 'flat market', path: flatPath, position: 'follow', expect: [] },
  { strategy: 'trend-following', name: 'flat market', path: flatPath, position: 'follow', expect: [] },
  { strategy: 'breakout', name: 'flat market', path: flatPath, position: 'follow', expect: [] },
];

function run(c: ScenarioCase): Signal[] {
  const instance = createStrategy(c.strategy, c.params ?? {});
  return runStrategy(instance, candlesFromCloses(c.path()), {
    position: c.position,
    ...(c.regime ? { regime: c.regime } : {}),
  });
}

describe('built-in strategies on scenario paths', () => {
  it.each(cases)('$strategy: $name', (c) => {
    const signals = run(c);
    expect(events(signals)).toEqual(c.expect);
    // holds are the shared constant, never a fresh object
    for (const s of signals) if (s.side === 'hold') expect(s).toBe(HOLD);
  });
});

/** The signals of one built-in (default params) on a path. */
function signalsOf(strategy: string, path: () => number[], position: PositionMode): Signal[] {
  return run({ name: '', strategy, path, position, expect: [] });
}

describe('signal contents', () => {
  const atrAt = (closes: number[], index: number, period = 14): number => {
    const stream = new AtrStream(period);
    let atr = Number.NaN;
    candlesFromCloses(closes)
      .slice(0, index + 1)
      .forEach((c) => (atr = stream.update(c)));
    return atr;
  };

  // prettier-ignore
  it.each([
    // the buy candle of each path; target ATRs: 3 for momentum, 4 for trend and breakout
    { id: 'momentum', path: momentumPath, at: 74, targetAtr: 3 },
    { id: 'trend-following', path: trendPath, at: 87, targetAtr: 4 },
    { id: 'breakout', path: breakoutPath, at: 40, targetAtr: 4 },
  ])('$id: stop close − 2 ATR, target close + $targetAtr ATR', ({ id, path, at, targetAtr }) => {
    const closes = path();
    const buy = signalsOf(id, path, 'flat')[at]!;
    const atr = atrAt(closes, at);
    expect(buy.side).toBe('buy');
    expect(buy.stopLoss).toBeCloseTo(closes[at]! - 2 * atr, 9);
    expect(buy.takeProfit).toBeCloseTo(closes[at]! + targetAtr * atr, 9);
    expect(buy.confidence).toBeGreaterThan(0.5);
    expect(buy.confidence).toBeLessThanOrEqual(1);
  });

  it('mean reversion targets the middle band and explains with numbers', () => {
    const buy = signalsOf('mean-reversion', meanReversionPath, 'flat')[42]!;
    expect(buy.reason).toMatch(
      /^Close 96 came back inside the lower Bollinger Band 95\.\d+ after closing below it at 94/,
    );
    expect(buy.takeProfit).toBeGreaterThan(99); // the middle band, ~99.3
    expect(buy.takeProfit).toBeLessThan(100);
    expect(buy.stopLoss).toBeLessThan(96);
  });

  // prettier-ignore
  it.each([
    { id: 'momentum', path: momentumPath, at: 74, reason: /^RSI 31\.6 crossed up through 30 \(low 12\.8\) with MACD histogram rising/ },
    { id: 'momentum', path: momentumPath, at: 90, reason: /^RSI 68\.6 fell back through 70 from overbought\.$/ },
    { id: 'trend-following', path: trendPath, at: 87, reason: /^Uptrend confirmed: 20-MA 100\.9 above 50-MA 100\.4, ADX 20\.4 ≥ 20/ },
    { id: 'breakout', path: breakoutPath, at: 40, reason: /^Close 103 broke above the 20-candle high 102\.4 by 0\.3 ATR/ },
  ])('$id at candle $at says why in a sentence with the numbers', ({ id, path, at, reason }) => {
    const signal = signalsOf(id, path, 'follow')[at]!;
    expect(signal.reason).toMatch(reason);
  });
});
