/** The manual order ticket: every order type, checked against its schema before sending. */
import type { OrderRequestBody, OrderView } from '@numerusx/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { isFrench } from '../../i18n';
import { errorText, vetoReasons } from '../../i18n/error-text';
import { api } from '../../api/http';
import { toast } from '../../components/toasts-store';
import { Card } from '../../components/ui';
import { money } from '../../lib/format';
import {
  checkTicket,
  effectiveSizeBy,
  EMPTY_TICKET,
  FIELDS,
  sideOf,
  sizeChoices,
  VARIANTS,
  type Field,
  type TicketForm,
} from './order-model';

type TextField = Exclude<Field, 'side' | 'size' | 'tif'>;
const LABELS: Readonly<Record<TextField, string>> = {
  price: 'trading.limitPrice',
  stopPrice: 'trading.stopPrice',
  entryPrice: 'trading.entryPrice',
  takeProfitPrice: 'trading.targetPrice',
  trailPercent: 'trading.trailPercent',
  count: 'trading.count',
  everyBars: 'trading.everyBars',
  stepPct: 'trading.stepPct',
  scale: 'trading.scale',
  maxSafetyOrders: 'trading.maxSafety',
  condition: 'trading.condition',
};

type T = ReturnType<typeof useTranslation>['t'];

/** The server's refusal in words that say what to do (start the bot, order less). */
function serverMessage(tr: T, language: string, error: unknown): string {
  if (!(error instanceof ApiError)) return errorText(language, error);
  if (error.status === 409) return tr('trading.botStopped');
  if (error.code === 'RISK_VETOED') {
    const allowed = error.details?.['allowedUsd'];
    // English keeps the server's sentence; other languages say the gate's reasons in their words.
    const reasons = isFrench(language) ? vetoReasons(language, error) : error.message;
    const said =
      reasons === null ? errorText(language, error) : tr('trading.vetoed', { message: reasons });
    return `${said}${typeof allowed === 'number' ? ` ${tr('trading.allowed', { amount: money(allowed) })}` : ''}`;
  }
  return errorText(language, error);
}

/** The words of a ticket field, for the client-side check's message. */
function fieldLabel(tr: T, field: string): string {
  if (field === 'qty') return tr('trading.baseQty');
  if (field === 'quoteAmount') return tr('trading.quoteAmount');
  return Object.hasOwn(LABELS, field)
    ? tr(LABELS[field as TextField] as 'trading.limitPrice')
    : field;
}

export function OrderTicket({
  pairs,
  defaultPair,
}: {
  readonly pairs: readonly string[];
  /** The chart's pair (the bot's, by default): the market the user is looking at. */
  readonly defaultPair: string;
}) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<TicketForm>({ ...EMPTY_TICKET, pair: defaultPair });
  const [problem, setProblem] = useState<{
    field: string;
    message: string;
    missing: boolean;
  } | null>(null);
  // English shows the schema's own words; other languages say which field and whether it is empty.
  const problemText = (p: { field: string; message: string; missing: boolean }) =>
    isFrench(i18n.language)
      ? t(p.missing ? 'errors.fieldRequired' : 'errors.fieldInvalid', {
          field: fieldLabel(t, p.field),
        })
      : p.message;
  const place = useMutation({
    mutationFn: (body: OrderRequestBody) => api.post<OrderView>('/orders', body),
    onSuccess(order) {
      toast('success', t('trading.placed', { id: order.id }));
      setForm((f) => ({ ...f, amount: '' }));
    },
  });
  const fields = FIELDS[form.variant];
  const side = sideOf(form);
  const set = (k: keyof TicketForm, v: string) => {
    setForm((f) => ({ ...f, [k]: v }));
    setProblem(null);
  };

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const checked = checkTicket(form);
    if (!checked.ok) {
      place.reset();
      setProblem(checked);
      return;
    }
    place.mutate(checked.body);
  };

  const input = (k: TextField) => (
    <label key={k}>
      {t(LABELS[k] as 'trading.limitPrice')}
      <input
        name={k}
        type={k === 'condition' ? 'text' : 'number'}
        step="any"
        placeholder={k === 'condition' ? t('trading.conditionHint') : undefined}
        value={form[k]}
        aria-invalid={problem?.field === k}
        onChange={(e) => {
          set(k, e.target.value);
        }}
      />
    </label>
  );

  const choices = sizeChoices(form);
  const sizeBy = effectiveSizeBy(form);

  return (
    <Card title={t('trading.ticket')} testId="order-ticket">
      <form onSubmit={submit} className="page" noValidate>
        <div className="form-grid">
          <label>
            {t('trading.orderType')}
            <select
              name="variant"
              value={form.variant}
              onChange={(e) => {
                set('variant', e.target.value);
              }}
            >
              {VARIANTS.map((v) => (
                <option key={v} value={v}>
                  {t(`trading.types.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('common.pair')}
            <select
              name="pair"
              value={form.pair}
              onChange={(e) => {
                set('pair', e.target.value);
              }}
            >
              {pairs.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
          {fields.includes('side') && (
            <label>
              {t('common.side')}
              <select
                name="side"
                value={form.side}
                onChange={(e) => {
                  set('side', e.target.value);
                }}
              >
                <option value="buy">{t('trading.buy')}</option>
                <option value="sell">{t('trading.sell')}</option>
              </select>
            </label>
          )}
          <label>
            {t('trading.sizeBy')}
            <select
              name="sizeBy"
              value={sizeBy}
              onChange={(e) => {
                set('sizeBy', e.target.value);
              }}
            >
              {choices.map((s) => (
                <option key={s} value={s}>
                  {s === 'quote'
                    ? t('trading.quoteAmount')
                    : s === 'base'
                      ? t('trading.baseQty')
                      : t('trading.sellAll')}
                </option>
              ))}
            </select>
          </label>
          {sizeBy !== 'all' && (
            <label>
              {sizeBy === 'base' ? t('trading.baseQty') : t('trading.quoteAmount')}
              <input
                name="amount"
                type="number"
                step="any"
                min={0}
                value={form.amount}
                aria-invalid={problem?.field === 'qty' || problem?.field === 'quoteAmount'}
                onChange={(e) => {
                  set('amount', e.target.value);
                }}
              />
            </label>
          )}
          {fields
            .filter((f): f is TextField => f !== 'side' && f !== 'size' && f !== 'tif')
            .map(input)}
          {fields.includes('tif') && (
            <label>
              {t('trading.tif')}
              <select
                name="tif"
                value={form.tif}
                onChange={(e) => {
                  set('tif', e.target.value);
                }}
              >
                {['GTC', 'IOC', 'FOK'].map((x) => (
                  <option key={x}>{x}</option>
                ))}
              </select>
            </label>
          )}
        </div>
        {problem !== null && (
          <p className="form-error" role="alert" data-testid="ticket-error">
            {t('trading.invalid', { message: problemText(problem) })}
          </p>
        )}
        {place.error !== null && (
          <p className="form-error" role="alert" data-testid="ticket-error">
            {serverMessage(t, i18n.language, place.error)}
          </p>
        )}
        <div className="actions">
          <button
            type="submit"
            className={side === 'buy' ? 'btn primary' : 'btn danger'}
            disabled={place.isPending}
          >
            {place.isPending
              ? t('trading.placing')
              : `${t('trading.place')} (${side === 'buy' ? t('trading.buy') : t('trading.sell')})`}
          </button>
        </div>
      </form>
    </Card>
  );
}
