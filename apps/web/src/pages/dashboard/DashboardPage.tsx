/** Home: KPIs, equity curve, positions with live marks, performance; what to do when empty. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryInterval } from '../../api/keys';
import { useHistory, useOverview, usePerformance } from '../../api/queries';
import { HistogramChart } from '../../components/charts/HistogramChart';
import { LineChart } from '../../components/charts/LineChart';
import { MetricsTable } from '../../components/MetricsGrid';
import { Card, Empty, ErrorNote, Kpi } from '../../components/ui';
import { date, dateTime, money, pct, signedMoney, tone } from '../../lib/format';
import { dailyPnl, drawdownFromPeak } from '../../lib/portfolio-math';
import { Positions } from './Positions';

/** Gains green, losses red (the same tokens as the table's tone classes). */
const PNL_COLORS = { up: '--pos', down: '--neg' } as const;

export default function DashboardPage() {
  const { t } = useTranslation();
  const overview = useOverview();
  const [interval, setInterval] = useState<HistoryInterval>('raw');
  const history = useHistory(interval);
  // Daily points: the PnL-by-day table, and (with the chart's points) the peak for the drawdown.
  const daily = useHistory('1d');
  const performance = usePerformance();
  const o = overview.data;

  const drawdown = useMemo(() => {
    const points = [...(daily.data?.items ?? []), ...(history.data?.items ?? [])];
    const current = o?.equity == null || o.asOf === null ? null : { ts: o.asOf, equity: o.equity };
    return drawdownFromPeak(points, current);
  }, [daily.data, history.data, o?.equity, o?.asOf]);
  const allDays = useMemo(() => dailyPnl(daily.data?.items ?? []), [daily.data]);
  const days = useMemo(() => allDays.slice(0, 30), [allDays]);
  // Day-over-day equity change as bars (the first day has nothing to compare with).
  const pnlBars = useMemo(
    () => allDays.flatMap((d) => (d.change === null ? [] : [{ ts: d.ts, value: d.change }])),
    [allDays],
  );

  const lines = useMemo(
    () => [
      {
        name: t('dashboard.equityChart'),
        color: '--accent',
        points: (history.data?.items ?? []).map((p) => ({ ts: p.ts, value: p.equity })),
      },
    ],
    [history.data, t],
  );

  return (
    <div className="page">
      <h1>{t('dashboard.title')}</h1>
      <ErrorNote error={overview.error} />
      {o !== undefined && !o.hasData && (
        <Card>
          <Empty action={{ to: '/bot', label: t('dashboard.goToBot') }}>
            {t('dashboard.noData')}
          </Empty>
        </Card>
      )}
      {o?.hasData === true && (
        <>
          <div className="kpis" data-testid="kpis">
            <Kpi testId="kpi-equity" label={t('dashboard.equity')} value={money(o.equity)} />
            <Kpi label={t('dashboard.cash')} value={money(o.cash)} />
            <Kpi label={t('dashboard.positionsValue')} value={money(o.positionsValue)} />
            <Kpi
              label={t('dashboard.realized')}
              value={signedMoney(o.realizedPnl)}
              tone={tone(o.realizedPnl)}
            />
            <Kpi
              label={t('dashboard.unrealized')}
              value={signedMoney(o.unrealizedPnl)}
              tone={tone(o.unrealizedPnl)}
            />
            <Kpi
              label={t('dashboard.change24h')}
              value={o.change24h === null ? '—' : signedMoney(o.change24h.abs)}
              sub={o.change24h === null ? undefined : pct(o.change24h.pct)}
              tone={tone(o.change24h?.abs)}
            />
            <Kpi
              testId="kpi-drawdown"
              label={t('dashboard.drawdown')}
              value={drawdown === null ? '—' : pct(drawdown.pct)}
              sub={
                drawdown === null
                  ? undefined
                  : t('dashboard.drawdownSub', {
                      peak: money(drawdown.peak),
                      date: date(drawdown.peakTs),
                    })
              }
              tone={drawdown !== null && drawdown.abs < 0 ? 'neg' : ''}
            />
            <Kpi label={t('dashboard.fees')} value={money(o.fees)} />
          </div>
          <p className="muted" data-testid="as-of">
            {t('dashboard.asOf', { time: dateTime(o.asOf) })}
          </p>
          <Card
            title={t('dashboard.equityChart')}
            actions={
              <label className="inline">
                {t('dashboard.interval')}
                <select
                  value={interval}
                  onChange={(e) => {
                    setInterval(e.target.value as HistoryInterval);
                  }}
                >
                  <option value="raw">{t('dashboard.raw')}</option>
                  <option value="1h">{t('dashboard.hourly')}</option>
                  <option value="1d">{t('dashboard.daily')}</option>
                </select>
              </label>
            }
          >
            <LineChart lines={lines} label={t('dashboard.equityChart')} />
          </Card>
          <Card title={t('dashboard.byDay')} testId="pnl-by-day">
            {days.length < 2 ? (
              <Empty>{t('dashboard.noDays')}</Empty>
            ) : (
              <>
                <div data-testid="pnl-chart">
                  <HistogramChart
                    points={pnlBars}
                    label={t('dashboard.pnlChart')}
                    signColors={PNL_COLORS}
                  />
                </div>
                <p className="muted">{t('dashboard.byDayHint')}</p>
                <div className="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th>{t('dashboard.day')}</th>
                        <th className="num">{t('dashboard.equity')}</th>
                        <th className="num">{t('dashboard.dayChange')}</th>
                        <th className="num">{t('dashboard.dayChangePct')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {days.map((d) => (
                        <tr key={d.ts} data-testid="pnl-day">
                          <td>{date(d.ts)}</td>
                          <td className="num">{money(d.equity)}</td>
                          <td className={`num ${tone(d.change)}`}>{signedMoney(d.change)}</td>
                          <td className={`num ${tone(d.change)}`}>{pct(d.changePct)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </Card>
          <Positions positions={o.positions} />
          <Card title={t('dashboard.performance')}>
            {performance.data?.metrics == null ? (
              <Empty>{t('dashboard.noPerformance')}</Empty>
            ) : (
              <MetricsTable
                columns={[{ name: t('dashboard.equity'), metrics: performance.data.metrics }]}
              />
            )}
          </Card>
        </>
      )}
    </div>
  );
}
