import { ValidationError } from '../errors.js';
import { AtrStream } from '../indicators/atr.js';
import { RsiStream } from '../indicators/rsi.js';
import { msg } from '../messages/en.js';
import { MacdHistogram } from './macd-histogram.js';
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
 * Momentum (RSI + MACD): buy the turn out of an oversold dip once MACD agrees, leave when the move is
 * stretched or MACD rolls over.
 *
 * - Buy (flat): RSI crosses up through `oversold` (previous < level ≤ now) while the MACD histogram
 *   is positive or rising. The RSI cross alone fires in falling markets too; MACD's agreement filters
 *   the dead-cat bounces. Confidence 0.55, +0.2 when the histogram is already above zero, +0.25 × how
 *   deep the dip went (RSI low at half the level or lower counts fully).
 * - Sell (holding): RSI crosses down through `overbought` (0.7), or the MACD line crosses below its
 *   signal, i.e. the histogram turns negative (0.65); both on one candle 0.9.
 * - Stop `close − stopAtr × ATR`, target `close + targetAtr × ATR`.
 *
 * evaluate() is O(1) and allocates nothing on the HOLD path (MacdHistogram, not MacdStream).
 */
export const momentum: StrategyDefinition = {
  id: 'momentum',
  name: 'Momentum (RSI + MACD)',
  description:
    'Buys when RSI climbs out of oversold with MACD confirming; sells when RSI falls back from ' +
    'overbought or MACD crosses below its signal line.',
  style: 'momentum',
  params: {
    rsiPeriod: {
      type: 'integer',
      min: 2,
      max: 100,
      default: 14,
      step: 1,
      description: 'RSI period.',
    },
    oversold: {
      type: 'number',
      min: 5,
      max: 50,
      default: 30,
      step: 1,
      description: 'RSI level whose upward cross starts a buy.',
    },
    overbought: {
      type: 'number',
      min: 50,
      max: 95,
      default: 70,
      step: 1,
      description: 'RSI level whose downward cross triggers a sell.',
    },
    macdFast: {
      type: 'integer',
      min: 2,
      max: 100,
      default: 12,
      step: 1,
      description: 'MACD fast EMA period.',
    },
    macdSlow: {
      type: 'integer',
      min: 3,
      max: 300,
      default: 26,
      step: 1,
      description: 'MACD slow EMA period.',
    },
    macdSignal: {
      type: 'integer',
      min: 1,
      max: 100,
      default: 9,
      step: 1,
      description: 'MACD signal EMA period.',
    },
    ...atrParams,
    targetAtr: targetAtrParam(3),
  },
  create: (params) => new Momentum(params),
};

class Momentum implements StrategyInstance {
  readonly warmup: number;
  private readonly rsi: RsiStream;
  private readonly macd: MacdHistogram;
  private readonly atr: AtrStream;
  private readonly oversold: number;
  private readonly overbought: number;
  private readonly stopAtr: number;
  private readonly targetAtr: number;
  private prevRsi = Number.NaN;
  private prevHist = Number.NaN;
  /** Lowest RSI since it last sat at or above `oversold` (the depth of the current dip). */
  private dipLow = Number.NaN;
  private seen = 0;

  constructor(params: ParamValues) {
    const fast = numberParam(params, 'macdFast');
    const slow = numberParam(params, 'macdSlow');
    if (fast >= slow) {
      throw new ValidationError(
        `parameter macdFast must be below macdSlow, got ${fast} and ${slow}`,
        { parameter: 'macdFast', value: fast },
      );
    }
    this.rsi = new RsiStream(numberParam(params, 'rsiPeriod'));
    this.macd = new MacdHistogram({ fast, slow, signal: numberParam(params, 'macdSignal') });
    this.atr = new AtrStream(numberParam(params, 'atrPeriod'));
    this.oversold = numberParam(params, 'oversold');
    this.overbought = numberParam(params, 'overbought');
    this.stopAtr = numberParam(params, 'stopAtr');
    this.targetAtr = numberParam(params, 'targetAtr');
    // First values: RSI at index rsiPeriod, MACD at slow − 1 + signal − 1, ATR at atrPeriod; a cross
    // needs the value before too, so the first possible signal is on candle (last first index) + 2.
    this.warmup = Math.max(this.rsi.period, this.macd.firstIndex, this.atr.period) + 2;
  }

  evaluate(ctx: StrategyContext): Signal {
    const candle = ctx.candle;
    const rsi = this.rsi.next(candle.close);
    this.macd.push(candle.close);
    const hist = this.macd.hist;
    const atr = this.atr.update(candle);
    const prevRsi = this.prevRsi;
    const prevHist = this.prevHist;
    this.prevRsi = rsi;
    this.prevHist = hist;
    const dipLow = this.dipLow;
    // NaN < rsi is false, so the first candle of a dip starts it at rsi.
    this.dipLow = rsi < this.oversold ? (dipLow < rsi ? dipLow : rsi) : Number.NaN;

    // Nothing before the warm-up, not even an RSI-only sell while MACD is still seeding.
    if (++this.seen < this.warmup) return HOLD;
    const qty = ctx.positionQty;
    if (qty === 0) {
      if (!(prevRsi < this.oversold && rsi >= this.oversold && atr > 0)) return HOLD;
      const rising = hist > prevHist;
      if (!(hist > 0 || rising)) return HOLD;
      return this.buy(candle.close, rsi, prevRsi, dipLow, hist, prevHist, atr);
    }
    if (qty > 0) {
      const rsiDown = prevRsi > this.overbought && rsi <= this.overbought;
      const macdDown = prevHist >= 0 && hist < 0;
      if (!rsiDown && !macdDown) return HOLD;
      return this.sell(rsiDown, macdDown, rsi, hist);
    }
    return HOLD;
  }

  private buy(
    close: number,
    rsi: number,
    prevRsi: number,
    dipLow: number,
    hist: number,
    prevHist: number,
    atr: number,
  ): Signal {
    const low = Number.isNaN(dipLow) ? prevRsi : dipLow;
    const depth = clamp01((this.oversold - low) / (this.oversold / 2));
    const confidence = 0.55 + (hist > 0 ? 0.2 : 0) + 0.25 * depth;
    // Which MACD condition held is a clause of its own, so a translation can place it freely.
    const macd =
      hist > 0
        ? msg('signal.momentum.macdPositive', { hist: fmt(hist, 3) })
        : msg('signal.momentum.macdRising', { prevHist: fmt(prevHist, 3), hist: fmt(hist, 3) });
    const reason = msg('signal.momentum.buy', {
      rsi: fmt(rsi, 3),
      oversold: this.oversold,
      low: fmt(low, 3),
      macd,
      atr: fmt(atr),
    });
    return buySignal(confidence, reason, close, atr, this.stopAtr, this.targetAtr);
  }

  private sell(rsiDown: boolean, macdDown: boolean, rsi: number, hist: number): Signal {
    const overbought = this.overbought;
    if (rsiDown && macdDown) {
      return sellSignal(
        0.9,
        msg('signal.momentum.sellBoth', { rsi: fmt(rsi, 3), overbought, hist: fmt(hist, 3) }),
      );
    }
    if (rsiDown) {
      return sellSignal(0.7, msg('signal.momentum.sellRsi', { rsi: fmt(rsi, 3), overbought }));
    }
    return sellSignal(
      0.65,
      msg('signal.momentum.sellMacd', { hist: fmt(hist, 3), rsi: fmt(rsi, 3) }),
    );
  }
}
