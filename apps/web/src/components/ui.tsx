/** Small building blocks shared by the pages. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorText } from '../i18n/error-text';

export function Card({
  title,
  actions,
  children,
  className,
  testId,
}: {
  readonly title?: ReactNode;
  readonly actions?: ReactNode;
  readonly children: ReactNode;
  readonly className?: string | undefined;
  readonly testId?: string | undefined;
}) {
  return (
    <section className={`card ${className ?? ''}`} data-testid={testId}>
      {(title !== undefined || actions !== undefined) && (
        <div className="card-head">
          {title !== undefined && <h2>{title}</h2>}
          {actions !== undefined && <div className="card-actions">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

export function Kpi({
  label,
  value,
  tone,
  sub,
  testId,
}: {
  readonly label: string;
  readonly value: string;
  readonly tone?: 'pos' | 'neg' | '' | undefined;
  readonly sub?: string | undefined;
  readonly testId?: string | undefined;
}) {
  return (
    <div className="kpi" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className={`kpi-value ${tone ?? ''}`}>{value}</div>
      {sub !== undefined && <div className="kpi-sub">{sub}</div>}
    </div>
  );
}

/** What to do next when a screen has no data yet. */
export function Empty({
  children,
  action,
}: {
  readonly children: ReactNode;
  readonly action?: { readonly to: string; readonly label: string };
}) {
  return (
    <div className="empty">
      <p>{children}</p>
      {action !== undefined && (
        <Link className="btn primary" to={action.to}>
          {action.label}
        </Link>
      )}
    </div>
  );
}

export function ErrorNote({ error }: { readonly error: unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (error === null || error === undefined) return null;
  const message = errorText(error);
  return (
    <p className="form-error" role="alert">
      {t('common.error', { message })}
    </p>
  );
}

/** A definition list of label → value rows. */
export function Facts({ rows }: { readonly rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function LoadMore({
  hasNext,
  loading,
  onMore,
}: {
  readonly hasNext: boolean;
  readonly loading: boolean;
  readonly onMore: () => void;
}) {
  const { t } = useTranslation();
  if (!hasNext) return null;
  return (
    <button type="button" className="btn ghost" disabled={loading} onClick={onMore}>
      {t('common.loadMore')}
    </button>
  );
}
