/**
 * How good the decisions were: hit rate by confidence bucket, by regime, by provider; and what
 * they cost, per UTC day.
 */
import type { AiPerformance, PerformanceGroup } from '@numerusx/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAiPerformance } from '../../api/queries';
import { HistogramChart } from '../../components/charts/HistogramChart';
import { Card, Empty, ErrorNote } from '../../components/ui';
import { useEnumLabel, type EnumGroup } from '../../i18n/enum-labels';
import { money, num, pct, signedMoney, tone } from '../../lib/format';
import { DecisionsNav } from './DecisionsNav';

function Groups({
  title,
  groups,
  keys,
}: {
  readonly title: string;
  readonly groups: readonly PerformanceGroup[];
  /** What the group keys are (regimes, providers); confidence buckets are numbers. */
  readonly keys?: EnumGroup;
}) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  return (
    <Card title={title}>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('decisions.bucket')}</th>
              <th className="num">{t('decisions.count')}</th>
              <th className="num">{t('metrics.wins')}</th>
              <th className="num">{t('metrics.losses')}</th>
              <th>{t('decisions.hitRate')}</th>
              <th className="num">{t('metrics.totalPnl')}</th>
              <th className="num">{t('decisions.avgPnl')}</th>
              <th className="num">{t('decisions.avgConfidence')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key}>
                <td>{keys === undefined ? bucketLabel(g.key) : label(keys, g.key)}</td>
                <td className="num">{g.decisions}</td>
                <td className="num">{g.wins}</td>
                <td className="num">{g.losses}</td>
                <td>
                  <span className="actions">
                    <span className="bar" aria-hidden="true">
                      <span style={{ width: `${(g.winRate ?? 0) * 100}%` }} />
                    </span>
                    {pct(g.winRate, 0)}
                  </span>
                </td>
                <td className={`num ${tone(g.totalPnl)}`}>{signedMoney(g.totalPnl)}</td>
                <td className={`num ${tone(g.averagePnl)}`}>{signedMoney(g.averagePnl)}</td>
                <td className="num">{num(g.averageConfidence, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** A confidence bucket ("0.6-0.7" from the server) in the reader's numbers: 0.6–0.7, 0,6–0,7. */
function bucketLabel(key: string): string {
  const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(key);
  return m === null ? key : `${num(Number(m[1]), 1)}–${num(Number(m[2]), 1)}`;
}

/** Model spend per day; the offline rules provider costs nothing, which is said rather than drawn. */
function CostByDay({ days }: { readonly days: AiPerformance['costByDay'] }) {
  const { t } = useTranslation();
  const points = useMemo(() => days.map((d) => ({ ts: d.day, value: d.costUsd })), [days]);
  const total = days.reduce((sum, d) => sum + d.costUsd, 0);
  const decisions = days.reduce((sum, d) => sum + d.decisions, 0);
  return (
    <Card title={t('decisions.costByDay')} testId="ai-cost">
      {days.every((d) => d.costUsd === 0) ? (
        <Empty>{t('decisions.costEmpty', { count: decisions })}</Empty>
      ) : (
        <>
          <HistogramChart points={points} label={t('decisions.costByDay')} digits={4} />
          <p className="muted">
            {t('decisions.costTotal', {
              cost: money(total, 4),
              count: decisions,
              days: t('decisions.days', { count: days.length }),
            })}
          </p>
        </>
      )}
    </Card>
  );
}

export default function AiPerformancePage() {
  const { t } = useTranslation();
  const perf = useAiPerformance();
  const p = perf.data;
  return (
    <div className="page">
      <h1>{t('decisions.title')}</h1>
      <DecisionsNav />
      <ErrorNote error={perf.error} />
      {p !== undefined && <CostByDay days={p.costByDay} />}
      {p !== undefined &&
        (p.evaluated === 0 ? (
          <Card>
            <Empty>{t('decisions.noPerformance')}</Empty>
          </Card>
        ) : (
          <>
            <p className="muted">{t('decisions.evaluated', { count: p.evaluated })}</p>
            {/* Eight columns each: full width, not side by side, so no table scrolls sideways. */}
            <Groups title={t('decisions.byConfidence')} groups={p.byConfidence} />
            <Groups title={t('decisions.byRegime')} groups={p.byRegime} keys="regime" />
            <Groups title={t('decisions.byProvider')} groups={p.byProvider} keys="provider" />
          </>
        ))}
    </div>
  );
}
