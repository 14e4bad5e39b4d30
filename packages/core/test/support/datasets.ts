// Test-only readers for the shipped datasets (plain parsing: these files are trusted fixtures).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const datasetsDir = fileURLToPath(new URL('../../../../datasets/', import.meta.url));

export interface Table {
  readonly header: readonly string[];
  /** Column name → values; an empty cell becomes NaN. */
  readonly columns: ReadonlyMap<string, Float64Array>;
  readonly rows: number;
}

export function readNumericCsv(relativePath: string): Table {
  const lines = readFileSync(datasetsDir + relativePath, 'utf8')
    .trim()
    .split(/\r?\n/);
  const header = lines[0]!.split(',');
  const data = lines.slice(1).map((l) => l.split(','));
  const columns = new Map<string, Float64Array>();
  header.forEach((name, c) => {
    columns.set(
      name,
      Float64Array.from(data, (cells) => {
        const cell = cells[c] ?? '';
        return cell === '' ? Number.NaN : Number(cell);
      }),
    );
  });
  return { header, columns, rows: data.length };
}

export function column(table: Table, name: string): Float64Array {
  const values = table.columns.get(name);
  if (!values) throw new Error(`no column ${name}`);
  return values;
}

/** The talib-golden inputs joined with their OHLCV source file (the golden files hold only close). */
export const goldenSets = [
  {
    golden: 'oracles/talib-golden/ETH_USDT-1d_talib.csv',
    ohlcv: 'market/yanniedog-binance/ETH_USDT-1d.csv',
  },
  {
    golden: 'oracles/talib-golden/SOL_USDT-1h-2021_talib.csv',
    ohlcv: 'market/binance_usdt_2021/SOL_USDT-1h.csv',
  },
] as const;

/**
 * Asserts `actual` reproduces TA-Lib's `expected`: NaN exactly where TA-Lib has no value (same
 * warm-up) and within `relTol` relative error elsewhere. Returns the worst relative error seen.
 */
export function compareToReference(
  actual: Float64Array,
  expected: Float64Array,
  relTol: number,
): { worst: number; mismatches: string[] } {
  const mismatches: string[] = [];
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    if (Number.isNaN(e) !== Number.isNaN(a)) {
      mismatches.push(`row ${i}: expected ${e}, got ${a}`);
      continue;
    }
    if (Number.isNaN(e)) continue;
    const rel = e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
    if (rel > worst) worst = rel;
    if (rel > relTol)
      mismatches.push(`row ${i}: expected ${e}, got ${a} (rel ${rel.toExponential(2)})`);
  }
  return { worst, mismatches: mismatches.slice(0, 5) };
}

/** Asserts two arrays are bit-identical (NaN equals NaN): the batch-vs-streaming contract. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): string | undefined {
  if (a.length !== b.length) return `lengths ${a.length} vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) return `index ${i}: ${a[i]} vs ${b[i]}`;
  }
  return undefined;
}
