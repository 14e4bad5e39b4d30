// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/errors';
import { logoutAll, sessionStore, tokens } from '../../src/api/session';

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'nx_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('log out everywhere', () => {
  it('POSTs /auth/logout-all with the CSRF header and the token, then forgets the session', async () => {
    document.cookie = 'nx_csrf=csrf-123; path=/';
    tokens.set('access-abc', 300);
    const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(() =>
      Promise.resolve(new Response(null, { status: 204 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    await logoutAll();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/auth/logout-all');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toEqual({
      'x-csrf-token': 'csrf-123',
      authorization: 'Bearer access-abc',
    });
    expect(tokens.current()).toBeNull();
    expect(sessionStore.get().user).toBeNull();
  });

  it('throws the server refusal, the local session being gone anyway', async () => {
    document.cookie = 'nx_csrf=csrf-123; path=/';
    tokens.set('access-abc', 300);
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          Response.json(
            { statusCode: 403, code: 'CSRF', error: 'Forbidden', message: 'bad csrf' },
            { status: 403 },
          ),
        ),
      ),
    );
    await expect(logoutAll()).rejects.toBeInstanceOf(ApiError);
    expect(tokens.current()).toBeNull();
  });
});
