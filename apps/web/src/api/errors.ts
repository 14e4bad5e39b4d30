/**
 * One error type for every failed API call, read from the server's `{error: {code, message,
 * details?}}` answers, so screens can show the server's own words and act on codes.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
    /** Seconds to wait, from `retry-after` on 429 answers. */
    readonly retryAfterSec?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** status 0: the request never got an answer (server down, network cut). */
export const UNREACHABLE = 0;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Builds the ApiError of a non-2xx answer; tolerates bodies that are not JSON (a proxy's page). */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const header = res.headers.get('retry-after');
  const retry = header === null ? undefined : Number(header);
  const retryAfterSec = retry !== undefined && Number.isFinite(retry) ? retry : undefined;
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const error = isRecord(body) ? body['error'] : undefined;
  if (
    isRecord(error) &&
    typeof error['code'] === 'string' &&
    typeof error['message'] === 'string'
  ) {
    const details = isRecord(error['details']) ? error['details'] : undefined;
    return new ApiError(res.status, error['code'], error['message'], details, retryAfterSec);
  }
  return new ApiError(res.status, `HTTP_${res.status}`, res.statusText, undefined, retryAfterSec);
}

/**
 * Field → message from a 4xx answer that names fields: `details.parameter` (a strategy or risk
 * parameter the server refused) or schema `details.issues[{field: "body.a.b", problem}]`.
 */
export function fieldErrors(error: unknown): Readonly<Record<string, string>> {
  if (!(error instanceof ApiError) || error.details === undefined) return {};
  const out: Record<string, string> = {};
  const { details } = error;
  const issues = details['issues'];
  if (Array.isArray(issues)) {
    for (const issue of issues) {
      if (!isRecord(issue)) continue;
      const field = issue['field'];
      const problem = issue['problem'];
      if (typeof field === 'string' && typeof problem === 'string') {
        const name = field.split('.').filter(Boolean).pop() ?? field;
        out[name] = problem;
      }
    }
  }
  const parameter = details['parameter'];
  if (typeof parameter === 'string') out[parameter] = error.message;
  return out;
}
