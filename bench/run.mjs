#!/usr/bin/env node
// `npm run bench`: runs each bench part in its own Node process (TypeScript through tsx, with
// --expose-gc so parts can collect garbage between contenders), then prints each part's report.
//
//   npm run bench                          all parts, full size
//   npm run bench -- --quick               smoke test: fewer candles and repetitions
//   npm run bench -- --parts=backtest      pick parts (or BENCH_PARTS=indicators,backtest)
//   npm run bench -- --list                list the parts
// Other arguments (e.g. --only=sma,rsi for the indicators part) are passed on to the parts.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  renderApiReport,
  renderBacktestReport,
  renderIndicatorsReport,
  renderRuntimeReport,
  renderWebReport,
} from './report.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoDir = dirname(benchDir);

/** Each part: its script, and how to render the JSON it writes (null: the part prints its own). */
const PARTS = {
  indicators: { script: 'indicators/main.ts', render: renderIndicatorsReport },
  backtest: { script: 'backtest/main.ts', render: renderBacktestReport },
  api: { script: 'api/main.ts', render: renderApiReport },
  runtime: { script: 'runtime/main.ts', render: renderRuntimeReport },
  web: { script: 'web/main.ts', render: renderWebReport },
};

const args = process.argv.slice(2);
if (args.includes('--list')) {
  console.log(Object.keys(PARTS).join('\n'));
  process.exit(0);
}
const quick = args.includes('--quick');
const partsArg =
  args.find((a) => a.startsWith('--parts='))?.slice('--parts='.length) ?? process.env.BENCH_PARTS;
const selected = partsArg
  ? partsArg
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
  : Object.keys(PARTS);
const unknown = selected.filter((p) => !(p in PARTS));
if (unknown.length > 0) {
  console.error(
    `unknown bench part(s): ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}`,
  );
  process.exit(2);
}
const passThrough = args.filter((a) => !a.startsWith('--parts='));

let failed = 0;
const started = performance.now();
for (const name of selected) {
  const part = PARTS[name];
  const out = join(benchDir, 'results', `${name}${quick ? '.quick' : ''}.json`);
  const script = join(benchDir, part.script);
  console.log(`\n== bench part: ${name}${quick ? ' (quick)' : ''}`);
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      '--import',
      'tsx',
      script,
      ...passThrough,
      `--out=${out}`,
    ],
    { cwd: repoDir, stdio: 'inherit' },
  );
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed++;
    console.error(`bench part ${name} failed (exit ${r.status ?? r.signal}) after ${secs} s`);
    continue;
  }
  console.log(`bench part ${name} took ${secs} s`);
  if (part.render && existsSync(out)) {
    console.log(`\n${part.render(JSON.parse(readFileSync(out, 'utf8')))}`);
    console.log(
      `(from ${relative(repoDir, out)}; re-render with: node bench/report.mjs ${relative(repoDir, out)})`,
    );
  }
}
console.log(
  `\nbench: ${selected.length - failed}/${selected.length} part(s) ok in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed > 0 ? 1 : 0);
