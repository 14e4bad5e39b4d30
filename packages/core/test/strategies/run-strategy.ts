// Test-only driver: feeds candles to a strategy instance the way the engine does (regime detected
// on the same candles, position following the strategy's own signals or pinned) and collects them.
import type { Candle } from '../../src/candles/types.js';
import { RegimeDetector } from '../../src/regime/detect-regime.js';
import type { Regime } from '../../src/regime/types.js';
import type { Signal, StrategyInstance } from '../../src/strategies/types.js';

/** `follow`: holding after a buy until a sell (fills at once); `flat`/`holding`: pinned. */
export type PositionMode = 'follow' | 'flat' | 'holding';

export interface RunOptions {
  readonly position?: PositionMode;
  /** A fixed regime instead of the detector's (to test regime filters). */
  readonly regime?: Regime;
}

export function runStrategy(
  instance: StrategyInstance,
  candles: readonly Candle[],
  opts: RunOptions = {},
): Signal[] {
  const mode = opts.position ?? 'follow';
  const detector = new RegimeDetector();
  let qty = mode === 'holding' ? 1 : 0;
  return candles.map((candle, i) => {
    const detected = detector.update(candle);
    const signal = instance.evaluate({
      pair: 'SOL/USDC',
      candle,
      seen: i + 1,
      regime: opts.regime ?? detected,
      positionQty: qty,
    });
    if (mode === 'follow') {
      if (signal.side === 'buy') qty = 1;
      else if (signal.side === 'sell') qty = 0;
    }
    return signal;
  });
}

/** The non-hold signals as `index side` strings: a compact, readable expectation. */
export function events(signals: readonly Signal[]): string[] {
  const out: string[] = [];
  signals.forEach((s, i) => {
    if (s.side !== 'hold') out.push(`${i} ${s.side}`);
  });
  return out;
}
