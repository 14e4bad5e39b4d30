import { malformed, parseBody } from './http-get.js';

/** Every live tick carries this. */
export const JUPITER_PRICE_SOURCE = 'jupiter:price-v3';

/** Keyless host; with an API key use https://api.jup.ag (the key goes in `x-api-key`). */
export const DEFAULT_JUPITER_BASE_URL = 'https://lite-api.jup.ag';

/** Price API v3 answers at most this many mints per request. */
export const MAX_PRICE_IDS = 50;

/** `GET {base}/price/v3?ids=<mint>,<mint>`: mints are base58, so they need no escaping. */
export function priceUrl(baseUrl: string, mints: readonly string[]): string {
  return `${baseUrl.replace(/\/+$/, '')}/price/v3?ids=${mints.join(',')}`;
}

export interface PriceReadings {
  /** USD price per mint, each finite and > 0. */
  readonly usd: ReadonlyMap<string, number>;
  /** Why a requested mint has no usable price. */
  readonly problems: ReadonlyMap<string, string>;
}

/**
 * Reads a Price API v3 answer, `{ "<mint>": { "usdPrice": 147.48, "blockId": …, "decimals": 9,
 * "priceChange24h": 1.29 }, … }`. A body that is not such an object is malformed as a whole (a
 * TemporaryError: the poll is skipped); a single mint that is missing or has an unusable price is
 * reported for that mint only, so one bad token does not hide the others' prices. Only `usdPrice` is
 * read: it is the one field a tick needs, and requiring the others would refuse good prices when
 * Jupiter adds or drops a field of this beta API.
 */
export function readPrices(body: string, mints: readonly string[]): PriceReadings {
  const what = 'Jupiter Price API v3';
  const data = parseBody(what, body);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw malformed(what, `expected an object keyed by mint, found ${kind(data)}`);
  }
  const usd = new Map<string, number>();
  const problems = new Map<string, string>();
  for (const mint of mints) {
    const entry = (data as Record<string, unknown>)[mint];
    if (entry === undefined || entry === null) {
      // Jupiter omits tokens it has no reliable price for, rather than sending an error.
      problems.set(mint, `no price for ${mint}`);
      continue;
    }
    const price =
      typeof entry === 'object' ? (entry as Record<string, unknown>)['usdPrice'] : entry;
    if (typeof price === 'number' && Number.isFinite(price) && price > 0) usd.set(mint, price);
    else problems.set(mint, `usdPrice of ${mint} is ${show(price)}, not a finite price > 0`);
  }
  return { usd, problems };
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `the string '${value.slice(0, 40)}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined ? 'missing' : kind(value);
}
