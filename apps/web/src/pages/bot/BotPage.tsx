/** Bot control panel: actions, live status, configuration, logs (logs for traders and admins). */
import { useTranslation } from 'react-i18next';
import { useBotConfig, useBotStatus } from '../../api/queries';
import { hasRole, useUser } from '../../auth/use-session';
import { Card, ErrorNote } from '../../components/ui';
import { BotConfigForm } from './BotConfigForm';
import { BotControls } from './BotControls';
import { BotStatusCard } from './BotStatusCard';
import { LogsPanel } from './LogsPanel';

export default function BotPage() {
  const { t } = useTranslation();
  const user = useUser();
  const status = useBotStatus();
  const config = useBotConfig();
  return (
    <div className="page">
      <h1>{t('bot.title')}</h1>
      <ErrorNote error={status.error} />
      {status.data !== undefined && (
        <>
          <Card>
            <BotControls status={status.data} />
          </Card>
          <BotStatusCard status={status.data} />
        </>
      )}
      <ErrorNote error={config.error} />
      {config.data !== undefined && <BotConfigForm key={config.data.version} view={config.data} />}
      {hasRole(user, 'trader') ? (
        <LogsPanel />
      ) : (
        <Card title={t('bot.logs')}>
          <p className="muted">{t('bot.logsForbidden')}</p>
        </Card>
      )}
    </div>
  );
}
