/**
 * The cards of a decision's detail page that show stored JSON: the reasoning steps, the risk gate's
 * verdict, the strategies' signals and the outcome, each text in the reader's language.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStrategyName } from '../../components/StrategySelect';
import { Card, Facts } from '../../components/ui';
import { useEnumLabel } from '../../i18n/enum-labels';
import { useServerText } from '../../i18n/server-text';
import { duration, money, pct, price, signedMoney } from '../../lib/format';
import {
  outcomeEntries,
  readSignals,
  readSteps,
  readVerdict,
  type SignalInput,
} from './decision-json';

export function StepsCard({ steps }: { readonly steps: unknown }) {
  const { t } = useTranslation();
  const serverText = useServerText();
  return (
    <Card title={t('decisions.steps')}>
      <ol className="timeline" data-testid="steps">
        {readSteps(steps).map((s, i) => (
          <li key={i}>
            <strong>{serverText(s.title, s.titleMsg)}</strong>
            <div>{serverText(s.detail, s.detailMsg)}</div>
          </li>
        ))}
      </ol>
    </Card>
  );
}

export function VerdictCard({ riskVerdict }: { readonly riskVerdict: unknown }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const serverText = useServerText();
  const verdict = readVerdict(riskVerdict);
  return (
    <Card title={t('decisions.verdict')}>
      {verdict === null ? (
        <p className="muted">{t('decisions.noVerdict')}</p>
      ) : verdict.error !== null ? (
        <p className="form-error">{serverText(verdict.error, verdict.errorMsg)}</p>
      ) : (
        <>
          <p>
            <span className={`badge ${verdict.verdict === 'veto' ? 'st-VETOED' : 'st-EXECUTED'}`}>
              {label('verdict', verdict.verdict)}
            </span>{' '}
            {verdict.sizeUsd === null ? '' : money(verdict.sizeUsd)}
          </p>
          <ul>
            {verdict.reasons.map((r) => (
              <li key={r.rule}>
                <code>{r.rule}</code> {serverText(r.message, r.messageMsg)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function SignalLine({ s }: { readonly s: SignalInput }) {
  const label = useEnumLabel();
  const serverText = useServerText();
  const strategyName = useStrategyName();
  return (
    <li>
      <strong>{strategyName(s.strategyId)}</strong> {label('side', s.side)}
      {s.confidence === null ? '' : ` (${pct(s.confidence, 0)})`} —{' '}
      {serverText(s.reason, s.reasonMsg)}
    </li>
  );
}

export function SignalsCard({ inputs }: { readonly inputs: unknown }) {
  const { t } = useTranslation();
  return (
    <Card title={t('decisions.signals')}>
      <ul>
        {readSignals(inputs).map((s) => (
          <SignalLine key={s.strategyId} s={s} />
        ))}
      </ul>
    </Card>
  );
}

/** The outcome's fields, labelled and formatted by what they hold (see server runtime/outcomes.ts). */
export function useOutcomeFacts(): (outcome: unknown) => [string, ReactNode][] {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'string') return key === 'basis' ? label('outcomeBasis', v) : v;
    if (typeof v !== 'number') return JSON.stringify(v);
    if (key === 'horizonMs') return duration(v);
    if (key === 'pnl') return signedMoney(v);
    if (key.endsWith('Return')) return pct(v);
    if (key.startsWith('price')) return price(v);
    return String(Math.round(v * 1e6) / 1e6);
  };
  return (outcome) =>
    outcomeEntries(outcome).map(([k, v]) => [label('outcomeField', k), value(k, v)]);
}

export function OutcomeFacts({ outcome }: { readonly outcome: unknown }) {
  return <Facts rows={useOutcomeFacts()(outcome)} />;
}
