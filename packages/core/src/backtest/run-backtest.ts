import type { Candle } from '../candles/types.js';
import { detectTimeframe } from '../candles/timeframe.js';
import { createRulesProvider } from '../decisions/rules-provider.js';
import type { Decision, DecisionProvider } from '../decisions/types.js';
import { ValidationError } from '../errors.js';
import { fillModelConfig, type FillModelConfig } from '../fills/fill-model.js';
import { IndicatorBook } from '../indicators/indicator-book.js';
import { Ledger } from '../ledger/ledger.js';
import type { ClosedTrade, EquityPoint } from '../ledger/types.js';
import { OrderManager } from '../orders/order-manager.js';
import type { Regime } from '../regime/types.js';
import { evaluateRisk } from '../risk/risk-gate.js';
import { riskInputOf } from '../risk/risk-input.js';
import { resolveRiskConfig } from '../risk/config.js';
import { safeEvaluate } from '../strategies/safe-evaluate.js';
import type { Signal, StrategyContext } from '../strategies/types.js';
import { DecisionTally } from './decision-tally.js';
import { toPoints, type EquityColumns } from './equity-columns.js';
import { buyAndHoldColumns, computeCurveMetrics, type BacktestMetrics } from './metrics.js';
import { anyHeld, candleOf, nextTs, openRun, type BacktestMarket } from './pair-run.js';

export type { BacktestMarket } from './pair-run.js';

