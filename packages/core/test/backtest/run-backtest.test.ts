import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/backtest/run-backtest.js';
import { marketSpec } from '../../src/market/market.js';
import type { CandleSeries } from '../../src/candles/types.js';
import { createRulesProvider } from '../../src/decisions/rules-provider.js';
import type { DecisionProvider } from '../../src/decisions/types.js';
import { readOhlcv } from '../support/indicator-inputs.js';

const sol = readOhlcv('market/binance_usdt_2021/SOL_USDT-1h.csv');
const market = (candles: CandleSeries) => [{ spec: marketSpec('SOL/USDT'), candles }];

/** A copy of `s` whose candles after index `t` are replaced by a different (still valid) path. */
function divergeAfter(s: CandleSeries, t: number): CandleSeries {
  const copy = (a: Float64Array) => Float64Array.from(a);
  const out = {
    ...s,
    open: copy(s.open),
    high: copy(s.high),
    low: copy(s.low),
    close: copy(s.close),
  };
  for (let i = t + 1; i < s.length; i++) {
    // Mirror the price path around the candle at t: rallies become crashes.
    const pivot = s.close[t]!;
    const f = (x: number) => Math.max(pivot * 0.05, 2 * pivot - x);
    const [o, c, h, l] = [f(s.open[i]!), f(s.close[i]!), f(s.low[i]!), f(s.high[i]!)];
    out.open[i] = o;
    out.close[i] = c;
    out.high[i] = Math.max(h, o, c);
    out.low[i] = Math.min(l, o, c);
  }
  return out;
}

describe('runBacktest', () => {
  it.each(['momentum', 'mean-reversion', 'trend-following', 'breakout'])(
    '%s: the same input gives byte-identical JSON',
    (strategyId) => {
      const run = () =>
        JSON.stringify(runBacktest({ markets: market(sol), strategyId, capital: 10_000 }));
      expect(run()).toBe(run());
    },
  );

  it.each(['momentum', 'breakout'])(
    '%s: the default provider (no texts, not asked on quiet candles) changes no result',
    (strategyId) => {
      // The same rules asked on every candle (no holdsWithoutSignal) and writing their texts.
      const rules = createRulesProvider();
      const askedAlways: DecisionProvider = { id: rules.id, decide: (i) => rules.decide(i) };
      const run = (provider?: DecisionProvider) =>
        JSON.stringify(
          runBacktest({
            markets: market(sol),
            strategyId,
            capital: 10_000,
            ...(provider === undefined ? {} : { provider }),
          }),
        );
      const reference = run(askedAlways);
      expect(run(createRulesProvider())).toBe(reference);
      expect(run()).toBe(reference);
    },
  );

  it('final equity equals cash plus the marked positions, and the curve ends there', () => {
    const r = runBacktest({ markets: market(sol), strategyId: 'breakout', capital: 10_000 });
    const positions = r.final.positions.reduce((sum, p) => sum + p.qty * p.mark, 0);
    expect(r.final.equity).toBe(r.final.cash + positions);
    expect(r.equity.at(-1)!.equity).toBe(r.final.equity);
    expect(r.trades.length).toBeGreaterThan(0);
    expect(r.metrics.tradeCount).toBe(r.trades.length);
  });

  it('no look-ahead: changing candles after t changes no trade entered at or before t', () => {
    const t = 1200;
    const cutoff = sol.ts[t]!;
    const a = runBacktest({ markets: market(sol), strategyId: 'breakout', capital: 10_000 });
    const b = runBacktest({
      markets: market(divergeAfter(sol, t)),
      strategyId: 'breakout',
      capital: 10_000,
    });
    // Entries decided at or before t fill at t+1's open at the latest, which is unchanged only up to t:
    // compare the trades that both entered and exited by t, and the equity curve up to t.
    const closedBy = (r: typeof a) => r.trades.filter((x) => x.exitTs <= cutoff);
    expect(closedBy(b)).toEqual(closedBy(a));
    expect(b.equity.slice(0, t + 1)).toEqual(a.equity.slice(0, t + 1));
    expect(JSON.stringify(b.trades)).not.toBe(JSON.stringify(a.trades)); // the change did matter after t
  });

  it.each([
    // what is wrong                       config override                         message
    ['unknown strategy', { strategyId: 'nope' }, /unknown strategy "nope"/],
    [
      'parameter out of range',
      { params: { rsiPeriod: 500 } },
      /rsiPeriod must be an integer from 2 to 100/,
    ],
    ['from after to', { from: 2, to: 1 }, /is after --to/],
    ['no candles in the period', { from: 0, to: 1000 }, /fewer than 2 candles/],
    ['zero capital', { capital: 0 }, /capital must be a positive amount/],
  ])('refuses %s with a clear error', (_what, override, message) => {
    expect(() =>
      runBacktest({ markets: market(sol), strategyId: 'momentum', capital: 10_000, ...override }),
    ).toThrow(message);
  });
});
