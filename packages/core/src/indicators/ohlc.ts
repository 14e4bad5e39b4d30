/** Columnar candle prices, the input of batch indicators that read more than one price. */
export interface Ohlc {
  readonly high: ArrayLike<number>;
  readonly low: ArrayLike<number>;
  readonly close: ArrayLike<number>;
}

/** Columnar prices with volume (MFI, OBV, VWAP). */
export interface Ohlcv extends Ohlc {
  readonly volume: ArrayLike<number>;
}
