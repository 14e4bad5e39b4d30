#!/usr/bin/env node
// Renders bench results as markdown tables for the README.
//
//   node bench/report.mjs [bench/results/indicators.json] [--details]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PEERS = ['technicalindicators', 'trading-signals', '@ixjb94/indicators', 'talib'];
const LABEL = {
  numerusx: 'NumerusX',
  technicalindicators: 'technicalindicators',
  'trading-signals': 'trading-signals',
  '@ixjb94/indicators': '@ixjb94/indicators',
  talib: 'TA-Lib (native)',
};

function fmt(x, digits = 3) {
  if (x >= 100) return x.toFixed(0);
  return x.toPrecision(digits);
}

function fmtRatio(x) {
  return x >= 10 ? x.toFixed(0) : x.toFixed(x >= 1 ? 1 : 2);
}

function label(ind) {
  const values = Object.values(ind.params);
  return values.length > 0 ? `${ind.id}(${values.join(', ')})` : ind.id;
}

function mark(c) {
  if (!c) return '';
  return c.correct ? ' ✓' : ' ✗';
}

/** Markdown for the indicators part: throughput table + streaming table + notes. */
export function renderIndicatorsReport(result, { details = false } = {}) {
  const fullSize = result.series.candles;
  const lines = [];
  const names = ['numerusx', ...PEERS];
  lines.push(
    `Indicators, batch: million candles/s over ${(fullSize / 1e6).toLocaleString('en-US')}M candles ` +
      `(higher is better; ×N = NumerusX is N times faster than that peer; ✓/✗ = matches TA-Lib within ` +
      `${result.correctness.tolerance} with the same warm-up).`,
  );
  lines.push('');
  lines.push(`| Indicator | ${names.map((n) => LABEL[n]).join(' | ')} | vs fastest JS peer |`);
  lines.push(`|---|${names.map(() => '--:').join('|')}|--:|`);
  let reduced = false;
  for (const ind of result.indicators) {
    const cells = names.map((n) => {
      const r = ind.contenders[n];
      if (!r) return '–';
      const small = r.size < fullSize;
      if (small) reduced = true;
      let cell = `${fmt(r.candlesPerSec / 1e6)}${small ? '¹' : ''}`;
      if (n !== 'numerusx' && ind.ratios[n] !== undefined) cell += ` (×${fmtRatio(ind.ratios[n])})`;
      return cell + mark(ind.correctness[n]);
    });
    const vs =
      ind.oursVsFastestPeer === null
        ? '–'
        : `${ind.oursVsFastestPeer >= 1 ? '' : '**'}×${fmtRatio(ind.oursVsFastestPeer)}${ind.oursVsFastestPeer >= 1 ? '' : '**'} (${ind.fastestPeer})`;
    lines.push(`| ${label(ind)} | ${cells.join(' | ')} | ${vs} |`);
  }
  lines.push('');
  const notes = [];
  if (reduced)
    notes.push(
      `¹ measured on the first ${result.measurement.probeSize.toLocaleString('en-US')} candles (a full-size call would exceed ${result.measurement.capMs / 1000} s).`,
    );
  notes.push(
    '– = the library has no such indicator (or it is not comparable); no mark = no TA-Lib reference for this indicator.',
  );
  if (result.talib && !result.talib.available)
    notes.push(`TA-Lib unavailable: ${result.talib.reason}`);
  for (const n of notes) lines.push(n);

  const streamPeers = ['numerusx', 'trading-signals', 'technicalindicators'];
  lines.push('');
  lines.push('Streaming: ns per update (one candle into a live indicator; lower is better).');
  lines.push('');
  lines.push(`| Indicator | ${streamPeers.map((n) => LABEL[n]).join(' | ')} |`);
  lines.push(`|---|${streamPeers.map(() => '--:').join('|')}|`);
  for (const s of result.streaming) {
    const ind = result.indicators.find((i) => i.id === s.id);
    const cells = streamPeers.map((n) => {
      const ns = s.nsPerUpdate[n];
      return ns === undefined || ns === null ? '–' : ns >= 100 ? ns.toFixed(0) : ns.toFixed(1);
    });
    lines.push(`| ${ind ? label(ind) : s.id} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  lines.push(
    `${result.node}, ${result.cpu} (${result.cores} cores), ${result.mode} run of ${new Date(result.generatedAt).toISOString().slice(0, 10)}` +
      `, ${result.durationSec.toFixed(0)} s. Series: ${result.series.source}, tiled to ${fullSize.toLocaleString('en-US')} candles.`,
  );

  if (details) {
    lines.push('');
    lines.push('Correctness details (max relative error vs TA-Lib; warm-up):');
    lines.push('');
    lines.push(`| Indicator | ${names.map((n) => LABEL[n]).join(' | ')} |`);
    lines.push(`|---|${names.map(() => '---').join('|')}|`);
    for (const ind of result.indicators) {
      const cells = names.map((n) => {
        const c = ind.correctness[n];
        if (!c) return '–';
        const err = c.maxRelError === null ? 'n/a' : c.maxRelError.toExponential(1);
        return `${c.correct ? '✓' : '✗'} ${err}${c.warmupMatches ? '' : ', warm-up differs'}`;
      });
      lines.push(`| ${label(ind)} | ${cells.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const args = process.argv.slice(2);
  const file =
    args.find((a) => !a.startsWith('--')) ??
    fileURLToPath(new URL('./results/indicators.json', import.meta.url));
  const result = JSON.parse(readFileSync(file, 'utf8'));
  console.log(renderIndicatorsReport(result, { details: args.includes('--details') }));
}
