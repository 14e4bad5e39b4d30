import type { BotStatus } from '@numerusx/contracts';
import { useTranslation } from 'react-i18next';

export function BotStateBadge({ state }: { readonly state: BotStatus['state'] | undefined }) {
  const { t } = useTranslation();
  if (state === undefined) return null;
  return (
    <span className={`badge state-${state}`} data-testid="bot-state">
      {t(`bot.state.${state}`)}
    </span>
  );
}
