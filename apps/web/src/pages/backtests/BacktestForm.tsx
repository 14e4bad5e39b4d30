/** A new backtest: strategy and its parameters (from GET /strategies), data, dates, money. */
import type { BacktestAccepted, BacktestRequest } from '@numerusx/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/http';
import { keys } from '../../api/keys';
import { usePairs, useStrategies } from '../../api/queries';
import { StrategySelect } from '../../components/StrategySelect';
import {
  checkAll,
  initialValues,
  ParamFields,
  type ParamValues,
} from '../../components/ParamFields';
import { toast } from '../../components/toasts-store';
import { Card, ErrorNote } from '../../components/ui';
import { useFieldErrors } from '../../i18n/error-text';
import { useServerText } from '../../i18n/server-text';
import { useStrategyTexts } from '../../i18n/strategy-texts';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => (d === '' ? undefined : Date.parse(`${d}T00:00:00Z`));

export function BacktestForm() {
  const { t } = useTranslation();
  const serverText = useServerText();
  const texts = useStrategyTexts();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const strategies = useStrategies();
  const pairs = usePairs();
  const [strategyId, setStrategyId] = useState<string | null>(null);
  const [params, setParams] = useState<ParamValues>({});
  const [datasetId, setDatasetId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [capital, setCapital] = useState('10000');
  const [feeBps, setFeeBps] = useState('10');
  const [slippageBps, setSlippageBps] = useState('5');
  const [local, setLocal] = useState<Record<string, string>>({});

  const strategy =
    strategies.data?.items.find((s) => s.id === strategyId) ?? strategies.data?.items[0];
  const specs = useMemo(() => strategy?.params ?? [], [strategy]);
  const values = useMemo(() => initialValues(specs, params), [specs, params]);
  const datasets = pairs.data?.items ?? [];
  const dataset =
    datasets.find((d) => d.id === datasetId) ??
    datasets.find((d) => d.pair === 'SOL/USDT') ??
    datasets[0];
  // Defaults: the dataset's last year, enough to be meaningful and quick to run.
  const toDay = to ?? (dataset === undefined ? '' : day(dataset.to));
  const fromDay =
    from ??
    (dataset === undefined ? '' : day(Math.max(dataset.from, dataset.to - 365 * 86_400_000)));

  const run = useMutation({
    mutationFn: (body: BacktestRequest) => api.post<BacktestAccepted>('/backtests', body),
    onSuccess(accepted) {
      toast('success', t('backtests.queued', { id: accepted.id }));
      void qc.invalidateQueries({ queryKey: keys.backtests });
      void navigate(`/backtests/${accepted.id}`);
    },
  });
  const errors = { ...useFieldErrors(run.error), ...local };

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (strategy === undefined || dataset === undefined) return;
    const problems = checkAll(specs, values);
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const f = ms(fromDay);
    const until = ms(toDay);
    run.mutate({
      strategy: strategy.id,
      params: { ...values },
      pair: dataset.pair,
      dataset: dataset.id,
      ...(f === undefined ? {} : { from: f }),
      ...(until === undefined ? {} : { to: until + 86_400_000 - 1 }),
      capital: Number(capital),
      feeBps: Number(feeBps),
      slippageBps: Number(slippageBps),
    });
  };

  return (
    <Card title={t('backtests.new')} testId="backtest-form">
      <form className="page" onSubmit={submit} noValidate>
        <fieldset disabled={run.isPending} className="form-grid">
          <StrategySelect
            label={t('backtests.strategy')}
            name="strategy"
            value={strategy?.id ?? ''}
            onChange={(id) => {
              setStrategyId(id);
              setParams({});
            }}
          />
          <label>
            {t('backtests.dataset')}
            <select
              name="dataset"
              value={dataset?.id ?? ''}
              onChange={(e) => {
                setDatasetId(e.target.value);
                setFrom(null);
                setTo(null);
              }}
            >
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {serverText(d.label, d.labelMsg)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('common.from')}
            <input
              type="date"
              name="from"
              value={fromDay}
              onChange={(e) => {
                setFrom(e.target.value);
              }}
            />
          </label>
          <label>
            {t('common.to')}
            <input
              type="date"
              name="to"
              value={toDay}
              onChange={(e) => {
                setTo(e.target.value);
              }}
            />
          </label>
          <label>
            {t('backtests.capital')}
            <input
              type="number"
              name="capital"
              min={1}
              step="any"
              value={capital}
              onChange={(e) => {
                setCapital(e.target.value);
              }}
            />
            {errors['capital'] !== undefined && (
              <span className="field-error">{errors['capital']}</span>
            )}
          </label>
          <label>
            {t('backtests.feeBps')}
            <input
              type="number"
              name="feeBps"
              min={0}
              max={1000}
              step="any"
              value={feeBps}
              onChange={(e) => {
                setFeeBps(e.target.value);
              }}
            />
            {errors['feeBps'] !== undefined && (
              <span className="field-error">{errors['feeBps']}</span>
            )}
          </label>
          <label>
            {t('backtests.slippageBps')}
            <input
              type="number"
              name="slippageBps"
              min={0}
              max={1000}
              step="any"
              value={slippageBps}
              onChange={(e) => {
                setSlippageBps(e.target.value);
              }}
            />
            {errors['slippageBps'] !== undefined && (
              <span className="field-error">{errors['slippageBps']}</span>
            )}
          </label>
        </fieldset>
        {strategy !== undefined && (
          <p className="muted">{texts.description(strategy.id, strategy.description)}</p>
        )}
        <h2>{t('backtests.params')}</h2>
        <ParamFields
          owner={strategy?.id ?? ''}
          specs={specs}
          values={values}
          errors={errors}
          disabled={run.isPending}
          onChange={(name, v) => {
            setParams((p) => ({ ...p, [name]: v }));
          }}
        />
        <ErrorNote error={run.error} />
        <div className="actions">
          <button
            type="submit"
            className="btn primary"
            disabled={run.isPending || strategy === undefined || dataset === undefined}
          >
            {run.isPending ? t('backtests.running') : t('backtests.run')}
          </button>
        </div>
      </form>
    </Card>
  );
}
