/**
 * One run's result: metrics beside buy-and-hold (both from the server), the equity curve, the
 * trades. While the run is queued or running the page polls its REST answer: the server sends no
 * backtest:progress yet, so no progress bar is invented.
 */
import type { BacktestDetail } from '@numerusx/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBacktest } from '../../api/queries';
import { LineChart } from '../../components/charts/LineChart';
import { MetricsTable } from '../../components/MetricsGrid';
import { Card, ErrorNote } from '../../components/ui';
import { date, dateTime, money, num, price, signedMoney, tone } from '../../lib/format';

type Result = NonNullable<BacktestDetail['result']>;

function Trades({ result }: { readonly result: Result }) {
  const { t } = useTranslation();
  return (
    <Card title={`${t('backtests.trades')} (${result.trades.length})`}>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('trading.entry')}</th>
              <th className="num">{t('common.price')}</th>
              <th>{t('trading.exit')}</th>
              <th className="num">{t('common.price')}</th>
              <th className="num">{t('common.qty')}</th>
              <th className="num">{t('common.fee')}</th>
              <th className="num">{t('common.pnl')}</th>
              <th>{t('trading.exitReason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.trades.slice(0, 500).map((tr, i) => (
              <tr key={i}>
                <td>{dateTime(tr.entryTs)}</td>
                <td className="num">{price(tr.entryPrice)}</td>
                <td>{dateTime(tr.exitTs)}</td>
                <td className="num">{price(tr.exitPrice)}</td>
                <td className="num">{num(tr.qty, 6)}</td>
                <td className="num">{money(tr.fee)}</td>
                <td className={`num ${tone(tr.pnl)}`}>{signedMoney(tr.pnl)}</td>
                <td>{tr.exitReason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

export function BacktestResultView({ id }: { readonly id: number }) {
  const { t } = useTranslation();
  const q = useBacktest(id);
  const b = q.data;
  const result = b?.result ?? null;
  const lines = useMemo(
    () =>
      result === null
        ? []
        : [
            {
              name: t('backtests.strategyCol'),
              color: '--accent',
              points: result.equity.map((p) => ({ ts: p.ts, value: p.equity })),
            },
          ],
    [result, t],
  );
  if (b === undefined) return <ErrorNote error={q.error} />;
  return (
    <div className="page" data-testid="backtest-result">
      <h2>
        {t('backtests.result', { id: b.id })} · {b.strategy}{' '}
        <span className={`badge st-${b.status}`} data-testid="backtest-status">
          {t(`backtests.statuses.${b.status}`)}
        </span>
      </h2>
      {(b.status === 'queued' || b.status === 'running') && (
        <p className="muted">
          {t('backtests.waiting', { status: t(`backtests.statuses.${b.status}`) })}
        </p>
      )}
      {b.status === 'failed' && (
        <p className="form-error">{t('backtests.failed', { error: b.error ?? '' })}</p>
      )}
      {result !== null && (
        <>
          <p className="muted">
            {result.markets.join(', ')} {result.timeframe} · {date(result.period.from)} →{' '}
            {date(result.period.to)} · {t('backtests.candles', { count: result.period.candles })} ·{' '}
            {t('backtests.capital')} {money(result.capital)}
          </p>
          <p className="muted">{t('backtests.decisions', result.decisions)}</p>
          <Card title={t('backtests.metrics')}>
            <MetricsTable
              columns={[
                { name: t('backtests.strategyCol'), metrics: result.metrics },
                { name: t('backtests.buyHold'), metrics: result.buyAndHold },
              ]}
            />
          </Card>
          <Card title={t('backtests.equity')}>
            <LineChart lines={lines} label={t('backtests.equity')} />
          </Card>
          <Trades result={result} />
        </>
      )}
    </div>
  );
}

/** Two finished runs side by side: metrics in columns, equity curves on one chart. */
export function BacktestCompare({ a, b }: { readonly a: number; readonly b: number }) {
  const { t } = useTranslation();
  const qa = useBacktest(a);
  const qb = useBacktest(b);
  const ra = qa.data?.result ?? null;
  const rb = qb.data?.result ?? null;
  const lines = useMemo(
    () =>
      ra === null || rb === null
        ? []
        : [
            {
              name: `#${a}`,
              color: '--accent',
              points: ra.equity.map((p) => ({ ts: p.ts, value: p.equity })),
            },
            {
              name: `#${b}`,
              color: '--line-2',
              points: rb.equity.map((p) => ({ ts: p.ts, value: p.equity })),
            },
          ],
    [ra, rb, a, b],
  );
  if (ra === null || rb === null) return <ErrorNote error={qa.error ?? qb.error} />;
  return (
    <div className="page" data-testid="backtest-compare">
      <h2>
        {t('backtests.comparison')}: #{a} · #{b}
      </h2>
      <Card title={t('backtests.metrics')}>
        <MetricsTable
          columns={[
            { name: `#${a} ${qa.data?.strategy ?? ''}`, metrics: ra.metrics },
            { name: `#${b} ${qb.data?.strategy ?? ''}`, metrics: rb.metrics },
          ]}
        />
      </Card>
      <Card title={t('backtests.equity')}>
        <LineChart lines={lines} label={t('backtests.equity')} />
      </Card>
    </div>
  );
}
