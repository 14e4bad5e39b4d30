import { describe, expect, it, vi } from 'vitest';
import { refreshDelayMs, TokenManager, type RefreshOutcome } from '../../src/api/token-manager';

/** A fake server: 401 for any token but the current valid one. */
function server(valid: () => string | null) {
  const seen: (string | null)[] = [];
  const send = async (token: string | null): Promise<Response> => {
    seen.push(token);
    await Promise.resolve();
    return new Response(null, { status: token !== null && token === valid() ? 200 : 401 });
  };
  return { send, seen };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('TokenManager: one refresh in flight, queued requests replayed', () => {
  it('five requests that all get a 401 share one refresh and are replayed with the new token', async () => {
    let valid = 'new';
    const gate = deferred<RefreshOutcome>();
    const refresh = vi.fn(() => gate.promise);
    const tm = new TokenManager({ refresh, setTimer: () => 0, clearTimer: () => undefined });
    tm.set('old', 900);
    const s = server(() => valid);
    const calls = Array.from({ length: 5 }, () => tm.run(s.send));
    await vi.waitFor(() => {
      expect(refresh).toHaveBeenCalledTimes(1);
    });
    gate.resolve({ token: 'new', expiresInSec: 900 });
    const results = await Promise.all(calls);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(s.seen.filter((t) => t === 'old')).toHaveLength(5);
    expect(s.seen.filter((t) => t === 'new')).toHaveLength(5);
    valid = 'x';
  });

  it('a request made while a refresh runs waits for it instead of sending the stale token', async () => {
    const gate = deferred<RefreshOutcome>();
    const tm = new TokenManager({
      refresh: () => gate.promise,
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    tm.set('old', 900);
    const pending = tm.refresh();
    const s = server(() => 'new');
    const call = tm.run(s.send);
    gate.resolve({ token: 'new', expiresInSec: 900 });
    await pending;
    expect((await call).status).toBe(200);
    expect(s.seen).toEqual(['new']);
  });

  it('a refresh the server refuses ends the session: the 401 is returned, the token cleared', async () => {
    const onChange = vi.fn();
    const tm = new TokenManager({
      refresh: () => Promise.resolve(null),
      onChange,
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    tm.set('old', 900);
    const s = server(() => 'never');
    const res = await tm.run(s.send);
    expect(res.status).toBe(401);
    expect(tm.current()).toBeNull();
    expect(onChange).toHaveBeenLastCalledWith(null, null);
    expect(s.seen).toEqual(['old']);
  });

  it('a request that got a 401 after someone else refreshed is replayed without a second refresh', async () => {
    const refresh = vi.fn(() => Promise.resolve({ token: 'newer', expiresInSec: 900 }));
    const tm = new TokenManager({ refresh, setTimer: () => 0, clearTimer: () => undefined });
    tm.set('old', 900);
    const send = vi.fn(async (token: string | null) => {
      // The answer to the first send arrives after another caller stored a fresh token.
      if (token === 'old') tm.set('fresh', 900);
      await Promise.resolve();
      return new Response(null, { status: token === 'old' ? 401 : 200 });
    });
    const res = await tm.run(send);
    expect(res.status).toBe(200);
    expect(send.mock.calls.map((c) => c[0])).toEqual(['old', 'fresh']);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('schedules the silent refresh before expiry and replaces the timer on each new token', () => {
    const timers: { fn: () => void; ms: number }[] = [];
    const cleared: unknown[] = [];
    const refresh = vi.fn(() => Promise.resolve({ token: 't2', expiresInSec: 900 }));
    const tm = new TokenManager({
      refresh,
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: (h) => cleared.push(h),
    });
    tm.set('t1', 900);
    expect(timers[0]?.ms).toBe(840_000); // 900 s − 60 s
    tm.set('t1b', 900);
    expect(cleared).toEqual([1]);
    timers[1]?.fn();
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it.each([
    // expiresIn  delay           why
    [900, 840_000], // 15 min: one minute before expiry
    [60, 48_000], //    1 min: 80 % of the lifetime (60 s early would be now)
    [3, 2_400], //      tests' 3 s tokens: 80 %
  ])('refreshDelayMs(%i s) = %i ms', (sec, ms) => {
    expect(refreshDelayMs(sec)).toBe(ms);
  });
});
