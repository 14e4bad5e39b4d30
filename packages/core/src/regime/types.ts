/** The market's state, as strategies and decision providers weigh their signals by it. */
export type RegimeKind = 'trending-up' | 'trending-down' | 'ranging' | 'volatile' | 'unknown';

export interface Regime {
  readonly kind: RegimeKind;
  /** ADX (trend strength), NaN during warm-up. */
  readonly adx: number;
  /** ATR / close: typical candle range as a fraction of price. */
  readonly atrPct: number;
  /** Realised volatility: standard deviation of log returns per candle over the window. */
  readonly volatility: number;
}
