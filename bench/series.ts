// The benchmark's input series: real candles from the shipped datasets, parsed with a plain split
// (trusted fixtures), held both as Float64Arrays (NumerusX's columnar form) and as number[] copies
// and candle objects (the forms the peer libraries take).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const datasetsDir = fileURLToPath(new URL('../datasets/', import.meta.url));

/** One candle as an object: what streaming indicators (ours and the peers') are fed. */
export interface CandleObject {
  readonly ts: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

export interface PlainColumns {
  readonly ts: number[];
  readonly open: number[];
  readonly high: number[];
  readonly low: number[];
  readonly close: number[];
  readonly volume: number[];
}

/**
 * A series (or a prefix of one) in every form the contenders take. Satisfies NumerusX's
 * `CandleSeries` shape (length + six Float64Arrays).
 */
export interface SeriesView {
  readonly length: number;
  readonly ts: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** number[] copies, built once per view (not timed). */
  readonly plain: PlainColumns;
  /** Candle objects, built on first use (not timed). */
  candles(): readonly CandleObject[];
}

interface RawColumns {
  ts: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

const FIELDS = ['ts', 'open', 'high', 'low', 'close', 'volume'] as const;

/** Reads a `timestamp,open,high,low,close,volume` CSV (header required, in that order). */
export function readCandleCsv(relativePath: string): RawColumns {
  const lines = readFileSync(datasetsDir + relativePath, 'utf8')
    .trim()
    .split(/\r?\n/);
  const header = lines[0]?.split(',').map((h) => h.trim().toLowerCase()) ?? [];
  const expected = ['timestamp', 'open', 'high', 'low', 'close', 'volume'];
  if (expected.some((name, i) => header[i] !== name)) {
    throw new Error(
      `${relativePath}: expected header ${expected.join(',')}, got ${header.join(',')}`,
    );
  }
  const n = lines.length - 1;
  const cols: RawColumns = {
    ts: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  for (let r = 0; r < n; r++) {
    const cells = lines[r + 1]!.split(',');
    FIELDS.forEach((field, c) => {
      const v = Number(cells[c]);
      if (!Number.isFinite(v))
        throw new Error(`${relativePath}: row ${r + 2} column ${c + 1} is not a number`);
      cols[field][r] = v;
    });
  }
  return cols;
}

function makeView(cols: RawColumns, length: number): SeriesView {
  const pick = (a: Float64Array): Float64Array => (a.length === length ? a : a.subarray(0, length));
  const typed = {
    ts: pick(cols.ts),
    open: pick(cols.open),
    high: pick(cols.high),
    low: pick(cols.low),
    close: pick(cols.close),
    volume: pick(cols.volume),
  };
  const plain: PlainColumns = {
    ts: Array.from(typed.ts),
    open: Array.from(typed.open),
    high: Array.from(typed.high),
    low: Array.from(typed.low),
    close: Array.from(typed.close),
    volume: Array.from(typed.volume),
  };
  let candles: CandleObject[] | undefined;
  return {
    length,
    ...typed,
    plain,
    candles() {
      if (!candles) {
        candles = new Array<CandleObject>(length);
        for (let i = 0; i < length; i++) {
          candles[i] = {
            ts: typed.ts[i]!,
            open: typed.open[i]!,
            high: typed.high[i]!,
            low: typed.low[i]!,
            close: typed.close[i]!,
            volume: typed.volume[i]!,
          };
        }
      }
      return candles;
    },
  };
}

/** A full series plus cached prefix views (a peer too slow for the full size runs on a prefix). */
export class Series {
  private readonly views = new Map<number, SeriesView>();

  constructor(
    private readonly cols: RawColumns,
    readonly info: Readonly<Record<string, unknown>>,
  ) {}

  get length(): number {
    return this.cols.close.length;
  }

  view(size = this.length): SeriesView {
    const n = Math.min(size, this.length);
    let v = this.views.get(n);
    if (!v) {
      v = makeView(this.cols, n);
      this.views.set(n, v);
    }
    return v;
  }
}

export const TILE_SOURCE = 'market/yanniedog-binance/SOL_USDT-1h.csv';
const HOUR_MS = 3_600_000;

/**
 * `target` candles made by tiling the real SOL/USDT 1h history: repetition r is the source sequence
 * with open/high/low/close multiplied by a factor chosen so that its first open equals repetition
 * r − 1's last close (a continuous price path of real candle shapes; volumes unchanged). Timestamps
 * keep the source's spacing and continue one hour after the previous repetition's last candle.
 */
export function tiledSeries(target: number): Series {
  const src = readCandleCsv(TILE_SOURCE);
  const m = src.close.length;
  const out: RawColumns = {
    ts: new Float64Array(target),
    open: new Float64Array(target),
    high: new Float64Array(target),
    low: new Float64Array(target),
    close: new Float64Array(target),
    volume: new Float64Array(target),
  };
  let factor = 1;
  let tsOffset = 0;
  let repetitions = 0;
  for (let start = 0; start < target; start += m) {
    if (start > 0) {
      factor = out.close[start - 1]! / src.open[0]!;
      tsOffset = out.ts[start - 1]! + HOUR_MS - src.ts[0]!;
    }
    repetitions++;
    const count = Math.min(m, target - start);
    for (let i = 0; i < count; i++) {
      const j = start + i;
      out.ts[j] = src.ts[i]! + tsOffset;
      out.open[j] = src.open[i]! * factor;
      out.high[j] = src.high[i]! * factor;
      out.low[j] = src.low[i]! * factor;
      out.close[j] = src.close[i]! * factor;
      out.volume[j] = src.volume[i]!;
    }
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < target; i++) {
    if (out.low[i]! < lo) lo = out.low[i]!;
    if (out.high[i]! > hi) hi = out.high[i]!;
  }
  return new Series(out, {
    candles: target,
    source: `datasets/${TILE_SOURCE} (${m} candles)`,
    construction:
      `the ${m} source candles repeated ${repetitions} times (last one partial); each repetition's ` +
      'open/high/low/close multiplied by the factor that makes its first open equal the previous ' +
      "repetition's last close (continuous price path of real candle shapes), volumes unchanged, " +
      'timestamps continuing 1 h after the previous repetition',
    repetitions,
    sourceCandles: m,
    priceRange: [lo, hi],
    firstTs: new Date(out.ts[0]!).toISOString(),
    lastTs: new Date(out.ts[target - 1]!).toISOString(),
  });
}

/** The TA-Lib golden table (timestamp + close + 19 indicator columns; empty cell → NaN). */
export interface Golden {
  readonly series: SeriesView;
  readonly columns: ReadonlyMap<string, Float64Array>;
  readonly source: string;
}

export const GOLDEN_FILE = 'oracles/talib-golden/SOL_USDT-1h-2021_talib.csv';
export const GOLDEN_OHLCV = 'market/binance_usdt_2021/SOL_USDT-1h.csv';

export function loadGolden(): Golden {
  const ohlcv = readCandleCsv(GOLDEN_OHLCV);
  const lines = readFileSync(datasetsDir + GOLDEN_FILE, 'utf8')
    .trim()
    .split(/\r?\n/);
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  if (rows.length !== ohlcv.close.length) {
    throw new Error(
      `${GOLDEN_FILE} has ${rows.length} rows, ${GOLDEN_OHLCV} ${ohlcv.close.length}`,
    );
  }
  const columns = new Map<string, Float64Array>();
  header.forEach((name, c) => {
    columns.set(
      name,
      Float64Array.from(rows, (cells) => {
        const cell = cells[c] ?? '';
        return cell === '' ? Number.NaN : Number(cell);
      }),
    );
  });
  const ts = columns.get('timestamp');
  if (!ts || ts.some((t, i) => t !== ohlcv.ts[i])) {
    throw new Error(`${GOLDEN_FILE} timestamps do not match ${GOLDEN_OHLCV}`);
  }
  return {
    series: makeView(ohlcv, ohlcv.close.length),
    columns,
    source: `datasets/${GOLDEN_FILE} (OHLCV: datasets/${GOLDEN_OHLCV})`,
  };
}
