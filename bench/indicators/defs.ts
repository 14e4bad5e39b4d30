// Every indicator of the bench, in the order of the report.
import type { IndicatorDef } from './contenders.js';
import { macd, roc, rsi } from './momentum.js';
import { ema, sma, wma } from './moving-averages.js';
import { cci, stochastic, stochRsi, williamsR } from './oscillators.js';
import { adx, parabolicSar, superTrend } from './trend.js';
import { atr, bollinger, donchian, keltner } from './volatility.js';
import { mfi, obv, vwap } from './volume.js';

export const DEFS: readonly IndicatorDef[] = [
  sma,
  ema,
  wma,
  rsi,
  macd,
  bollinger,
  atr,
  adx,
  stochastic,
  stochRsi,
  cci,
  mfi,
  obv,
  williamsR,
  roc,
  vwap,
  keltner,
  donchian,
  parabolicSar,
  superTrend,
];
