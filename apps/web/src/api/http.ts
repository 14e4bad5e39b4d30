/** Authenticated JSON calls to API v1 through the TokenManager (refresh and replay on 401). */
import { ApiError, UNREACHABLE, errorFromResponse } from './errors';
import { API, tokens } from './session';

type Query = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** `?a=1&b=x` from the defined values only (empty filters are left out, not sent as ""). */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await tokens.run((token) =>
      fetch(`${API}${path}`, {
        method,
        credentials: 'same-origin',
        headers: {
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(UNREACHABLE, 'UNREACHABLE', 'the server cannot be reached');
  }
  if (!res.ok) throw await errorFromResponse(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => call<T>('GET', `${path}${queryString(query)}`),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  del: <T>(path: string) => call<T>('DELETE', path),
};
