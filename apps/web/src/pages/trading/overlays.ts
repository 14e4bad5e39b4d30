/**
 * The trading chart's indicator overlays: which ones the user turned on (remembered in
 * localStorage) and their points, computed with @numerusx/core's batch indicators. Only the
 * trading page imports this module, so the indicators stay out of the initial bundle.
 */
import { bollinger, ema, sma } from '@numerusx/core';

export const OVERLAYS = ['sma20', 'ema50', 'bb20'] as const;
export type Overlay = (typeof OVERLAYS)[number];
export type OverlaySet = Readonly<Record<Overlay, boolean>>;

export const SMA_PERIOD = 20;
export const EMA_PERIOD = 50;
export const BB_PERIOD = 20;
export const BB_STDDEV = 2;

/** SMA 20 was always drawn before the toggles existed: it stays on by default. */
export const DEFAULT_OVERLAYS: OverlaySet = { sma20: true, ema50: false, bb20: false };
export const OVERLAYS_KEY = 'nx-chart-overlays';

/** The remembered choice; anything unreadable falls back to the defaults, key by key. */
export function loadOverlays(storage: Pick<Storage, 'getItem'> = localStorage): OverlaySet {
  let raw: unknown = null;
  try {
    const text = storage.getItem(OVERLAYS_KEY);
    raw = text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    raw = null;
  }
  const out: Record<Overlay, boolean> = { ...DEFAULT_OVERLAYS };
  if (typeof raw === 'object' && raw !== null) {
    const stored = raw as Partial<Record<string, unknown>>;
    for (const k of OVERLAYS) {
      const v = stored[k];
      if (typeof v === 'boolean') out[k] = v;
    }
  }
  return out;
}

export function saveOverlays(
  set: OverlaySet,
  storage: Pick<Storage, 'setItem'> = localStorage,
): void {
  try {
    storage.setItem(OVERLAYS_KEY, JSON.stringify(set));
  } catch {
    // Storage full or disabled (private mode): the choice lasts until the page is left.
  }
}

export interface OverlayPoint {
  readonly ts: number;
  readonly value: number;
}

export interface OverlayLines {
  readonly sma20: OverlayPoint[];
  readonly ema50: OverlayPoint[];
  readonly bbUpper: OverlayPoint[];
  readonly bbMiddle: OverlayPoint[];
  readonly bbLower: OverlayPoint[];
}

/** Pairs each value with its candle's time, leaving out the warm-up (NaN) cells. */
function points(ts: readonly number[], values: Float64Array): OverlayPoint[] {
  const out: OverlayPoint[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const t = ts[i];
    if (Number.isFinite(value) && t !== undefined) out.push({ ts: t, value });
  }
  return out;
}

/** Every overlay's points over candles oldest first (closes only). */
export function overlayLines(
  candles: readonly { readonly ts: number; readonly close: number }[],
): OverlayLines {
  const ts = candles.map((c) => c.ts);
  const closes = Float64Array.from(candles, (c) => c.close);
  const bands = bollinger(closes, { period: BB_PERIOD, stdDev: BB_STDDEV });
  return {
    sma20: points(ts, sma(closes, SMA_PERIOD)),
    ema50: points(ts, ema(closes, EMA_PERIOD)),
    bbUpper: points(ts, bands.upper),
    bbMiddle: points(ts, bands.middle),
    bbLower: points(ts, bands.lower),
  };
}
