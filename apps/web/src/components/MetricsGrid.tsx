/** Performance metrics (DESIGN §3 fractions and quote-currency money), optionally beside a peer. */
import type { PerformanceMetrics } from '@numerusx/contracts';
import { useTranslation } from 'react-i18next';
import { money, num, pct } from '../lib/format';

type Key = keyof PerformanceMetrics;
const ROWS: readonly (readonly [Key, (v: number | null) => string])[] = [
  ['totalReturn', (v) => pct(v)],
  ['cagr', (v) => pct(v)],
  ['sharpe', (v) => num(v, 2)],
  ['sortino', (v) => num(v, 2)],
  ['calmar', (v) => num(v, 2)],
  ['maxDrawdown', (v) => pct(v)],
  ['winRate', (v) => pct(v, 1)],
  ['profitFactor', (v) => num(v, 2)],
  ['expectancy', (v) => money(v)],
  ['exposure', (v) => pct(v, 1)],
  ['tradeCount', (v) => num(v, 0)],
  ['bestTrade', (v) => money(v)],
  ['worstTrade', (v) => money(v)],
];

/** Columns: one per named metrics set (a strategy, buy-and-hold, another run). */
export function MetricsTable({
  columns,
}: {
  readonly columns: readonly { readonly name: string; readonly metrics: PerformanceMetrics }[];
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table data-testid="metrics">
        <thead>
          <tr>
            <th />
            {columns.map((c) => (
              <th key={c.name} className="num">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([key, fmt]) => (
            <tr key={key} data-metric={key}>
              <td>{t(`metrics.${key}` as 'metrics.cagr')}</td>
              {columns.map((c) => (
                <td key={c.name} className="num">
                  {fmt(c.metrics[key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
