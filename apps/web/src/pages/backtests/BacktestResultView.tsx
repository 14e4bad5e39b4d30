/**
 * One run's result: metrics beside buy-and-hold (both from the server), the equity curve with the
 * buy-and-hold curve computed here from the same candles, the trades. While the run is queued or
 * running, a progress bar follows the server's backtest:progress events (fed into the query cache
 * by the socket bridge); without them (socket down, someone else's run) the REST answer is polled.
 */
import type { BacktestDetail } from '@numerusx/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBacktest, useBacktestCandles, useBacktestProgress } from '../../api/queries';
import { useUser } from '../../auth/use-session';
import { LineChart } from '../../components/charts/LineChart';
import { MetricsTable } from '../../components/MetricsGrid';
import { useStrategyName } from '../../components/StrategySelect';
import { Card, ErrorNote } from '../../components/ui';
import { useEnumLabel } from '../../i18n/enum-labels';
import { msgField, useServerText } from '../../i18n/server-text';
import { buyAndHoldCurve } from '../../lib/buy-and-hold';
import { date, dateTime, money, num, pct, price, signedMoney, tone } from '../../lib/format';
import { useBacktestLiveFor } from '../../socket/live';

type Result = NonNullable<BacktestDetail['result']>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Live progress of a queued or running run, and the final event once it is done. */
function Progress({ b }: { readonly b: BacktestDetail }) {
  const { t } = useTranslation();
  const p = useBacktestProgress(b.id);
  const unfinished = b.status === 'queued' || b.status === 'running';
  if (p === undefined || (!unfinished && p.status !== b.status)) {
    return unfinished ? (
      <p className="muted">
        {t('backtests.waiting', { status: t(`backtests.statuses.${b.status}`) })}
      </p>
    ) : null;
  }
  const fraction = p.status === 'done' ? 1 : p.progress;
  const label =
    p.status === 'done'
      ? t('backtests.progressDone', { pct: pct(1, 0), count: p.candlesTotal })
      : p.status === 'failed'
        ? t('backtests.progressFailed')
        : p.candlesTotal === 0
          ? t('backtests.progressStarting')
          : t('backtests.progress', {
              pct: pct(fraction, 0),
              done: p.candlesProcessed,
              total: p.candlesTotal,
            });
  return (
    <div data-testid="backtest-progress" data-status={p.status}>
      <div
        className="bar wide"
        role="progressbar"
        aria-label={t('backtests.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
      >
        <span style={{ width: `${fraction * 100}%` }} />
      </div>
      <p className="muted" data-testid="backtest-progress-text">
        {label}
      </p>
    </div>
  );
}

function Trades({ result }: { readonly result: Result }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
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
                <td>{label('exitReason', tr.exitReason)}</td>
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
  const label = useEnumLabel();
  const serverText = useServerText();
  const strategyName = useStrategyName();
  const liveFor = useBacktestLiveFor(useUser().id);
  const q = useBacktest(id, liveFor);
  const b = q.data;
  const result = b?.result ?? null;
  const pair = str(b?.request['pair']) ?? result?.markets[0];
  const feeBps = b?.request['feeBps'];
  const spec =
    result === null || pair === undefined
      ? null
      : {
          pair,
          timeframe: result.timeframe,
          dataset: str(b?.request['dataset']),
          from: result.period.from,
          to: result.period.to,
        };
  const candles = useBacktestCandles(id, spec);
  const lines = useMemo(() => {
    if (result === null) return [];
    const strategy = {
      name: t('backtests.strategyCol'),
      color: '--accent',
      points: result.equity.map((p) => ({ ts: p.ts, value: p.equity })),
    };
    const hold = buyAndHoldCurve(
      candles.data ?? [],
      result.capital,
      typeof feeBps === 'number' ? feeBps : 0,
    );
    return hold.length === 0
      ? [strategy]
      : [strategy, { name: t('backtests.buyHoldCandles'), color: '--line-2', points: hold }];
  }, [result, candles.data, feeBps, t]);
  if (b === undefined) return <ErrorNote error={q.error} />;
  return (
    <div className="page" data-testid="backtest-result">
      <h2>
        {t('backtests.result', { id: b.id })} · {strategyName(b.strategy)}{' '}
        <span className={`badge st-${b.status}`} data-testid="backtest-status">
          {t(`backtests.statuses.${b.status}`)}
        </span>
      </h2>
      <Progress b={b} />
      {b.status === 'failed' && (
        <p className="form-error">
          {t('backtests.failed', { error: serverText(b.error ?? '', msgField(b, 'errorMsg')) })}
        </p>
      )}
      {result !== null && (
        <>
          <p className="muted">
            {result.markets.join(', ')} {label('timeframe', result.timeframe)} ·{' '}
            {date(result.period.from)} → {date(result.period.to)} ·{' '}
            {t('backtests.candles', { count: result.period.candles })} · {t('backtests.capital')}{' '}
            {money(result.capital)}
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
            <ErrorNote error={candles.error} />
            {lines.length > 1 && (
              <p className="muted" data-testid="buy-hold-note">
                {t('backtests.buyHoldNote', { count: candles.data?.length ?? 0 })}
              </p>
            )}
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
  const strategyName = useStrategyName();
  const liveFor = useBacktestLiveFor(useUser().id);
  const qa = useBacktest(a, liveFor);
  const qb = useBacktest(b, liveFor);
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
            { name: `#${a} ${strategyName(qa.data?.strategy ?? '')}`, metrics: ra.metrics },
            { name: `#${b} ${strategyName(qb.data?.strategy ?? '')}`, metrics: rb.metrics },
          ]}
        />
      </Card>
      <Card title={t('backtests.equity')}>
        <LineChart lines={lines} label={t('backtests.equity')} />
      </Card>
    </div>
  );
}
