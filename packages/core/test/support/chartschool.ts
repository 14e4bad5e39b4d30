// Test-only reader for the ChartSchool worked examples in datasets/oracles/bukosabino-ta/ (cs-*.csv):
// dates are text ("24-Aug-10", "27/11/2010", ...), numbers are printed with a per-file precision.
import { readFileSync } from 'node:fs';
import { datasetsDir } from './datasets.js';

export interface ChartSchoolTable {
  readonly header: readonly string[];
  readonly rows: number;
  /** The raw cells of a column, as printed. */
  text(name: string): readonly string[];
  /** A column as numbers; an empty cell becomes NaN. */
  num(name: string): Float64Array;
}

/** Reads `datasets/oracles/bukosabino-ta/<file>` (e.g. `cs-cci.csv`). */
export function readChartSchool(file: string): ChartSchoolTable {
  const lines = readFileSync(`${datasetsDir}oracles/bukosabino-ta/${file}`, 'utf8')
    .trim()
    .split(/\r?\n/);
  const header = lines[0]!.split(',').map((h) => h.trim());
  const data = lines.slice(1).map((l) => l.split(','));
  const text = (name: string): readonly string[] => {
    const c = header.indexOf(name);
    if (c < 0) throw new Error(`${file}: no column ${name}`);
    return data.map((cells) => (cells[c] ?? '').trim());
  };
  return {
    header,
    rows: data.length,
    text,
    num: (name) =>
      Float64Array.from(text(name), (cell) => (cell === '' ? Number.NaN : Number(cell))),
  };
}

/**
 * Compares computed values with a printed column to the column's printed precision: an empty cell
 * must be NaN (same warm-up) and a number must be within half a unit of its last printed decimal
 * (times `slack`, for sheets that rounded intermediate columns), and never tighter than 1e-12
 * relative (full-precision prints carry the other tool's rounding). Returns the rows that differ.
 */
export function compareToPrinted(
  actual: ArrayLike<number>,
  printed: readonly string[],
  slack = 1,
): string[] {
  const mismatches: string[] = [];
  for (let i = 0; i < printed.length; i++) {
    const cell = printed[i]!;
    const a = actual[i]!;
    if (cell === '') {
      if (!Number.isNaN(a)) mismatches.push(`row ${i}: expected no value, got ${a}`);
      continue;
    }
    const decimals = cell.includes('.') ? cell.length - cell.indexOf('.') - 1 : 0;
    const expected = Number(cell);
    const tolerance = Math.max(
      0.5 * 10 ** -decimals * slack * (1 + 1e-9),
      Math.abs(expected) * 1e-12,
    );
    if (!(Math.abs(a - expected) <= tolerance)) {
      mismatches.push(`row ${i}: expected ${cell} (±${tolerance}), got ${a}`);
    }
  }
  return mismatches;
}
