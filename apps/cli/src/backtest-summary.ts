import type { BacktestResult } from '@numerusx/core';

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(2)} %`);
const num = (x: number | null, digits = 2): string => (x === null ? '—' : x.toFixed(digits));
const days = (ms: number): string => `${(ms / 86_400_000).toFixed(1)} d`;
const date = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** The human summary of a backtest: strategy against buy-and-hold, then the decision funnel. */
export function formatSummary(r: BacktestResult): string {
  const m = r.metrics;
  const b = r.buyAndHold;
  const rows: [string, string, string][] = [
    ['Total return', pct(m.totalReturn), pct(b.totalReturn)],
    ['CAGR', pct(m.cagr), pct(b.cagr)],
    ['Sharpe', num(m.sharpe), num(b.sharpe)],
    ['Sortino', num(m.sortino), num(b.sortino)],
    ['Calmar', num(m.calmar), num(b.calmar)],
    ['Max drawdown', pct(m.maxDrawdown), pct(b.maxDrawdown)],
    ['Max drawdown duration', days(m.maxDrawdownDuration), days(b.maxDrawdownDuration)],
    ['Exposure', pct(m.exposure), pct(b.exposure)],
    ['Trades', String(m.tradeCount), String(b.tradeCount)],
    ['Win rate', pct(m.winRate), pct(b.winRate)],
    ['Profit factor', num(m.profitFactor), num(b.profitFactor)],
    ['Expectancy', num(m.expectancy), num(b.expectancy)],
    ['Best / worst trade', `${num(m.bestTrade)} / ${num(m.worstTrade)}`, '—'],
  ];
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max('strategy'.length, ...rows.map((x) => x[1].length));
  const line = (a: string, c: string, d: string): string =>
    `  ${a.padEnd(w0)}  ${c.padStart(w1)}  ${d.padStart(12)}\n`;
  const d = r.decisions;
  const vetoes = Object.entries(d.vetoReasons)
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
  return (
    `${r.strategy.id} on ${r.markets.join(', ')} ${r.timeframe}, ${date(r.period.from)} → ${date(r.period.to)} UTC, ` +
    `${r.period.candles} candles, capital ${r.capital}\n\n` +
    line('', 'strategy', 'buy & hold') +
    rows.map(([a, c, e]) => line(a, c, e)).join('') +
    `\n  Final equity ${r.final.equity} = cash ${r.final.cash}` +
    r.final.positions.map((p) => ` + ${p.qty} ${p.asset} × ${p.mark}`).join('') +
    `\n  Decisions: ${d.proposed} proposed, ${d.approved} approved, ${d.resized} resized, ${d.vetoed} vetoed` +
    (vetoes ? ` (${vetoes})` : '') +
    '\n'
  );
}
