/** Backtests: the form, the list of runs (tick two to compare), and the selected run's result. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useBacktests } from '../../api/queries';
import { hasRole, useUser } from '../../auth/use-session';
import { useStrategyName } from '../../components/StrategySelect';
import { Card, Empty, ErrorNote } from '../../components/ui';
import { dateTime } from '../../lib/format';
import { useBacktestLiveFor } from '../../socket/live';
import { BacktestForm } from './BacktestForm';
import { BacktestCompare, BacktestResultView } from './BacktestResultView';

export default function BacktestsPage() {
  const { t } = useTranslation();
  const strategyName = useStrategyName();
  const user = useUser();
  const navigate = useNavigate();
  const id = Number(useParams()['id'] ?? NaN);
  const [sp] = useSearchParams();
  const compare = (sp.get('compare') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const list = useBacktests(useBacktestLiveFor(user.id));
  const [picked, setPicked] = useState<readonly number[]>([]);
  const runs = list.data?.items ?? [];
  const toggle = (n: number) => {
    setPicked((p) => (p.includes(n) ? p.filter((x) => x !== n) : [...p.slice(-1), n]));
  };

  return (
    <div className="page">
      <h1>{t('backtests.title')}</h1>
      {hasRole(user, 'trader') ? <BacktestForm /> : <p className="muted">{t('common.readOnly')}</p>}
      <Card
        title={t('backtests.runs')}
        actions={
          <button
            type="button"
            className="btn"
            disabled={picked.length !== 2}
            title={t('backtests.compareTwo')}
            onClick={() => void navigate(`/backtests?compare=${picked.join(',')}`)}
          >
            {t('backtests.compare')}
          </button>
        }
      >
        <ErrorNote error={list.error} />
        {runs.length === 0 ? (
          <Empty>{t('backtests.noRuns')}</Empty>
        ) : (
          <div className="table-wrap">
            <table data-testid="backtest-runs">
              <thead>
                <tr>
                  <th>
                    <span className="sr-only">{t('backtests.compare')}</span>
                  </th>
                  <th>#</th>
                  <th>{t('backtests.strategy')}</th>
                  <th>{t('common.pair')}</th>
                  <th>{t('common.status')}</th>
                  <th>{t('backtests.created')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${t('backtests.compare')} #${r.id}`}
                        disabled={r.status !== 'done'}
                        checked={picked.includes(r.id)}
                        onChange={() => {
                          toggle(r.id);
                        }}
                      />
                    </td>
                    <td>{r.id}</td>
                    <td>{strategyName(r.strategy)}</td>
                    <td>{typeof r.request['pair'] === 'string' ? r.request['pair'] : '—'}</td>
                    <td>
                      <span className={`badge st-${r.status}`}>
                        {t(`backtests.statuses.${r.status}`)}
                      </span>
                    </td>
                    <td>{dateTime(r.createdAt)}</td>
                    <td>
                      <Link to={`/backtests/${r.id}`}>{t('backtests.open')}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {compare.length === 2 && compare[0] !== undefined && compare[1] !== undefined && (
        <BacktestCompare a={compare[0]} b={compare[1]} />
      )}
      {Number.isInteger(id) && id > 0 && <BacktestResultView id={id} />}
    </div>
  );
}
