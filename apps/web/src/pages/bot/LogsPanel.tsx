/**
 * The bot's logs: the first page over REST, then live through log:entry (the cache bridge prepends
 * them). Virtualised, because a running bot writes thousands of lines; pause freezes the view
 * while lines keep arriving underneath.
 */
import type { LogEntry } from '@numerusx/contracts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flatten } from '../../api/pages';
import { useBotLogs } from '../../api/queries';
import { Card, Empty, ErrorNote, LoadMore } from '../../components/ui';
import { useEnumLabel } from '../../i18n/enum-labels';
import { useServerText } from '../../i18n/server-text';
import { dateTime } from '../../lib/format';
import { useChannel } from '../../socket/live';

const LEVELS = ['all', 'debug', 'info', 'warn', 'error'] as const;
const ROW = 24;

export function LogsPanel() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const serverText = useServerText();
  // What each line says in the reader's language: shown, and what the search looks in.
  const text = useCallback((l: LogEntry) => serverText(l.message, l.messageMsg), [serverText]);
  const [level, setLevel] = useState<(typeof LEVELS)[number]>('all');
  const [search, setSearch] = useState('');
  const [frozen, setFrozen] = useState<readonly LogEntry[] | null>(null);
  useChannel('logs');
  const logs = useBotLogs(level, true);
  const all = useMemo(() => flatten(logs.data), [logs.data]);
  const shown = useMemo(() => {
    const base = frozen ?? all;
    const q = search.trim().toLowerCase();
    if (q === '') return base;
    return base.filter(
      (l) =>
        text(l).toLowerCase().includes(q) ||
        l.source.toLowerCase().includes(q) ||
        label('logSource', l.source).toLowerCase().includes(q),
    );
  }, [frozen, all, search, text, label]);
  const waiting = frozen === null ? 0 : all.filter((l) => l.id > (frozen[0]?.id ?? 0)).length;

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 20,
  });

  return (
    <Card
      title={t('bot.logs')}
      testId="logs"
      actions={
        <>
          <label className="inline">
            {t('bot.logLevel')}
            <select
              value={level}
              onChange={(e) => {
                setLevel(e.target.value as (typeof LEVELS)[number]);
                setFrozen(null);
              }}
            >
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {l === 'all' ? t('common.all') : label('logLevel', l)}
                </option>
              ))}
            </select>
          </label>
          <input
            type="search"
            placeholder={t('bot.search')}
            aria-label={t('bot.search')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
            }}
          />
          <button
            type="button"
            className="btn"
            aria-pressed={frozen !== null}
            onClick={() => {
              setFrozen(frozen === null ? all : null);
            }}
          >
            {frozen === null ? t('bot.pause') : t('bot.resume')}
          </button>
        </>
      }
    >
      {frozen !== null && <p className="notice">{t('bot.paused', { count: waiting })}</p>}
      <ErrorNote error={logs.error} />
      {shown.length === 0 && !logs.isLoading ? (
        <Empty>{t('bot.noLogs')}</Empty>
      ) : (
        <div className="logs" ref={scroller}>
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((row) => {
              const l = shown[row.index];
              if (l === undefined) return null;
              return (
                <div
                  key={l.id}
                  className={`log-line lvl-${l.level}`}
                  style={{ top: row.start, height: ROW }}
                  title={text(l)}
                >
                  <span className="muted">{dateTime(l.ts)}</span>
                  <span>{label('logLevel', l.level)}</span>
                  <span className="muted">{label('logSource', l.source)}</span>
                  <span>{text(l)}</span>
                </div>
              );
            })}
          </div>
        </div>
      )}
      <LoadMore
        hasNext={logs.hasNextPage}
        loading={logs.isFetchingNextPage}
        onMore={() => void logs.fetchNextPage()}
      />
    </Card>
  );
}
