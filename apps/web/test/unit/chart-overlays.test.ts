import { bollinger, ema, sma } from '@numerusx/core';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OVERLAYS,
  loadOverlays,
  OVERLAYS_KEY,
  overlayLines,
  saveOverlays,
  type OverlayLines,
  type OverlayPoint,
} from '../../src/pages/trading/overlays';

const all = (l: OverlayLines): OverlayPoint[][] => [
  l.sma20,
  l.ema50,
  l.bbUpper,
  l.bbMiddle,
  l.bbLower,
];

const candles = Array.from({ length: 80 }, (_, i) => ({
  ts: 1_700_000_000_000 + i * 60_000,
  close: 100 + Math.sin(i / 5) * 10 + i * 0.1,
}));

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      data.set(k, v);
    },
  };
}

describe('chart overlays', () => {
  it('leaves out the warm-up: each line starts at its period', () => {
    const lines = overlayLines(candles);
    expect(lines.sma20).toHaveLength(80 - 19);
    expect(lines.ema50).toHaveLength(80 - 49);
    expect(lines.bbUpper).toHaveLength(80 - 19);
    expect(lines.bbLower).toHaveLength(80 - 19);
    expect(lines.sma20[0]?.ts).toBe(candles[19]?.ts);
    expect(lines.ema50[0]?.ts).toBe(candles[49]?.ts);
    for (const line of all(lines))
      for (const p of line) expect(Number.isFinite(p.value)).toBe(true);
  });

  it("draws @numerusx/core's values", () => {
    const closes = candles.map((c) => c.close);
    const lines = overlayLines(candles);
    expect(lines.sma20.at(-1)?.value).toBe(sma(closes, 20).at(-1));
    expect(lines.ema50.at(-1)?.value).toBe(ema(closes, 50).at(-1));
    const bb = bollinger(closes, { period: 20, stdDev: 2 });
    expect(lines.bbUpper.at(-1)?.value).toBe(bb.upper.at(-1));
    expect(lines.bbMiddle.at(-1)?.value).toBe(bb.middle.at(-1));
    expect(lines.bbLower.at(-1)?.value).toBe(bb.lower.at(-1));
    const last = lines.bbUpper.at(-1)?.value ?? 0;
    expect(last).toBeGreaterThan(lines.bbLower.at(-1)?.value ?? Infinity);
  });

  it('draws nothing before enough candles', () => {
    const lines = overlayLines(candles.slice(0, 10));
    expect(all(lines).every((l) => l.length === 0)).toBe(true);
    expect(all(overlayLines([])).every((l) => l.length === 0)).toBe(true);
  });

  it('remembers the toggles, falling back to SMA 20 only', () => {
    expect(loadOverlays(memory())).toEqual(DEFAULT_OVERLAYS);
    expect(DEFAULT_OVERLAYS).toEqual({ sma20: true, ema50: false, bb20: false });
    expect(loadOverlays(memory({ [OVERLAYS_KEY]: '{not json' }))).toEqual(DEFAULT_OVERLAYS);
    expect(loadOverlays(memory({ [OVERLAYS_KEY]: '{"ema50":true,"bb20":"yes"}' }))).toEqual({
      sma20: true,
      ema50: true,
      bb20: false,
    });
    const store = memory();
    saveOverlays({ sma20: false, ema50: true, bb20: true }, store);
    expect(loadOverlays(store)).toEqual({ sma20: false, ema50: true, bb20: true });
  });
});
