/**
 * The session: who is logged in (a small store React reads with useSyncExternalStore) and the
 * calls that change it — login, the cookie refresh, logout. The access token itself lives in the
 * TokenManager, in memory; a page reload gets a new one from the httpOnly refresh cookie.
 */
import type { PublicUser, TokenResponse } from '@numerusx/contracts';
import { errorFromResponse } from './errors';
import { TokenManager, type RefreshOutcome } from './token-manager';

export const API = '/api/v1';

export interface SessionState {
  /** false until the first refresh attempt at boot has answered. */
  readonly ready: boolean;
  readonly user: PublicUser | null;
  /** Set when the session ended by itself (revoked, refresh refused), for the login page. */
  readonly endedReason: 'expired' | 'revoked' | null;
}

let state: SessionState = { ready: false, user: null, endedReason: null };
const listeners = new Set<() => void>();
const tokenListeners = new Set<(token: string | null) => void>();

function update(next: Partial<SessionState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export const sessionStore = {
  get: (): SessionState => state,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** The socket follows the token: reconnects with each new one, disconnects at logout. */
  onToken: (listener: (token: string | null) => void): (() => void) => {
    tokenListeners.add(listener);
    return () => tokenListeners.delete(listener);
  },
};

/** The nx_csrf cookie the server set beside the refresh cookie (double-submit CSRF check). */
export function csrfToken(): string | null {
  const match = /(?:^|;\s*)nx_csrf=([^;]*)/.exec(document.cookie);
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
}

/**
 * Other tabs share the refresh cookie; the Web Locks API keeps their refreshes one after another
 * (a replayed, already rotated cookie would revoke the session everywhere).
 */
async function acrossTabs<T>(fn: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return fn();
  return navigator.locks.request('nx-refresh', fn);
}

async function refreshWithCookie(): Promise<RefreshOutcome | null> {
  return acrossTabs(async () => {
    const csrf = csrfToken();
    if (csrf === null) return null;
    const res = await fetch(`${API}/auth/refresh`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrf },
    });
    if (res.status === 401 || res.status === 403) return null;
    if (!res.ok) throw await errorFromResponse(res);
    const body = (await res.json()) as TokenResponse;
    update({ user: body.user, endedReason: null });
    return { token: body.accessToken, expiresInSec: body.expiresIn };
  });
}

export const tokens = new TokenManager({
  refresh: refreshWithCookie,
  onChange(token) {
    if (token === null && state.user !== null) update({ user: null, endedReason: 'expired' });
    for (const l of tokenListeners) l(token);
  },
});

/** At boot: a reload keeps the session when the refresh cookie is still good. */
export async function restoreSession(): Promise<void> {
  try {
    await tokens.refresh();
  } catch {
    // Server unreachable at boot: show the login page, which says so when the user tries.
  }
  update({ ready: true });
}

/** POST /auth/login; throws ApiError (401 bad credentials, 429 with retryAfterSec) or TypeError. */
export async function login(username: string, password: string): Promise<PublicUser> {
  const res = await fetch(`${API}/auth/login`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw await errorFromResponse(res);
  const body = (await res.json()) as TokenResponse;
  update({ user: body.user, endedReason: null, ready: true });
  tokens.set(body.accessToken, body.expiresIn);
  return body.user;
}

/** POST with the CSRF header and the current access token, then forget the session locally. */
async function endSession(path: string): Promise<Response> {
  const csrf = csrfToken();
  const token = tokens.current();
  try {
    return await fetch(`${API}${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        ...(csrf === null ? {} : { 'x-csrf-token': csrf }),
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
    });
  } finally {
    update({ user: null, endedReason: null });
    tokens.set(null);
  }
}

/** Ends this session on the server (best effort) and forgets the token. */
export async function logout(): Promise<void> {
  await endSession('/auth/logout');
}

/**
 * POST /auth/logout-all: ends every session of the logged-in user, on every device (any role).
 * The local session is forgotten whatever the answer; throws ApiError when the server refused.
 */
export async function logoutAll(): Promise<void> {
  const res = await endSession('/auth/logout-all');
  if (!res.ok) throw await errorFromResponse(res);
}

/** The server revoked this session (system:alert session_revoked): back to the login page. */
export function sessionRevoked(): void {
  update({ user: null, endedReason: 'revoked' });
  tokens.set(null);
}
