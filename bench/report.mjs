#!/usr/bin/env node
// Renders bench results as markdown tables for the README.
//
//   node bench/report.mjs [bench/results/<part>.json] [--details]
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

function fmtInt(x) {
  return Math.round(x).toLocaleString('en-US');
}

function fmtMoney(x) {
  return Math.abs(x) < 1e9
    ? x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : x.toExponential(2);
}

function vetoReasons(decisions) {
  const entries = Object.entries(decisions.vetoReasons ?? {});
  return entries.length === 0 ? '' : ` (${entries.map(([rule, n]) => `${rule}: ${n}`).join(', ')})`;
}

/** Markdown for the backtest part: engine vs the bare loop, candles/s and their ratio. */
export function renderBacktestReport(result) {
  const { engine, bareLoop: bare } = result;
  const size = result.series.candles;
  const lines = [];
  lines.push(
    `Backtest throughput over ${size.toLocaleString('en-US')} candles (higher is better; median of the ` +
      `timed runs; both in one process on the same Float64Arrays).`,
  );
  lines.push('');
  lines.push('| Run | candles/s | median per run | runs | trades | final equity (from 10,000) |');
  lines.push('|---|--:|--:|--:|--:|--:|');
  const row = (name, r) =>
    `| ${name} | ${fmtInt(r.candlesPerSec)} | ${r.medianMs >= 100 ? fmtInt(r.medianMs) : r.medianMs.toPrecision(3)} ms | ` +
    `${r.reps} | ${r.trades.toLocaleString('en-US')} | ${fmtMoney(r.finalEquity)} |`;
  lines.push(row(`NumerusX engine, \`${engine.strategyId}\``, engine));
  lines.push(row(`bare loop (SMA ${bare.params.fast}/${bare.params.slow} crossover)`, bare));
  lines.push('');
  const ratio = result.ratio;
  lines.push(
    `Engine / bare loop: **${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)}** (the engine runs at ` +
      `${(ratio * 100).toPrecision(2)} % of the bare loop's speed). Target ≥ ` +
      `${fmtInt(result.target.candlesPerSec)} candles/s: **${result.target.met ? 'met' : 'not met'}** ` +
      `(${(engine.candlesPerSec / result.target.candlesPerSec).toFixed(2)}× the target).`,
  );
  lines.push('');
  lines.push(
    `Engine: \`runBacktest\` with the offline rules provider, the risk gate and the paper fill model ` +
      `(${engine.fillModel.feeBps} bps fee, ${engine.fillModel.slippageBps} bps slippage); ` +
      `${engine.decisions.proposed} buy/sell decisions proposed, ${engine.decisions.vetoed} vetoed by the risk gate${vetoReasons(engine.decisions)}. ` +
      `Bare loop: ${bare.description}. ` +
      `For scale (quoted, not measured here): jesse ~0.51 M candles/s (1.05 M 1m candles in 2.05 s on a Raspberry Pi 5), ` +
      `backtrader ~15,000 candles/s.`,
  );
  lines.push('');
  lines.push(
    `${result.node}, ${result.cpu} (${result.cores} cores), ${result.mode} run of ${new Date(result.generatedAt).toISOString().slice(0, 10)}` +
      `, ${result.durationSec.toFixed(0)} s. Series: ${result.series.source}, tiled to ${size.toLocaleString('en-US')} candles ` +
      `(${result.series.repetitions} repetitions, each scaled to open at the previous one's last close, so the price ` +
      `compounds: ${result.series.priceRange.map((p) => p.toPrecision(3)).join(' to ')}).`,
  );
  return lines.join('\n');
}

