/** One decision: what the AI saw, how it reasoned (timeline), what the risk gate ruled, the result. */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { flatten } from '../../api/pages';
import { useDecision, useOrders, useTrades } from '../../api/queries';
import { hasRole, useUser } from '../../auth/use-session';
import { Card, ErrorNote, Facts } from '../../components/ui';
import { useEnumLabel } from '../../i18n/enum-labels';
import { useServerText } from '../../i18n/server-text';
import { dateTime, money, num, pct, price, signedMoney, tone } from '../../lib/format';
import { NotFoundPage } from '../NotFoundPage';
import { OutcomeFacts, SignalsCard, StepsCard, VerdictCard } from './DecisionParts';

export default function DecisionDetailPage() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const serverText = useServerText();
  const user = useUser();
  const id = Number(useParams()['id']);
  const decision = useDecision(id);
  // No GET /orders/:id nor a decision filter on /trades: look in the recent lists.
  const orders = flatten(useOrders().data);
  const trades = flatten(useTrades({}).data);
  if (!Number.isInteger(id) || id < 1) return <NotFoundPage />;
  const d = decision.data;
  if (d === undefined) return <ErrorNote error={decision.error} />;
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
        <p>{serverText(d.reasoning, d.reasoningMsg)}</p>
        <Facts
          rows={[
            [t('common.time'), dateTime(d.ts)],
            [t('common.pair'), d.pair],
            [t('decisions.confidence'), pct(d.confidence, 0)],
            [t('decisions.size'), d.sizeUsd === 0 ? '—' : money(d.sizeUsd)],
            [t('decisions.stopLoss'), price(d.stopLoss)],
            [t('decisions.takeProfit'), price(d.takeProfit)],
            [t('decisions.regime'), label('regime', d.regime)],
            [t('decisions.provider'), label('provider', d.provider)],
            [t('decisions.model'), d.model ?? '—'],
            [t('decisions.latency'), d.latencyMs === null ? '—' : `${num(d.latencyMs, 2)} ms`],
            [t('decisions.cost'), d.costUsd === null ? '—' : money(d.costUsd, 4)],
            [t('decisions.tokens'), `${d.tokensIn ?? '—'} / ${d.tokensOut ?? '—'}`],
          ]}
        />
      </Card>
      <div className="grid two">
        <StepsCard steps={d.steps} />
        <VerdictCard riskVerdict={d.riskVerdict} />
        <SignalsCard inputs={d.inputs} />
        <Card title={t('decisions.outcome')}>
          {d.outcome === null ? (
            <p className="muted">{t('decisions.noOutcome')}</p>
          ) : (
            <OutcomeFacts outcome={d.outcome} />
          )}
          <Facts
            rows={[
              [
                t('decisions.order'),
                d.orderId === null
                  ? '—'
                  : order === undefined
                    ? `#${d.orderId}`
                    : `#${order.id} ${label('orderType', order.type)} ${label('side', order.side)} · ${label('orderStatus', order.status)}`,
              ],
              [
                t('decisions.trade'),
                trade === undefined ? (
                  '—'
                ) : (
                  <span className={tone(trade.pnl)}>
                    #{trade.id} {label('tradeStatus', trade.status)} {signedMoney(trade.pnl)}
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