export interface BacktestConfig {
  readonly markets: readonly BacktestMarket[];
  readonly strategyId: string;
  /** Raw strategy parameters (strings from the CLI are fine): validated against its schema. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Starting cash in the quote currency. */
  readonly capital: number;
  readonly fillModel?: Partial<FillModelConfig>;
  /** Raw risk parameters, validated against RISK_PARAMS. */
  readonly risk?: Readonly<Record<string, unknown>>;
  /**
   * The AI layer; by default the offline rules provider, writing no decision texts (a backtest only
   * counts decisions). Must answer synchronously here.
   */
  readonly provider?: DecisionProvider;
  /** Candles with open time in [from, to] (ms UTC) take part. */
  readonly from?: number;
  readonly to?: number;
  /** Called every `progressEvery` candles and at the end with (candles done, candles in all). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
}

/** DESIGN §3's backtest result; plain data, so JSON.stringify of it is deterministic. */
export interface BacktestResult {
  readonly strategy: { readonly id: string; readonly params: Readonly<Record<string, unknown>> };
  readonly markets: readonly string[];
  readonly timeframe: string;
  readonly period: { readonly from: number; readonly to: number; readonly candles: number };
  readonly capital: number;
  readonly metrics: BacktestMetrics;
  readonly buyAndHold: BacktestMetrics;
  readonly decisions: ReturnType<DecisionTally['summary']>;
  readonly trades: readonly ClosedTrade[];
  readonly equity: readonly EquityPoint[];
  readonly final: {
    readonly cash: number;
    readonly positions: readonly { asset: string; qty: number; mark: number }[];
    readonly equity: number;
  };
}

/**
 * The one engine loop (DESIGN §2) driven by replayed candles: for each closed candle, in time order
 * across pairs, the order manager first fills what earlier decisions queued (at this candle's open,
 * or intrabar for stops and targets), then the strategy sees the candle, the provider decides, the
 * risk gate disposes and accepted orders wait for the next candle. Nothing reads a candle after
 * the one being processed, so no decision can look ahead. At the end open positions are sold at
 * the last close ('end-of-data'), as the buy-and-hold benchmark is.
 */
export function runBacktest(config: BacktestConfig): BacktestResult {
  if (config.markets.length === 0)
    throw new ValidationError('a backtest needs at least one market');
  if (!(config.capital > 0) || !Number.isFinite(config.capital)) {
    throw new ValidationError(`capital must be a positive amount, got ${config.capital}`);
  }
  if (config.from !== undefined && config.to !== undefined && config.from > config.to) {
    throw new ValidationError(
      `--from (${new Date(config.from).toISOString()}) is after --to (${new Date(config.to).toISOString()})`,
    );
  }
  const fills = fillModelConfig(config.fillModel);
  const risk = resolveRiskConfig(config.risk ?? {});
  // The default provider writes no decision texts: a backtest only acts on decisions and counts
  // them, and the text was most of an active decision's cost.
  const provider = config.provider ?? createRulesProvider({ explain: false });
  const params = config.params ?? {};
  const runs = config.markets.map((market) =>
    openRun(market, { strategyId: config.strategyId, params, from: config.from, to: config.to }),
  );
  const total = runs.reduce((n, r) => n + (r.end - r.start), 0);
  const first = runs[0]!;
  const timeframe = detectTimeframe(first.market.candles.ts.subarray(first.start, first.end));
  const barMs = timeframe.ms;

  const ledger = new Ledger({
    capital: config.capital,
    markets: config.markets.map((m) => m.spec),
  });
  const orders = new OrderManager({
    markets: config.markets.map((m) => m.spec),
    ledger,
    fillModel: fills,
    book: () => new IndicatorBook([]),
    idPrefix: 'bt-',
  });
  const tally = new DecisionTally();
  const quietHold = provider.holdsWithoutSignal === true;
  const pairs = runs.map((r) => r.market.spec.pair);
  const every = config.progressEvery ?? 10_000;
  let done = 0;
  let exposedBars = 0;
  let bars = 0;
  // The equity after each bar, as a column (metrics read it in place; the `{ts, equity}` points are
  // built once at the end). One bar per distinct open time, so at most one per candle. With one pair
  // the bars are its candles and their open times are already a column: only interleaved pairs
  // need their own.
  const equityAfter = new Float64Array(total);
  const barTs = runs.length > 1 ? new Float64Array(total) : undefined;

  for (;;) {
    const ts = nextTs(runs);
    if (ts === undefined) break;
    for (const run of runs) {
      if (run.next >= run.end || run.market.candles.ts[run.next] !== ts) continue;
      const candle = candleOf(run.market.candles, run.next++);
      const pair = run.market.spec.pair;
      orders.onCandle(pair, candle);
      const regime = run.regime.update(candle);
      const positionQty = ledger.qty(pair);
      const strategyCtx: StrategyContext = {
        pair,
        candle,
        regime,
        positionQty,
        seen: run.regime.seen,
      };
      const { signal, error } = safeEvaluate(run.strategy, strategyCtx);
      if (error !== undefined) tally.strategyError(error);
      // A provider that holds whenever every signal does is not asked on quiet candles (see
      // DecisionProvider.holdsWithoutSignal): its answer is known and a hold changes nothing.
      if (signal.side !== 'hold' || !quietHold) consult(pair, candle, regime, signal, positionQty);
      if (++done % every === 0) config.onProgress?.(done, total);
    }
    equityAfter[bars] = ledger.equity();
    if (barTs !== undefined) barTs[bars] = ts;
    bars++;
    if (anyHeld(ledger, pairs)) exposedBars++;
  }

  const lastTs = Math.max(...runs.map((r) => r.market.candles.ts[r.end - 1]!));
  orders.closeAll(undefined, lastTs, 'end-of-data', { immediate: true });
  // The closing sale settles at the last bar (lastTs, the last open time recorded): its point
  // shows the equity after the exit costs.
  const curve: EquityColumns = {
    ts: barTs?.subarray(0, bars) ?? first.market.candles.ts.subarray(first.start, first.end),
    values: equityAfter.subarray(0, bars),
    scale: 1,
    lastEquity: ledger.equity(),
  };
  config.onProgress?.(total, total);

  const trades = ledger.closedTrades();
  const snapshot = ledger.snapshot();
  const firstSeries = first.market.candles;
  return {
    strategy: { id: config.strategyId, params },
    markets: config.markets.map((m) => m.spec.pair),
    timeframe: timeframe.label,
    period: {
      from: Math.min(...runs.map((r) => r.market.candles.ts[r.start]!)),
      to: lastTs,
      candles: total,
    },
    capital: config.capital,
    metrics: computeCurveMetrics({
      curve,
      trades,
      initialCapital: config.capital,
      barMs,
      exposedBars,
      totalBars: bars,
    }),
    buyAndHold: buyAndHoldColumns({
      ts: firstSeries.ts.subarray(first.start, first.end),
      close: firstSeries.close.subarray(first.start, first.end),
      initialCapital: config.capital,
      feeBps: fills.feeBps,
      barMs,
      pair: first.market.spec.pair,
    }).metrics,
    decisions: tally.summary(),
    trades,
    // DESIGN §3's object form, built once from the columns.
    equity: toPoints(curve),
    final: {
      cash: snapshot.cash,
      positions: snapshot.positions.map((p) => ({ asset: p.asset, qty: p.qty, mark: p.mark })),
      equity: snapshot.equity,
    },
  };

  /** Asks the provider about one candle and acts on its answer. */
  function consult(
    pair: string,
    candle: Candle,
    regime: Regime,
    signal: Signal,
    positionQty: number,
  ): void {
    const decision = provider.decide({
      pair,
      ts: candle.ts,
      price: candle.close,
      regime,
      signals: [{ strategyId: config.strategyId, signal }],
      portfolio: {
        equity: ledger.equity(),
        cash: ledger.cash,
        positionQty,
        averageEntry: ledger.position(pair)?.averageEntry ?? Number.NaN,
      },
      maxPositionUsd: ledger.equity() * risk.maxPositionPct,
      atr: regime.atrPct * candle.close,
    });
    if (decision instanceof Promise) {
      throw new ValidationError(
        `provider ${provider.id} is asynchronous; backtests need a synchronous one`,
      );
    }
    if (decision.action !== 'hold') act(decision, candle, regime.atrPct * candle.close);
  }

  function act(decision: Decision, candle: Candle, atr: number): void {
    const pair = decision.pair;
    const verdict = evaluateRisk(
      riskInputOf(decision, { ledger, fillModel: orders.fillModel }, candle, atr, candle.ts),
      risk,
    );
    tally.record(decision, verdict);
    if (verdict.verdict === 'veto') return;
    if (decision.action === 'sell') {
      orders.closeAll(pair, candle.ts, 'signal');
      return;
    }
    // An entry still waiting for its fill (latency) is not doubled by the next candle's signal.
    if (orders.openOrders(pair).some((o) => o.side === 'buy')) return;
    const { stopLoss, takeProfit } = decision;
    if (
      stopLoss !== null &&
      takeProfit !== null &&
      stopLoss < candle.close &&
      takeProfit > candle.close
    ) {
      orders.submit(
        {
          type: 'bracket',
          pair,
          quoteAmount: verdict.sizeUsd,
          stopPrice: stopLoss,
          takeProfitPrice: takeProfit,
        },
        candle.ts,
      );
    } else {
      orders.submit({ type: 'market', pair, side: 'buy', quoteAmount: verdict.sizeUsd }, candle.ts);
    }
  }
}
