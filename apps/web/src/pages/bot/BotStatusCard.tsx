/** The bot's live status, as bot:status events keep it in the cache. */
import type { BotStatus } from '@numerusx/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDecisions } from '../../api/queries';
import { flatten } from '../../api/pages';
import { BotStateBadge } from '../../components/BotStateBadge';
import { useStrategyName } from '../../components/StrategySelect';
import { Card, Facts } from '../../components/ui';
import { useEnumLabel } from '../../i18n/enum-labels';
import { useServerText } from '../../i18n/server-text';
import { dateTime, duration, pct } from '../../lib/format';

/** Re-renders every second so the uptime counts. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      clearInterval(id);
    };
  }, []);
  return now;
}

export function BotStatusCard({ status }: { readonly status: BotStatus }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const serverText = useServerText();
  const strategyName = useStrategyName();
  const now = useNow();
  const last = flatten(useDecisions({}).data)[0];
  const progress = status.feed?.progress ?? null;
  return (
    <Card
      title={t('bot.status')}
      actions={<BotStateBadge state={status.state} />}
      testId="bot-status"
    >
      <Facts
        rows={[
          [t('bot.message'), serverText(status.message, status.messageMsg)],
          [t('bot.mode'), label('mode', status.mode)],
          [t('bot.provider'), label('provider', status.provider)],
          [t('bot.activeProvider'), label('provider', status.activeProvider)],
          [t('bot.instance'), status.instance ?? '—'],
          [t('bot.since'), dateTime(status.since)],
          [
            t('bot.uptime'),
            status.state === 'running' && status.since !== null
              ? duration(now - status.since)
              : '—',
          ],
          [t('bot.cycles'), <span data-testid="bot-cycles">{status.cycles}</span>],
          [t('bot.marketTime'), dateTime(status.marketTime)],
          [t('bot.strategy'), strategyName(status.strategy)],
          [t('bot.pairs'), status.pairs.join(', ')],
          [t('bot.openPositions'), String(status.openPositions)],
          [
            t('bot.feed'),
            status.feed === null ? '—' : serverText(status.feed.label, status.feed.labelMsg),
          ],
          [
            t('bot.replay'),
            progress === null ? (
              '—'
            ) : (
              <span>
                <span className="progress" aria-hidden="true">
                  <span style={{ width: `${Math.round(progress * 1000) / 10}%` }} />
                </span>
                {pct(progress, 1)}
              </span>
            ),
          ],
          [
            t('bot.lastDecision'),
            last === undefined ? (
              dateTime(status.lastDecisionAt)
            ) : (
              <Link to={`/decisions/${last.id}`}>
                #{last.id} {t(`decisions.actions.${last.action}`)} · {dateTime(last.ts)}
              </Link>
            ),
          ],
          [t('bot.lastTrade'), dateTime(status.lastTradeAt)],
        ]}
      />
    </Card>
  );
}
