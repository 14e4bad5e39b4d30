/** One decision: what the AI saw, how it reasoned (timeline), what the risk gate ruled, the result. */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { flatten } from '../../api/pages';
import { useDecision, useOrders, useTrades } from '../../api/queries';
import { hasRole, useUser } from '../../auth/use-session';
import { Card, ErrorNote, Facts } from '../../components/ui';
import { dateTime, money, num, pct, price, signedMoney, tone } from '../../lib/format';
import { NotFoundPage } from '../NotFoundPage';
import { outcomeFacts, readSignals, readSteps, readVerdict } from './decision-json';

export default function DecisionDetailPage() {
  const { t } = useTranslation();
  const user = useUser();
  const id = Number(useParams()['id']);
  const decision = useDecision(id);
  // No GET /orders/:id nor a decision filter on /trades: look in the recent lists.
  const orders = flatten(useOrders().data);
  const trades = flatten(useTrades({}).data);
  if (!Number.isInteger(id) || id < 1) return <NotFoundPage />;
  const d = decision.data;
  if (d === undefined) return <ErrorNote error={decision.error} />;
  const steps = readSteps(d.steps);
  const verdict = readVerdict(d.riskVerdict);
  const signals = readSignals(d.inputs);
  const order = orders.find((o) => o.id === d.orderId);
  const trade = trades.find((tr) => tr.decisionId === d.id);

  return (
    <div className="page" data-testid="decision-detail">
      <Link to="/decisions">← {t('decisions.back')}</Link>
      <h1>
        {t('decisions.detailTitle', { id: d.id })}{' '}
        <span className={`badge act-${d.action}`}>{t(`decisions.actions.${d.action}`)}</span>{' '}
        <span className={`badge st-${d.status}`} data-testid="decision-status">
          {t(`decisions.statuses.${d.status}`)}
        </span>
      </h1>
      <Card>
        <p>{d.reasoning}</p>
        <Facts
          rows={[
            [t('common.time'), dateTime(d.ts)],
            [t('common.pair'), d.pair],
            [t('decisions.confidence'), pct(d.confidence, 0)],
            [t('decisions.size'), d.sizeUsd === 0 ? '—' : money(d.sizeUsd)],
            [t('decisions.stopLoss'), price(d.stopLoss)],
            [t('decisions.takeProfit'), price(d.takeProfit)],
            [t('decisions.regime'), d.regime ?? '—'],
            [t('decisions.provider'), d.provider],
            [t('decisions.model'), d.model ?? '—'],
            [t('decisions.latency'), d.latencyMs === null ? '—' : `${num(d.latencyMs, 2)} ms`],
            [t('decisions.cost'), d.costUsd === null ? '—' : money(d.costUsd, 4)],
            [t('decisions.tokens'), `${d.tokensIn ?? '—'} / ${d.tokensOut ?? '—'}`],
          ]}
        />
      </Card>
      <div className="grid two">
        <Card title={t('decisions.steps')}>
          <ol className="timeline" data-testid="steps">
            {steps.map((s, i) => (
              <li key={i}>
                <strong>{s.title}</strong>
                <div>{s.detail}</div>
              </li>
            ))}
          </ol>
        </Card>
        <Card title={t('decisions.verdict')}>
          {verdict === null ? (
            <p className="muted">{t('decisions.noVerdict')}</p>
          ) : (
            <>
              <p>
                <span
                  className={`badge ${verdict.verdict === 'veto' ? 'st-VETOED' : 'st-EXECUTED'}`}
                >
                  {verdict.verdict}
                </span>{' '}
                {verdict.sizeUsd === null ? '' : money(verdict.sizeUsd)}
              </p>
              <ul>
                {verdict.reasons.map((r) => (
                  <li key={r.rule}>
                    <code>{r.rule}</code> {r.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card title={t('decisions.signals')}>
          <ul>
            {signals.map((s) => (
              <li key={s.strategyId}>
                <strong>{s.strategyId}</strong> {s.side}
                {s.confidence === null ? '' : ` (${pct(s.confidence, 0)})`} — {s.reason}
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('decisions.outcome')}>
          {d.outcome === null ? (
            <p className="muted">{t('decisions.noOutcome')}</p>
          ) : (
            <Facts rows={outcomeFacts(d.outcome)} />
          )}
          <Facts
            rows={[
              [
                t('decisions.order'),
                d.orderId === null
                  ? '—'
                  : order === undefined
                    ? `#${d.orderId}`
                    : `#${order.id} ${order.type} ${order.side} · ${order.status}`,
              ],
              [
                t('decisions.trade'),
                trade === undefined ? (
                  '—'
                ) : (
                  <span className={tone(trade.pnl)}>
                    #{trade.id} {trade.status} {signedMoney(trade.pnl)}
                  </span>
                ),
              ],
            ]}
          />
        </Card>
      </div>
      <Card title={t('decisions.inputs')}>
        <pre>{JSON.stringify(d.inputs, null, 2)}</pre>
        <h2>{t('decisions.validation')}</h2>
        <pre>{JSON.stringify(d.validation, null, 2)}</pre>
      </Card>
      {hasRole(user, 'admin') && !d.redacted ? (
        <Card title={t('decisions.prompt')}>
          <pre data-testid="prompt">{d.prompt ?? t('decisions.noPrompt')}</pre>
          <h2>{t('decisions.rawResponse')}</h2>
          <pre>{d.rawResponse ?? t('decisions.noPrompt')}</pre>
        </Card>
      ) : (
        <p className="muted">{t('decisions.redacted')}</p>
      )}
    </div>
  );
}
