/** Home: KPIs, equity curve, positions with live marks, performance; what to do when empty. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryInterval } from '../../api/keys';
import { useHistory, useOverview, usePerformance } from '../../api/queries';
import { LineChart } from '../../components/charts/LineChart';
import { MetricsTable } from '../../components/MetricsGrid';
import { Card, Empty, ErrorNote, Kpi } from '../../components/ui';
import { dateTime, money, pct, signedMoney, tone } from '../../lib/format';
import { Positions } from './Positions';

export default function DashboardPage() {
  const { t } = useTranslation();
  const overview = useOverview();
  const [interval, setInterval] = useState<HistoryInterval>('raw');
  const history = useHistory(interval);
  const performance = usePerformance();
  const o = overview.data;

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
