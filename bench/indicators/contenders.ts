// What an indicator definition is made of: the contenders (NumerusX's batch and streaming forms,
// each peer's call or the reason it has none, the TA-Lib call) and small helpers the definitions
// share.
import { IndicatorsSync } from '@ixjb94/indicators';
import type { Columns } from '../compare.js';
import type { PeerId } from '../peers.js';
import type { CandleObject, SeriesView } from '../series.js';

/** One way of computing an indicator: the timed call, and how to read its output as columns. */
export interface Impl {
  readonly run: (v: SeriesView) => unknown;
  readonly columns?: (v: SeriesView) => Columns;
  readonly note?: string;
}

export interface Unavailable {
  readonly unavailable: string;
}

export type ImplOrReason = Impl | Unavailable;

export function impl<R>(
  run: (v: SeriesView) => R,
  extract?: (r: R) => Columns,
  note?: string,
): Impl {
  return {
    run,
    ...(extract ? { columns: (v: SeriesView) => extract(run(v)) } : {}),
    ...(note ? { note } : {}),
  };
}

export function none(reason: string): Unavailable {
  return { unavailable: reason };
}

export function isImpl(x: ImplOrReason): x is Impl {
  return 'run' in x;
}

/** A streaming form: feeds every candle to a fresh instance (a literal loop per contender, so
 * each call site stays monomorphic, as in a user's own code). */
export type StreamFactory = (cs: readonly CandleObject[]) => unknown;

export interface Ours {
  readonly batch: Impl;
  readonly stream?: StreamFactory;
}

export interface TalibCall {
  readonly name: string;
  readonly inputs: (v: SeriesView) => Readonly<Record<string, number[]>>;
  readonly options: Readonly<Record<string, number>>;
  /** Golden (or output) column name → TA-Lib output name. */
  readonly outputs: Readonly<Record<string, string>>;
  readonly note?: string;
}

export type StreamPeer = 'technicalindicators' | 'trading-signals';

export interface IndicatorDef {
  readonly id: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Columns compared with TA-Lib; `reference: 'golden'` reads them from the golden file, `'talib'`
   * computes them with the live TA-Lib binding on the golden candles (for indicators not in it). */
  readonly compare: readonly string[];
  readonly reference: 'golden' | 'talib' | null;
  readonly ours: () => Promise<Ours>;
  readonly peers: Readonly<Record<Exclude<PeerId, 'talib'>, ImplOrReason>>;
  readonly talib: TalibCall | string;
  readonly streamPeers?: Readonly<Partial<Record<StreamPeer, StreamFactory>>>;
}

/** The one @ixjb94/indicators instance every definition calls. */
export const ix = new IndicatorsSync();
export const hlc = (v: SeriesView) => ({
  high: v.plain.high,
  low: v.plain.low,
  close: v.plain.close,
});
export const hlcv = (v: SeriesView) => ({ ...hlc(v), volume: v.plain.volume });
export const nanArray = (n: number): Float64Array => new Float64Array(n).fill(Number.NaN);
export const nth = (r: readonly number[][], i: number): number[] => r[i] ?? [];
