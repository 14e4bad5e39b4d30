// The peer libraries, typed through their own d.ts where they ship one; TA-Lib's native binding
// ships none, so its answers are checked at runtime before use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Cell } from './compare.js';

export const PEERS = [
  'technicalindicators',
  'trading-signals',
  '@ixjb94/indicators',
  'talib',
] as const;
export type PeerId = (typeof PEERS)[number];
/** The JavaScript peers: the target is to be at least as fast as the fastest of these. */
export const JS_PEERS: readonly PeerId[] = [
  'technicalindicators',
  'trading-signals',
  '@ixjb94/indicators',
];

const require = createRequire(import.meta.url);

export function packageVersion(name: string): string | null {
  try {
    // Some packages do not export ./package.json, so resolve the entry and walk up to it.
    let dir = require.resolve(name);
    for (let i = 0; i < 6; i++) {
      dir = dir.slice(0, dir.lastIndexOf('/'));
      try {
        const pkg: unknown = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
        if (isRecord(pkg) && pkg.name === name && typeof pkg.version === 'string')
          return pkg.version;
      } catch {
        // no package.json at this level
      }
    }
  } catch {
    // not installed
  }
  return null;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

// ---------------------------------------------------------------------------------------------
// TA-Lib (node binding talib@1.1.6): execute({name, startIdx, endIdx, <inputs>, <optIn...>})
// returns {begIndex, nbElement, result: {outX: number[]}} with nbElement values from begIndex.

export interface TalibResult {
  readonly begIndex: number;
  readonly nbElement: number;
  readonly outputs: ReadonlyMap<string, readonly number[]>;
}

export interface Talib {
  readonly version: string;
  execute(params: Readonly<Record<string, unknown>>): TalibResult;
}

export type TalibLoad = { ok: true; talib: Talib } | { ok: false; reason: string };

export function loadTalib(): TalibLoad {
  let mod: unknown;
  try {
    mod = require('talib');
  } catch (e) {
    return {
      ok: false,
      reason: `require('talib') failed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  if (!isRecord(mod) || typeof mod.execute !== 'function') {
    return { ok: false, reason: 'talib module has no execute()' };
  }
  const execute = mod.execute as (params: unknown) => unknown;
  const version = typeof mod.version === 'string' ? mod.version : 'unknown';
  return {
    ok: true,
    talib: {
      version,
      execute(params) {
        const r = execute(params);
        if (!isRecord(r)) throw new Error('talib returned no result');
        if (typeof r.error === 'string') throw new Error(`talib: ${r.error}`);
        const { begIndex, nbElement, result } = r;
        if (typeof begIndex !== 'number' || typeof nbElement !== 'number' || !isRecord(result)) {
          throw new Error('talib returned an unexpected shape');
        }
        const outputs = new Map<string, readonly number[]>();
        for (const [key, value] of Object.entries(result)) {
          if (Array.isArray(value)) outputs.set(key, value as number[]);
        }
        return { begIndex, nbElement, outputs };
      },
    },
  };
}

/** A TA-Lib output column padded back to the input's length (NaN before begIndex). */
export function talibColumn(r: TalibResult, output: string, n: number): Cell[] {
  const values = r.outputs.get(output);
  if (!values) throw new Error(`talib result has no ${output}`);
  const out = new Array<Cell>(n).fill(undefined);
  for (let i = 0; i < r.nbElement; i++) out[r.begIndex + i] = values[i];
  return out;
}

// ---------------------------------------------------------------------------------------------
// trading-signals: streaming classes; its "batch" is feeding the whole series through one.

export interface Addable<I, R> {
  add(input: I): R | null;
}

/** Feeds every input; a null result (warm-up) becomes NaN. */
export function feedSeries<I>(ind: Addable<I, number>, inputs: readonly I[]): Float64Array {
  const n = inputs.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ind.add(inputs[i]!) ?? Number.NaN;
  return out;
}

/** Feeds every input and keeps the picked fields of each (object) result. */
export function feedFields<I, R, K extends string>(
  ind: Addable<I, R>,
  inputs: readonly I[],
  pick: Readonly<Record<K, (r: R) => number>>,
): Record<K, Float64Array> {
  const n = inputs.length;
  const keys = Object.keys(pick) as K[];
  const out = {} as Record<K, Float64Array>;
  for (const k of keys) out[k] = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const r = ind.add(inputs[i]!);
    if (r === null) continue;
    for (const k of keys) out[k][i] = pick[k](r);
  }
  return out;
}
