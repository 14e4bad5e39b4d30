/**
 * Form fields generated from parameter specs (GET /strategies params, GET /bot/config riskParams):
 * the server's schema is the single source, so a new parameter appears without web changes.
 */
import type { ParamSpecView } from '@numerusx/contracts';
import { i18n } from '../i18n';
import { useStrategyTexts } from '../i18n/strategy-texts';

export type ParamValue = number | boolean | string;
export type ParamValues = Readonly<Record<string, ParamValue>>;

/** The spec's defaults, overlaid with saved values. */
export function initialValues(
  specs: readonly ParamSpecView[],
  saved: ParamValues = {},
): ParamValues {
  const out: Record<string, ParamValue> = {};
  for (const s of specs) out[s.name] = saved[s.name] ?? s.default;
  return out;
}

/** What the server would refuse, checked before sending (the server checks again). */
export function checkParam(spec: ParamSpecView, value: ParamValue): string | null {
  if (spec.type === 'integer' || spec.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value))
      return i18n.t('common.numberRequired');
    if (spec.type === 'integer' && !Number.isInteger(value)) return i18n.t('common.wholeNumber');
    if (spec.min !== undefined && value < spec.min)
      return i18n.t('common.atLeast', { min: spec.min });
    if (spec.max !== undefined && value > spec.max)
      return i18n.t('common.atMost', { max: spec.max });
  }
  if (spec.type === 'enum' && !(spec.options ?? []).includes(String(value)))
    return i18n.t('common.notAnOption');
  return null;
}

export function checkAll(
  specs: readonly ParamSpecView[],
  values: ParamValues,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const s of specs) {
    const v = values[s.name];
    const problem = v === undefined ? null : checkParam(s, v);
    if (problem !== null) errors[s.name] = problem;
  }
  return errors;
}

export function ParamFields({
  owner,
  specs,
  values,
  errors,
  disabled,
  onChange,
}: {
  /** Whose parameters: a strategy id or RISK_OWNER (their labels are looked up by it). */
  readonly owner: string;
  readonly specs: readonly ParamSpecView[];
  readonly values: ParamValues;
  readonly errors: Readonly<Record<string, string>>;
  readonly disabled: boolean;
  readonly onChange: (name: string, value: ParamValue) => void;
}) {
  const texts = useStrategyTexts();
  return (
    <div className="form-grid">
      {specs.map((s) => {
        const value = values[s.name] ?? s.default;
        const error = errors[s.name];
        const text = texts.param(owner, s);
        return (
          <label key={s.name} title={text.description}>
            <span>{text.label}</span>
            {s.type === 'boolean' ? (
              <input
                type="checkbox"
                name={s.name}
                checked={value === true}
                disabled={disabled}
                onChange={(e) => {
                  onChange(s.name, e.target.checked);
                }}
              />
            ) : s.type === 'enum' ? (
              <select
                name={s.name}
                value={String(value)}
                disabled={disabled}
                onChange={(e) => {
                  onChange(s.name, e.target.value);
                }}
              >
                {(s.options ?? []).map((o) => (
                  <option key={o} value={o}>
                    {texts.option(owner, s.name, o)}
                  </option>
                ))}
              </select>
            ) : (
              <input
                type="number"
                name={s.name}
                value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
                min={s.min}
                max={s.max}
                step={s.step ?? (s.type === 'integer' ? 1 : 'any')}
                disabled={disabled}
                aria-invalid={error !== undefined}
                onChange={(e) => {
                  onChange(s.name, e.target.value === '' ? Number.NaN : Number(e.target.value));
                }}
              />
            )}
            {error !== undefined && (
              <span className="field-error" role="alert">
                {error}
              </span>
            )}
          </label>
        );
      })}
    </div>
  );
}