/** Markdown for the API part: throughput and latency vs the bare route, then socket fan-out. */
export function renderApiReport(result) {
  const { bare, api, socket, setup } = result;
  const lines = [
    `API under autocannon, ${setup.connections} connections × ${setup.durationSec} s, SQLite with ${setup.trades.toLocaleString('en-US')} trades, authenticated (target: p99 < ${result.targets.p99Ms} ms and ≥ ${result.targets.minRatioToBare * 100} % of the bare route).`,
    '',
    '| Route | req/s | p50 ms | p99 ms | vs bare Fastify | target |',
    '|---|--:|--:|--:|--:|:-:|',
    `| bare Fastify route (peer) | ${Math.round(bare.requestsPerSec)} | ${bare.latencyMs.p50} | ${bare.latencyMs.p99} | 1 | |`,
  ];
  const names = { portfolioOverview: 'GET /portfolio/overview', trades50: 'GET /trades?limit=50' };
  for (const [key, r] of Object.entries(api)) {
    lines.push(
      `| ${names[key] ?? key} | ${Math.round(r.requestsPerSec)} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${(r.ratioToBare * 100).toFixed(0)} % | ${r.meetsTarget ? '✓' : '✗'} |`,
    );
  }
  lines.push(
    '',
    `Socket.io fan-out: ${socket.clients.toLocaleString('en-US')} authenticated clients, ${socket.broadcastsPerSec} broadcasts/s for ${socket.broadcasts / socket.broadcastsPerSec} s: delivered ${socket.deliveries.toLocaleString('en-US')} of ${socket.expectedDeliveries.toLocaleString('en-US')}, latency p50 ${socket.latencyMs.p50} ms, p90 ${socket.latencyMs.p90} ms, p99 ${socket.latencyMs.p99} ms (clients connected in ${socket.connectSec.toFixed(1)} s).`,
    '',
    `${result.node}, ${result.cpu} (${result.cores} cores), ${result.mode} run of ${result.generatedAt.slice(0, 10)}; the servers and the load generator share the machine.`,
  );
  return lines.join('\n');
}

