/**
 * The access token's one home (memory only: never localStorage, so a script injected into the page
 * cannot carry it away after the tab closes) and the single refresh in flight.
 *
 * Why one refresh at a time: the refresh cookie rotates on every use and the server revokes the
 * whole session family when a spent one is replayed. Two refreshes racing with the same cookie
 * would log the user out. So every caller that needs a new token shares one promise, requests made
 * while it runs wait for it, and requests that got a 401 are replayed once with the new token.
 */

/** What a refresh produced: a token and its lifetime, or null when the session is over. */
export interface RefreshOutcome {
  readonly token: string;
  readonly expiresInSec: number;
}

export interface TokenManagerDeps {
  /** Calls POST /auth/refresh; resolves null when the server says the session is over (401). */
  readonly refresh: () => Promise<RefreshOutcome | null>;
  /** Told of every new token (null = logged out) so the socket and the UI follow. */
  readonly onChange?: (token: string | null, expiresInSec: number | null) => void;
  /** Timers are injectable so tests can drive the proactive refresh. */
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

/** Refresh this long before expiry, or at 80 % of a short lifetime (tests use seconds). */
export function refreshDelayMs(expiresInSec: number): number {
  const ttl = expiresInSec * 1000;
  return Math.max(ttl - 60_000, ttl * 0.8);
}

export class TokenManager {
  private token: string | null = null;
  private inflight: Promise<string | null> | null = null;
  private timer: unknown = undefined;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly deps: TokenManagerDeps) {
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer =
      deps.clearTimer ??
      ((h) => {
        clearTimeout(h as ReturnType<typeof setTimeout>);
      });
  }

  current(): string | null {
    return this.token;
  }

  /** Stores a token from login or refresh and schedules the silent refresh before it expires. */
  set(token: string | null, expiresInSec: number | null = null): void {
    this.token = token;
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    if (token !== null && expiresInSec !== null) {
      this.timer = this.setTimer(() => {
        // A failed silent refresh is retried by the next 401; nothing to report here.
        this.refresh().catch(() => undefined);
      }, refreshDelayMs(expiresInSec));
    }
    this.deps.onChange?.(token, expiresInSec);
  }

  /** One refresh for every caller; rejects only when the server could not be reached. */
  refresh(): Promise<string | null> {
    this.inflight ??= this.deps
      .refresh()
      .then((outcome) => {
        if (outcome === null) this.set(null);
        else this.set(outcome.token, outcome.expiresInSec);
        return outcome?.token ?? null;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /**
   * Sends a request with the current token; on a 401, refreshes (or joins the refresh in flight)
   * and replays it once. A request made during a refresh waits for it instead of sending a token
   * already known to be stale.
   */
  async run(send: (token: string | null) => Promise<Response>): Promise<Response> {
    if (this.inflight !== null) await this.inflight.catch(() => null);
    const used = this.token;
    const res = await send(used);
    if (res.status !== 401 || used === null) return res;
    // Someone else refreshed while this request was out: replay with their token.
    const fresh = this.token !== used ? this.token : await this.refresh();
    if (fresh === null) return res;
    return send(fresh);
  }
}
