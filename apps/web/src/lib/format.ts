/** Numbers and times in the reader's language; money in the quote currency (USDT here). */
import { i18n, isFrench } from '../i18n';

const dash = '—';

/** The Intl locale of the reader's language. */
export function locale(): string {
  return isFrench(i18n.language) ? 'fr-FR' : 'en-US';
}

// signDisplay 'negative': a value that rounds to zero is "0.00", never "-0.00".
export function money(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return dash;
  return new Intl.NumberFormat(locale(), {
    signDisplay: 'negative',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v);
}

/** Signed amount, for PnL. */
export function signedMoney(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return dash;
  return `${v > 0 ? '+' : ''}${money(v)}`;
}

/** A fraction as a percentage (0.12 → 12.00 %). */
export function pct(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return dash;
  return new Intl.NumberFormat(locale(), {
    style: 'percent',
    signDisplay: 'negative',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v);
}

export function num(v: number | null | undefined, maxDigits = 4): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return dash;
  return new Intl.NumberFormat(locale(), {
    signDisplay: 'negative',
    maximumFractionDigits: maxDigits,
  }).format(v);
}

/** A price with as many digits as it needs (SOL at 3.35 and BTC at 90,000 both read well). */
export function price(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return dash;
  const digits = Math.abs(v) >= 1000 ? 2 : Math.abs(v) >= 1 ? 4 : 6;
  return num(v, digits);
}

/** ms UTC → a date and time in UTC (market times are replayed history; UTC avoids confusion). */
export function dateTime(ts: number | null | undefined): string {
  if (ts === null || ts === undefined) return dash;
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(ts);
}

export function date(ts: number | null | undefined): string {
  if (ts === null || ts === undefined) return dash;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(ts);
}

/** 3725000 ms → "1 h 2 min". */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || ms < 0) return dash;
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  // h, min and s are the same symbols in both languages; a day is « j » (jour) in French.
  if (d > 0) return `${d} ${isFrench(i18n.language) ? 'j' : 'd'} ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min`;
  return `${s} s`;
}

export function tone(v: number | null | undefined): 'pos' | 'neg' | '' {
  if (v === null || v === undefined || v === 0) return '';
  return v > 0 ? 'pos' : 'neg';
}
