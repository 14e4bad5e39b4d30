import { AtrStream } from '../indicators/atr.js';
import { RollingExtremes } from '../indicators/rolling-extremes.js';
import { msg } from '../messages/en.js';
import {
  atrParams,
  buySignal,
  clamp01,
  fmt,
  numberParam,
  sellSignal,
  targetAtrParam,
} from './signal-helpers.js';
import { HOLD } from './types.js';
import type {
  ParamValues,
  Signal,
  StrategyContext,
  StrategyDefinition,
  StrategyInstance,
} from './types.js';

/**
 * Breakout (Donchian channel + ATR), after the Turtle rules: buy a close above the highest high of
 * the previous `entryPeriod` candles, sell a close below the lowest low of the previous `exitPeriod`.
 * The channels end at the previous candle (a close can never break a channel containing its own
 * high); they are kept with RollingExtremes, the engine of DonchianStream, read without allocating.
 *
 * - Buy (flat): close > upper + `confirmAtr` × ATR on the first such candle (the previous close was
 *   not a breakout), so a run of new highs gives one signal. The ATR margin filters pokes of a few
 *   ticks. Confidence 0.55 + 0.25 × (close − upper) / ATR + 0.2 × (range / ATR − 1), capped: a
 *   decisive close on an expanding candle is the breakout that tends to hold.
 * - Sell (holding): the first close below the exit channel's lower line (0.75).
 * - Stop `close − stopAtr × ATR` (the Turtles' 2N), target `close + targetAtr × ATR`.
 */
export const breakout: StrategyDefinition = {
  id: 'breakout',
  name: 'Breakout (Donchian + ATR)',
  description:
    'Buys a close above the previous N-candle high by an ATR margin; sells a close below the ' +
    'previous M-candle low (Turtle-style channels).',
  style: 'breakout',
  params: {
    entryPeriod: {
      type: 'integer',
      min: 5,
      max: 200,
      default: 20,
      step: 1,
      description: 'Candles in the entry channel (highest high).',
    },
    exitPeriod: {
      type: 'integer',
      min: 2,
      max: 200,
      default: 10,
      step: 1,
      description: 'Candles in the exit channel (lowest low).',
    },
    confirmAtr: {
      type: 'number',
      min: 0,
      max: 2,
      default: 0.1,
      step: 0.05,
      description: 'How far above the channel the close must be, in ATRs.',
    },
    ...atrParams,
    targetAtr: targetAtrParam(4),
  },
  create: (params) => new Breakout(params),
};

class Breakout implements StrategyInstance {
  readonly warmup: number;
  private readonly entry: RollingExtremes;
  private readonly exit: RollingExtremes;
  private readonly atr: AtrStream;
  private readonly confirmAtr: number;
  private readonly stopAtr: number;
  private readonly targetAtr: number;
  private seen = 0;
  private prevBreakout = true;
  private prevBreakdown = true;

  constructor(params: ParamValues) {
    this.entry = new RollingExtremes(numberParam(params, 'entryPeriod'));
    this.exit = new RollingExtremes(numberParam(params, 'exitPeriod'));
    this.atr = new AtrStream(numberParam(params, 'atrPeriod'));
    this.confirmAtr = numberParam(params, 'confirmAtr');
    this.stopAtr = numberParam(params, 'stopAtr');
    this.targetAtr = numberParam(params, 'targetAtr');
    // Channels of the previous N candles exist from candle N + 1, ATR from atrPeriod + 1; the first
    // such candle only records whether it broke out (the "first breakout" rule needs the one before).
    this.warmup = Math.max(this.entry.period, this.exit.period, this.atr.period) + 2;
  }

  evaluate(ctx: StrategyContext): Signal {
    const candle = ctx.candle;
    const close = candle.close;
    const atr = this.atr.update(candle);
    const entry = this.entry;
    const exit = this.exit;
    const count = ++this.seen;
    // Channels before this candle joins them.
    const upper = entry.ready ? entry.highest : Number.NaN;
    const lower = exit.ready ? exit.lowest : Number.NaN;
    entry.push(candle.high, candle.low);
    exit.push(candle.high, candle.low);
    if (count < this.warmup - 1 || !(atr > 0)) return HOLD;

    const isBreakout = close > upper + this.confirmAtr * atr;
    const isBreakdown = close < lower;
    const prevBreakout = this.prevBreakout;
    const prevBreakdown = this.prevBreakdown;
    this.prevBreakout = isBreakout;
    this.prevBreakdown = isBreakdown;
    // The first candle with both channels and ATR only records its state.
    if (count === this.warmup - 1) return HOLD;

    const qty = ctx.positionQty;
    if (qty === 0) {
      if (!isBreakout || prevBreakout) return HOLD;
      const margin = (close - upper) / atr;
      const expansion = (candle.high - candle.low) / atr - 1;
      const confidence = 0.55 + 0.25 * clamp01(margin) + 0.2 * clamp01(expansion);
      const reason = msg('signal.breakout.buy', {
        close: fmt(close),
        period: entry.period,
        upper: fmt(upper),
        margin: fmt(margin, 2),
        atr: fmt(atr),
        range: fmt(expansion + 1, 2),
      });
      return buySignal(confidence, reason, close, atr, this.stopAtr, this.targetAtr);
    }
    if (qty > 0 && isBreakdown && !prevBreakdown) {
      return sellSignal(
        0.75,
        msg('signal.breakout.sell', {
          close: fmt(close),
          period: exit.period,
          lower: fmt(lower),
        }),
      );
    }
    return HOLD;
  }
}
