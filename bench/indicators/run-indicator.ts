// One indicator of the bench: every contender's speed, its correctness against TA-Lib, the ratios
// to the peers, and the streaming cost per update.
import { compareColumns, type Correctness } from '../compare.js';
import { measure } from '../measure.js';
import { JS_PEERS, PEERS, type Talib } from '../peers.js';
import type { Golden, Series } from '../series.js';
import {
  isImpl,
  type Impl,
  type IndicatorDef,
  type Ours,
  type StreamFactory,
} from './contenders.js';
import type { Options } from './options.js';
import {
  fmtRate,
  log,
  message,
  toResult,
  type ContenderResult,
  type IndicatorResult,
  type StreamingResult,
} from './results.js';
import { talibImpl } from './talib.js';

export interface BenchContext {
  readonly opts: Options;
  readonly series: Series;
  readonly golden: Golden;
  readonly talib: Talib | null;
  readonly talibReason: string;
}

export async function runIndicator(
  def: IndicatorDef,
  ctx: BenchContext,
): Promise<{ indicator: IndicatorResult; streaming: StreamingResult }> {
  const { opts, series } = ctx;
  const contenders: Record<string, ContenderResult | null> = {};
  const unavailable: Record<string, string> = {};
  const impls = new Map<string, Impl>();

  let ours: Ours | null = null;
  try {
    ours = await def.ours();
    impls.set('numerusx', ours.batch);
  } catch (e) {
    unavailable.numerusx = `not available yet (${message(e)})`;
  }
  for (const peer of PEERS) {
    const x = peer === 'talib' ? talibImpl(ctx.talib, def.talib, ctx.talibReason) : def.peers[peer];
    if (isImpl(x)) impls.set(peer, x);
    else unavailable[peer] = x.unavailable;
  }

  // Speed.
  for (const name of ['numerusx', ...PEERS]) {
    const x = impls.get(name);
    if (!x) {
      contenders[name] = null;
      continue;
    }
    try {
      contenders[name] = toResult(measure(x.run, series, opts.settings), x.note);
    } catch (e) {
      contenders[name] = null;
      unavailable[name] = `threw: ${message(e)}`;
    }
  }

  const { reference, correctness } = checkCorrectness(def, ctx, impls, unavailable);

  const ratios: Record<string, number> = {};
  const ourRate = contenders.numerusx?.candlesPerSec;
  let fastestPeer: string | null = null;
  let fastestRate = 0;
  for (const peer of PEERS) {
    const r = contenders[peer];
    if (!r) continue;
    if (ourRate !== undefined) ratios[peer] = ourRate / r.candlesPerSec;
    if (JS_PEERS.includes(peer) && r.candlesPerSec > fastestRate) {
      fastestRate = r.candlesPerSec;
      fastestPeer = peer;
    }
  }
  const oursVsFastestPeer = ourRate !== undefined && fastestPeer ? ourRate / fastestRate : null;
  const indicator: IndicatorResult = {
    id: def.id,
    params: def.params,
    contenders,
    unavailable,
    ratios,
    fastestPeer,
    oursVsFastestPeer,
    reference,
    correctness,
  };
  log(
    `  ${def.id.padEnd(13)} ` +
      ['numerusx', ...PEERS]
        .map((n) => {
          const r = contenders[n];
          return `${n === '@ixjb94/indicators' ? 'ixjb94' : n}=${r ? fmtRate(r.candlesPerSec) + (r.size < series.length ? '†' : '') : '–'}`;
        })
        .join(' ') +
      (oursVsFastestPeer !== null ? `  ours/fastest JS=${oursVsFastestPeer.toFixed(2)}` : ''),
  );

  const streaming = measureStreaming(def, ctx, ours, unavailable);
  return { indicator, streaming };
}

/** Correctness against TA-Lib: the golden columns, or TA-Lib run live on the golden candles. */
function checkCorrectness(
  def: IndicatorDef,
  ctx: BenchContext,
  impls: ReadonlyMap<string, Impl>,
  unavailable: Record<string, string>,
): { reference: string | null; correctness: Record<string, Correctness | null> } {
  const { golden } = ctx;
  const correctness: Record<string, Correctness | null> = {};
  let referenceCols: ReadonlyMap<string, Float64Array> | null = null;
  let reference: string | null = null;
  if (def.reference === 'golden') {
    referenceCols = golden.columns;
    reference = golden.source;
  } else if (def.reference === 'talib') {
    const t = impls.get('talib');
    if (t?.columns) {
      try {
        const cols = t.columns(golden.series);
        const m = new Map<string, Float64Array>();
        for (const name of def.compare) {
          const c = cols[name];
          if (c)
            m.set(
              name,
              Float64Array.from({ length: c.length }, (_, i) => c[i] ?? Number.NaN),
            );
        }
        referenceCols = m;
        reference = `TA-Lib ${ctx.talib?.version ?? ''} computed live on ${golden.source}`;
      } catch (e) {
        reference = `TA-Lib reference failed: ${message(e)}`;
      }
    }
  }
  for (const name of ['numerusx', ...PEERS]) {
    const x = impls.get(name);
    if (!referenceCols || !x?.columns) {
      correctness[name] = null;
      continue;
    }
    try {
      correctness[name] = compareColumns(referenceCols, def.compare, x.columns(golden.series));
    } catch (e) {
      correctness[name] = null;
      unavailable[`${name} (correctness)`] = `threw: ${message(e)}`;
    }
  }
  return { reference, correctness };
}

/** Streaming cost per update: a fresh instance fed every candle object. */
function measureStreaming(
  def: IndicatorDef,
  ctx: BenchContext,
  ours: Ours | null,
  unavailable: Readonly<Record<string, string>>,
): StreamingResult {
  const nsPerUpdate: Record<string, number | null> = {};
  const sizes: Record<string, number> = {};
  const streamUnavailable: Record<string, string> = {};
  const streams: [string, StreamFactory | undefined][] = [
    ['numerusx', ours?.stream],
    ['trading-signals', def.streamPeers?.['trading-signals']],
    ['technicalindicators', def.streamPeers?.technicalindicators],
  ];
  for (const [name, factory] of streams) {
    if (!factory) {
      if (name === 'numerusx') {
        nsPerUpdate[name] = null;
        streamUnavailable[name] = unavailable.numerusx ?? 'no streaming class';
      }
      continue;
    }
    try {
      const m = measure((v) => factory(v.candles()), ctx.series, ctx.opts.settings);
      nsPerUpdate[name] = (m.medianMs * 1e6) / m.size;
      sizes[name] = m.size;
    } catch (e) {
      nsPerUpdate[name] = null;
      streamUnavailable[name] = `threw: ${message(e)}`;
    }
  }
  log(
    `  ${''.padEnd(13)} streaming ns/update: ` +
      Object.entries(nsPerUpdate)
        .map(([n, ns]) => `${n}=${ns === null ? '–' : ns.toFixed(1)}`)
        .join(' '),
  );
  return { id: def.id, nsPerUpdate, size: sizes, unavailable: streamUnavailable };
}
