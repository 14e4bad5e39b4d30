/** Wires the socket to the session, the query cache and the toasts; React hooks to read it. */
import { useEffect, useSyncExternalStore } from 'react';
import { queryClient } from '../api/query-client';
import { sessionRevoked, sessionStore, tokens } from '../api/session';
import { toast } from '../components/toasts-store';
import { i18n } from '../i18n';
import { serverText } from '../i18n/server-text';
import { applyEvent } from './cache-bridge';
import { LiveConnection, type ConnectionState } from './connection';
import type { LiveEvent } from './event-gate';

export const live = new LiveConnection({
  token: () => tokens.current(),
  refresh: () => tokens.refresh(),
  onEvent(ev) {
    applyEvent(queryClient, ev);
    if (ev.event === 'system:alert' && ev.payload.code !== 'token_expired') {
      const { level, message } = ev.payload;
      // Rendered once, in the language of the moment: a toast lives a few seconds.
      toast(level, serverText(i18n.language, message, ev.payload.messageMsg));
    }
  },
  onResync() {
    // A new session after a gap (server restart, long outage): read again what is on screen.
    void queryClient.invalidateQueries();
  },
  onSessionRevoked: sessionRevoked,
});

sessionStore.onToken((token) => {
  if (token === null) {
    live.stop();
    queryClient.clear();
  } else {
    live.start();
  }
});

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(live.state.subscribe, live.state.get);
}

/** Joins a Socket.io channel while the component is mounted (null: none). */
export function useChannel(channel: string | null): void {
  useEffect(() => (channel === null ? undefined : live.join(channel)), [channel]);
}

/** Calls `listener` with each validated event while mounted (charts draw candles with it). */
export function useLiveEvents(listener: (ev: LiveEvent) => void): void {
  useEffect(() => live.listen(listener), [listener]);
}

/**
 * Whose backtests are followed live: backtest:progress goes to the requester's socket only, so
 * the signed-in user's id while connected, else null (the backtest queries then poll).
 */
export function useBacktestLiveFor(userId: number): number | null {
  return useConnectionState() === 'connected' ? userId : null;
}