function fmtMs(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function fmtX(x) {
  return x >= 10 ? x.toFixed(0) : x.toFixed(1);
}

function counts(obj) {
  return Object.entries(obj ?? {})
    .sort(([, a], [, b]) => b - a)
    .map(([k, n]) => `${n.toLocaleString('en-US')} ${k}`)
    .join(', ');
}

/** Markdown for the runtime part: one bot cycle's latency beside the bare database transaction. */
export function renderRuntimeReport(result) {
  const { setup, cycle, peer, byKind, ratio, target, decisions, gc, slowest } = result;
  const params = Object.entries(setup.strategyParams ?? {})
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const lines = [
    `Bot runtime, one full cycle with the \`${setup.provider}\` provider (closed candle → books → decision stored → events), ` +
      `${cycle.samples.toLocaleString('en-US')} cycles after ${setup.warmupCycles} warm-up, SQLite, \`${setup.strategy}\`` +
      `${params === '' ? '' : ` (${params})`} on ${setup.pairs.join(', ')} ${setup.timeframe} replayed at ${setup.replayPaceMs} ms a candle, ` +
      `${setup.socketClients} Socket.io client in the bot's room (target: p99 < ${target.p99Ms} ms).`,
    '',
    '| Measured | samples | p50 ms | p90 ms | p99 ms | max ms | vs peer (p99) | target |',
    '|---|--:|--:|--:|--:|--:|--:|:-:|',
    `| bot cycle | ${cycle.samples} | ${fmtMs(cycle.p50)} | ${fmtMs(cycle.p90)} | ${fmtMs(cycle.p99)} | ${fmtMs(cycle.max)} | ×${fmtX(ratio.p99)} | ${target.met ? '✓' : '✗'} |`,
    `| … hold cycles | ${byKind.hold.samples} | ${fmtMs(byKind.hold.p50)} | ${fmtMs(byKind.hold.p90)} | ${fmtMs(byKind.hold.p99)} | ${fmtMs(byKind.hold.max)} | | |`,
    `| … buy/sell cycles | ${byKind.buySell.samples} | ${fmtMs(byKind.buySell.p50)} | ${fmtMs(byKind.buySell.p90)} | ${fmtMs(byKind.buySell.p99)} | ${fmtMs(byKind.buySell.max)} | | |`,
    `| bare SQLite transaction (peer) | ${peer.samples} | ${fmtMs(peer.p50)} | ${fmtMs(peer.p90)} | ${fmtMs(peer.p99)} | ${fmtMs(peer.max)} | 1 | |`,
    '',
    `Cycle / peer: ×${fmtX(ratio.p99)} at p99, ×${fmtX(ratio.p50)} at p50. Target p99 < ${target.p99Ms} ms: ` +
      `**${target.met ? 'met' : 'not met'}** (p99 ${fmtMs(cycle.p99)} ms). Back to back the loop would run ` +
      `${fmtInt(cycle.cyclesPerSec)} cycles/s (1 / mean cycle of ${fmtMs(cycle.mean)} ms); the replay paced them at ` +
      `${cycle.pacedCyclesPerSec.toFixed(0)}/s.`,
    '',
    `The measured cycles decided ${counts(decisions.byAction)} (${counts(decisions.byStatus)}), as the socket client received them. ` +
      `GC: ${gc.pauses} pauses, ${fmtMs(gc.totalMs)} ms in all, the longest ${fmtMs(gc.maxMs)} ms; ` +
      `${slowest.withGcPause} of the ${slowest.cycles} slowest cycles (≥ p99) had a GC pause inside.`,
    '',
    `${result.node}, ${result.cpu} (${result.cores} cores), ${result.mode} run of ${result.generatedAt.slice(0, 10)}, ` +
      `${result.durationSec.toFixed(0)} s; server, client and peer share one process.`,
  ];
  return lines.join('\n');
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Markdown for the web part: event → DOM in Chromium beside the bare socket, TTI, bundle size. */
export function renderWebReport(result) {
  const {
    setup,
    eventToDom: dom,
    eventToFrame: frame,
    peer,
    ratio,
    tti,
    bundle,
    targets,
    clock,
  } = result;
  const row = (name, s, vs, target) =>
    `| ${name} | ${s.samples} | ${fmtMs(s.p50)} | ${fmtMs(s.p95)} | ${fmtMs(s.p99)} | ${fmtMs(s.max)} | ${vs} | ${target} |`;
  const mark = (met) => (met ? '✓' : '✗');
  const initialKb = bundle.initial.jsGzipBytes / 1024;
  const lines = [
    `Dashboard in Chromium ${result.chromium.split('.')[0]} against the real server: ${dom.samples} \`system:alert\` events (after ${setup.warmupEvents} warm-up), one every ~${setup.intervalMs} ms, from the server's emit to the toast in the DOM (target: p95 < ${targets.eventP95Ms} ms).`,
    '',
    '| Measured | samples | p50 ms | p95 ms | p99 ms | max ms | vs peer (p50 / p95) | target |',
    '|---|--:|--:|--:|--:|--:|--:|:-:|',
    row(
      'event → DOM (MutationObserver)',
      dom,
      `×${fmtX(ratio.p50)} / ×${fmtX(ratio.p95)}`,
      mark(targets.eventMet),
    ),
    row('event → next frame', frame, '', ''),
    row('bare socket.io-client in Node (peer)', peer, '1', ''),
    '',
    `Time to interactive after login (submit → equity KPI shown and socket connected, fresh browser context, median of ${tti.runs.length}): **${fmtMs(tti.medianMs)} ms** (min ${fmtMs(tti.minMs)}, max ${fmtMs(tti.maxMs)}; KPI ${fmtMs(tti.medianKpiMs)} ms, socket connected ${fmtMs(tti.medianConnectedMs)} ms, next frame ${fmtMs(tti.medianFrameMs)} ms).`,
    '',
    `Initial JavaScript (index.html's module script and modulepreloads): ${bundle.initial.js.length} file(s), ${kb(bundle.initial.jsBytes)}, **${kb(bundle.initial.jsGzipBytes)} gzipped** (target < ${targets.initialJsGzipKb} KB: ${targets.bundleMet ? 'met' : 'not met'}, ${((initialKb / targets.initialJsGzipKb) * 100).toFixed(0)} % of the budget); with the lazy chunks of the dashboard route, ${kb(bundle.toDashboard.jsGzipBytes)} gzipped in ${bundle.toDashboard.js.length} files; CSS ${kb(bundle.initial.cssGzipBytes)} gzipped.`,
    '',
    `Target p95 < ${targets.eventP95Ms} ms: **${targets.eventMet ? 'met' : 'not met'}** (p95 ${fmtMs(dom.p95)} ms). Page and bench clocks matched within ±${fmtMs(clock.uncertaintyMs)} ms (drift ${fmtMs(clock.driftMs)} ms over the series).`,
    '',
    `${result.node}, ${result.cpu} (${result.cores} cores), ${result.mode} run of ${result.generatedAt.slice(0, 10)}, ${result.durationSec.toFixed(0)} s; server, peer and Chromium share the machine.`,
  ];
  return lines.join('\n');
}

const RENDERERS = {
  backtest: renderBacktestReport,
  api: renderApiReport,
  runtime: renderRuntimeReport,
  web: renderWebReport,
};

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const args = process.argv.slice(2);
  const file =
    args.find((a) => !a.startsWith('--')) ??
    fileURLToPath(new URL('./results/indicators.json', import.meta.url));
  const result = JSON.parse(readFileSync(file, 'utf8'));
  const render = RENDERERS[result.part];
  console.log(
    render
      ? render(result)
      : renderIndicatorsReport(result, { details: args.includes('--details') }),
  );
}
