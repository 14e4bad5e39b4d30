import type { Command } from 'commander';
import {
  computeIndicatorColumns,
  DEFAULT_INDICATOR_COLUMNS,
  describeIndicatorColumns,
} from '@numerusx/core';
import { loadCandles } from '@numerusx/adapters';
import { formatCell, writeLines } from '../csv-output.js';

/** `numerusx indicators <file> [--only a,b]`: indicator columns as CSV on stdout. */
export function registerIndicatorsCommand(program: Command): void {
  program
    .command('indicators')
    .description(
      'Compute indicators over a candle file (CSV timestamp,open,high,low,close,volume or JSON) and ' +
        'print CSV: timestamp, close, then one column per indicator; cells are empty during warm-up.',
    )
    .argument('<file>', 'candle file (.csv or .json)')
    .option(
      '--only <columns>',
      `comma-separated columns (default: ${DEFAULT_INDICATOR_COLUMNS.join(',')})`,
    )
    .addHelpText('after', `\nColumns:\n  ${describeIndicatorColumns().join('\n  ')}`)
    .action(async (file: string, options: { only?: string }) => {
      const names = options.only
        ? options.only
            .split(',')
            .map((name) => name.trim().toLowerCase())
            .filter((name) => name !== '')
        : DEFAULT_INDICATOR_COLUMNS;
      const series = await loadCandles(file);
      const columns = computeIndicatorColumns(series, names);
      const values = names.map((name) => columns.get(name)!);
      await writeLines(rows());

      function* rows(): Generator<string> {
        yield ['timestamp', 'close', ...names].join(',');
        for (let i = 0; i < series.length; i++) {
          let line = `${series.ts[i]!},${series.close[i]!}`;
          for (const column of values) line += ',' + formatCell(column[i]!);
          yield line;
        }
      }
    });
}
