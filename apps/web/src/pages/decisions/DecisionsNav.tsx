import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** Tabs between the decision history and its performance analysis. */
export function DecisionsNav() {
  const { t } = useTranslation();
  return (
    <nav className="actions" aria-label={t('decisions.title')}>
      <NavLink className="btn ghost" to="/decisions" end>
        {t('decisions.list')}
      </NavLink>
      <NavLink className="btn ghost" to="/decisions/performance">
        {t('decisions.performance')}
      </NavLink>
    </nav>
  );
}
