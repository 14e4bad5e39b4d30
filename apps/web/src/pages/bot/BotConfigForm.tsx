/** The trading configuration, generated from the strategies' and the risk gate's param specs. */
import type { BotConfigView, TradingConfigInput } from '@numerusx/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import { keys } from '../../api/keys';
import { usePairs, useStrategies } from '../../api/queries';
import { StrategySelect } from '../../components/StrategySelect';
import { useEnumLabel } from '../../i18n/enum-labels';
import { useFieldErrors } from '../../i18n/error-text';
import { RISK_OWNER, useStrategyTexts } from '../../i18n/strategy-texts';
import { hasRole, useUser } from '../../auth/use-session';
import {
  checkAll,
  initialValues,
  ParamFields,
  type ParamValue,
  type ParamValues,
} from '../../components/ParamFields';
import { toast } from '../../components/toasts-store';
import { Card, ErrorNote } from '../../components/ui';

const TIMEFRAMES = ['1m', '5m', '15m', '30m', '1h', '4h', '1d'];

export function BotConfigForm({ view }: { readonly view: BotConfigView }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const texts = useStrategyTexts();
  const user = useUser();
  const qc = useQueryClient();
  const strategies = useStrategies();
  const pairs = usePairs();
  const admin = hasRole(user, 'admin');
  const [strategyId, setStrategyId] = useState(view.config.strategy.id);
  const [params, setParams] = useState<ParamValues>(view.config.strategy.params);
  const [risk, setRisk] = useState<ParamValues>(view.config.risk);
  const [pairList, setPairList] = useState<readonly string[]>(view.config.pairs);
  const [timeframe, setTimeframe] = useState(view.config.timeframe);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const strategy = strategies.data?.items.find((s) => s.id === strategyId);
  const specs = useMemo(() => strategy?.params ?? [], [strategy]);
  const values = useMemo(() => initialValues(specs, params), [specs, params]);
  const riskValues = useMemo(() => initialValues(view.riskParams, risk), [view.riskParams, risk]);
  const knownPairs = [...new Set((pairs.data?.items ?? []).map((d) => d.pair))];

  const save = useMutation({
    mutationFn: (body: TradingConfigInput) => api.put<BotConfigView>('/bot/config', body),
    onSuccess(next) {
      qc.setQueryData(keys.botConfig, next);
      void qc.invalidateQueries({ queryKey: keys.botStatus });
      toast('success', t('bot.configSaved', { version: next.version }));
    },
  });
  const errors = { ...useFieldErrors(save.error), ...localErrors };

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const problems = { ...checkAll(specs, values), ...checkAll(view.riskParams, riskValues) };
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate({
      strategy: { id: strategyId, params: { ...values } },
      risk: { ...riskValues },
      pairs: [...pairList],
      timeframe,
    });
  };

  const set =
    (setter: (f: (old: ParamValues) => ParamValues) => void) =>
    (name: string, value: ParamValue) => {
      setter((old) => ({ ...old, [name]: value }));
    };

  return (
    <Card
      title={t('bot.config')}
      actions={
        <span className="muted">
          {view.isDefault
            ? t('bot.configDefault')
            : t('bot.configVersion', { version: view.version })}
        </span>
      }
    >
      <form onSubmit={submit} className="page" data-testid="config-form" noValidate>
        {!admin && <p className="muted">{t('bot.configAdminOnly')}</p>}
        <fieldset disabled={!admin || save.isPending} className="form-grid">
          <StrategySelect
            label={t('bot.strategy')}
            value={strategyId}
            onChange={(id) => {
              setStrategyId(id);
              setParams({});
            }}
          />
          <label>
            {t('bot.timeframe')}
            <select
              value={timeframe}
              onChange={(e) => {
                setTimeframe(e.target.value);
              }}
            >
              {TIMEFRAMES.map((tf) => (
                <option key={tf} value={tf}>
                  {label('timeframe', tf)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('bot.pairs')}
            <select
              multiple
              value={[...pairList]}
              onChange={(e) => {
                setPairList([...e.target.selectedOptions].map((o) => o.value));
              }}
            >
              {knownPairs.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
            {errors['pairs'] !== undefined && (
              <span className="field-error">{errors['pairs']}</span>
            )}
          </label>
        </fieldset>
        {strategy !== undefined && (
          <p className="muted">{texts.description(strategy.id, strategy.description)}</p>
        )}
        <h2>{t('bot.strategyParams')}</h2>
        <ParamFields
          owner={strategyId}
          specs={specs}
          values={values}
          errors={errors}
          disabled={!admin || save.isPending}
          onChange={set(setParams)}
        />
        <h2>{t('bot.riskParams')}</h2>
        <ParamFields
          owner={RISK_OWNER}
          specs={view.riskParams}
          values={riskValues}
          errors={errors}
          disabled={!admin || save.isPending}
          onChange={set(setRisk)}
        />
        <ErrorNote error={save.error} />
        {admin && (
          <div className="actions">
            <button type="submit" className="btn primary" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('common.save')}
            </button>
          </div>
        )}
      </form>
    </Card>
  );
}
