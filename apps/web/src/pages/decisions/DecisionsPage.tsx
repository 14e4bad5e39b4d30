/** The decision history, filtered through the URL (shareable), updating live from ai:decision. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { DecisionFilters } from '../../api/keys';
import { flatten } from '../../api/pages';
import { useDecisions, usePairs } from '../../api/queries';
import { Card, Empty, ErrorNote, LoadMore } from '../../components/ui';
import { useEnumLabel } from '../../i18n/enum-labels';
import { useServerText } from '../../i18n/server-text';
import { dateTime, money, pct } from '../../lib/format';
import { DecisionsNav } from './DecisionsNav';

const ACTIONS = ['buy', 'sell', 'hold'] as const;
const STATUSES = ['PENDING', 'EXECUTED', 'VETOED', 'FAILED', 'HOLD'] as const;

/** yyyy-mm-dd (UTC) ↔ ms. */
const dayMs = (v: string | null) =>
  v === null || v === '' ? undefined : Date.parse(`${v}T00:00:00Z`);

function filtersFrom(sp: URLSearchParams): DecisionFilters {
  const get = (k: string) => sp.get(k) ?? undefined;
  const min = sp.get('minConfidence');
  const to = dayMs(sp.get('to'));
  const f: Record<string, string | number | undefined> = {
    pair: get('pair'),
    action: get('action'),
    status: get('status'),
    provider: get('provider'),
    minConfidence: min === null || min === '' ? undefined : Number(min),
    from: dayMs(sp.get('from')),
    to: to === undefined ? undefined : to + 86_400_000 - 1,
  };
  // Leave absent filters out of the query key so equal filters share one cache entry.
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
}

export default function DecisionsPage() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const serverText = useServerText();
  const [sp, setSp] = useSearchParams();
  const navigate = useNavigate();
  const filters = useMemo(() => filtersFrom(sp), [sp]);
  const decisions = useDecisions(filters);
  const pairs = usePairs();
  const items = flatten(decisions.data);
  const knownPairs = [...new Set((pairs.data?.items ?? []).map((d) => d.pair))];
  const cost = items.reduce((s, d) => s + (d.costUsd ?? 0), 0);

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(sp);
    if (v === '') next.delete(k);
    else next.set(k, v);
    setSp(next, { replace: true });
  };
  const select = (
    k: string,
    options: readonly string[],
    label: string,
    name: (o: string) => string,
  ) => (
    <label>
      {label}
      <select
        value={sp.get(k) ?? ''}
        onChange={(e) => {
          set(k, e.target.value);
        }}
      >
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {name(o)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="page">
      <h1>{t('decisions.title')}</h1>
      <DecisionsNav />
      <Card title={t('common.filters')}>
        <div className="filters">
          {select('pair', knownPairs, t('common.pair'), (o) => o)}
          {select('action', ACTIONS, t('decisions.action'), (o) =>
            t(`decisions.actions.${o as 'buy'}`),
          )}
          {select('status', STATUSES, t('common.status'), (o) =>
            t(`decisions.statuses.${o as 'HOLD'}`),
          )}
          <label>
            {t('decisions.provider')}
            <input
              value={sp.get('provider') ?? ''}
              placeholder="rules"
              onChange={(e) => {
                set('provider', e.target.value.trim());
              }}
            />
          </label>
          <label>
            {t('decisions.minConfidence')}
            <input
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={sp.get('minConfidence') ?? ''}
              onChange={(e) => {
                set('minConfidence', e.target.value);
              }}
            />
          </label>
          <label>
            {t('common.from')}
            <input
              type="date"
              value={sp.get('from') ?? ''}
              onChange={(e) => {
                set('from', e.target.value);
              }}
            />
          </label>
          <label>
            {t('common.to')}
            <input
              type="date"
              value={sp.get('to') ?? ''}
              onChange={(e) => {
                set('to', e.target.value);
              }}
            />
          </label>
          <button
            type="button"
            className="btn ghost"
            onClick={() => {
              setSp(new URLSearchParams(), { replace: true });
            }}
          >
            {t('common.clear')}
          </button>
        </div>
      </Card>
      <Card
        title={t('decisions.list')}
        actions={
          cost > 0 ? (
            <span className="muted">{t('decisions.totalCost', { cost: money(cost, 4) })}</span>
          ) : undefined
        }
      >
        <ErrorNote error={decisions.error} />
        {items.length === 0 && !decisions.isLoading ? (
          <Empty action={{ to: '/bot', label: t('dashboard.goToBot') }}>
            {t('decisions.empty')}
          </Empty>
        ) : (
          <div className="table-wrap">
            <table data-testid="decisions">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('common.time')}</th>
                  <th>{t('common.pair')}</th>
                  <th>{t('decisions.action')}</th>
                  <th>{t('common.status')}</th>
                  <th className="num">{t('decisions.confidence')}</th>
                  <th className="num">{t('decisions.size')}</th>
                  <th>{t('decisions.regime')}</th>
                  <th>{t('decisions.provider')}</th>
                  <th>{t('decisions.reasoning')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <tr
                    key={d.id}
                    className="clickable"
                    data-testid="decision-row"
                    data-action={d.action}
                    onClick={() => void navigate(`/decisions/${d.id}`)}
                  >
                    <td>
                      <a
                        href={`/decisions/${d.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                        }}
                      >
                        {d.id}
                      </a>
                    </td>
                    <td>{dateTime(d.ts)}</td>
                    <td>{d.pair}</td>
                    <td>
                      <span className={`badge act-${d.action}`}>
                        {t(`decisions.actions.${d.action}`)}
                      </span>
                    </td>
                    <td>
                      <span className={`badge st-${d.status}`}>
                        {t(`decisions.statuses.${d.status}`)}
                      </span>
                    </td>
                    <td className="num">{pct(d.confidence, 0)}</td>
                    <td className="num">{d.sizeUsd === 0 ? '—' : money(d.sizeUsd)}</td>
                    <td>{label('regime', d.regime)}</td>
                    <td>{label('provider', d.provider)}</td>
                    <td className="wrap">{serverText(d.reasoning, d.reasoningMsg)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore
          hasNext={decisions.hasNextPage}
          loading={decisions.isFetchingNextPage}
          onMore={() => void decisions.fetchNextPage()}
        />
      </Card>
    </div>
  );
}
