import { ValidationError } from '../errors.js';
import { AdxStream } from '../indicators/adx.js';
import { AtrStream } from '../indicators/atr.js';
import { EmaStream } from '../indicators/ema.js';
import { SmaStream } from '../indicators/sma.js';
import { msg } from '../messages/en.js';
import type { ScalarStream } from '../indicators/types.js';
import {
  atrParams,
  buySignal,
  clamp01,
  enumParam,
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

const MA_TYPES = ['ema', 'sma'] as const;

/**
 * Trend following (moving-average cross + ADX/DI): enter when an uptrend is confirmed on all three
 * counts, leave when the averages or the directional indicators turn.
 *
 * - Setup = fast MA above slow MA, ADX ≥ `adxMin` and +DI above −DI. Buy (flat) on the candle the
 *   setup forms (false on the previous candle, true now), whichever of the three came last: an MA
 *   cross in a trendless market is noise, and ADX usually confirms a few candles after the cross.
 *   Confidence 0.55 + 0.3 × (ADX − adxMin) / 20 + 0.15 × (+DI − −DI) / 20, each part capped.
 * - Sell (holding): the fast MA crosses below the slow MA (0.8), or −DI crosses above +DI while
 *   ADX ≥ adxMin, a strong trend turning down (0.65).
 * - Stop `close − stopAtr × ATR`, target `close + targetAtr × ATR` (4 by default: trends run).
 */
export const trendFollowing: StrategyDefinition = {
  id: 'trend-following',
  name: 'Trend following (MA cross + ADX)',
  description:
    'Buys when the fast average is above the slow one with ADX confirming a trend and +DI above ' +
    '−DI; sells when the averages cross down or −DI takes over in a strong trend.',
  style: 'trend',
  params: {
    fastPeriod: {
      type: 'integer',
      min: 2,
      max: 200,
      default: 20,
      step: 1,
      description: 'Fast MA period.',
    },
    slowPeriod: {
      type: 'integer',
      min: 3,
      max: 400,
      default: 50,
      step: 1,
      description: 'Slow MA period.',
    },
    maType: {
      type: 'enum',
      options: MA_TYPES,
      default: 'ema',
      description: 'Kind of moving average.',
    },
    adxPeriod: {
      type: 'integer',
      min: 2,
      max: 100,
      default: 14,
      step: 1,
      description: 'ADX / DI period.',
    },
    adxMin: {
      type: 'number',
      min: 10,
      max: 50,
      default: 20,
      step: 1,
      description: 'ADX at or above which the market counts as trending.',
    },
    ...atrParams,
    targetAtr: targetAtrParam(4),
  },
  create: (params) => new TrendFollowing(params),
};

class TrendFollowing implements StrategyInstance {
  readonly warmup: number;
  private readonly fast: ScalarStream;
  private readonly slow: ScalarStream;
  private readonly adx: AdxStream;
  private readonly atr: AtrStream;
  private readonly adxMin: number;
  private readonly stopAtr: number;
  private readonly targetAtr: number;
  private readonly fastPeriod: number;
  private readonly slowPeriod: number;
  private prevFast = Number.NaN;
  private prevSlow = Number.NaN;
  private prevPlusDi = Number.NaN;
  private prevMinusDi = Number.NaN;
  /** Setup state on the previous candle: −1 unknown (warm-up), 0 no, 1 yes. */
  private prevSetup = -1;
  private seen = 0;

  constructor(params: ParamValues) {
    this.fastPeriod = numberParam(params, 'fastPeriod');
    this.slowPeriod = numberParam(params, 'slowPeriod');
    if (this.fastPeriod >= this.slowPeriod) {
      throw new ValidationError(
        `parameter fastPeriod must be below slowPeriod, got ${this.fastPeriod} and ${this.slowPeriod}`,
        { parameter: 'fastPeriod', value: this.fastPeriod },
      );
    }
    const sma = enumParam(params, 'maType', MA_TYPES) === 'sma';
    this.fast = sma ? new SmaStream(this.fastPeriod) : new EmaStream(this.fastPeriod);
    this.slow = sma ? new SmaStream(this.slowPeriod) : new EmaStream(this.slowPeriod);
    this.adx = new AdxStream(numberParam(params, 'adxPeriod'));
    this.atr = new AtrStream(numberParam(params, 'atrPeriod'));
    this.adxMin = numberParam(params, 'adxMin');
    this.stopAtr = numberParam(params, 'stopAtr');
    this.targetAtr = numberParam(params, 'targetAtr');
    // Slow MA first at slowPeriod − 1, ADX at 2 × adxPeriod − 1, ATR at atrPeriod; the setup must
    // be known on the candle before, so the first possible signal is one candle later.
    this.warmup = Math.max(this.slowPeriod - 1, 2 * this.adx.period - 1, this.atr.period) + 2;
  }

  evaluate(ctx: StrategyContext): Signal {
    const candle = ctx.candle;
    const fast = this.fast.next(candle.close);
    const slow = this.slow.next(candle.close);
    const { adx, plusDi, minusDi } = this.adx.update(candle);
    const atr = this.atr.update(candle);
    const prevFast = this.prevFast;
    const prevSlow = this.prevSlow;
    const prevPlusDi = this.prevPlusDi;
    const prevMinusDi = this.prevMinusDi;
    const prevSetup = this.prevSetup;
    const known = !Number.isNaN(slow) && !Number.isNaN(adx) && atr > 0;
    const setup = fast > slow && adx >= this.adxMin && plusDi > minusDi;
    this.prevFast = fast;
    this.prevSlow = slow;
    this.prevPlusDi = plusDi;
    this.prevMinusDi = minusDi;
    this.prevSetup = known ? (setup ? 1 : 0) : -1;

    // Nothing before the warm-up: an MA or DI cross means little before ADX exists.
    if (++this.seen < this.warmup) return HOLD;
    const qty = ctx.positionQty;
    if (qty === 0) {
      if (!(known && setup && prevSetup === 0)) return HOLD;
      const confidence =
        0.55 + 0.3 * clamp01((adx - this.adxMin) / 20) + 0.15 * clamp01((plusDi - minusDi) / 20);
      const reason = msg('signal.trendFollowing.buy', {
        fastPeriod: this.fastPeriod,
        fast: fmt(fast),
        slowPeriod: this.slowPeriod,
        slow: fmt(slow),
        adx: fmt(adx, 3),
        adxMin: this.adxMin,
        plusDi: fmt(plusDi, 3),
        minusDi: fmt(minusDi, 3),
      });
      return buySignal(confidence, reason, candle.close, atr, this.stopAtr, this.targetAtr);
    }
    if (qty > 0) {
      if (prevFast >= prevSlow && fast < slow) {
        return sellSignal(
          0.8,
          msg('signal.trendFollowing.sellCross', {
            fastPeriod: this.fastPeriod,
            fast: fmt(fast),
            slowPeriod: this.slowPeriod,
            slow: fmt(slow),
          }),
        );
      }
      if (adx >= this.adxMin && prevMinusDi <= prevPlusDi && minusDi > plusDi) {
        return sellSignal(
          0.65,
          msg('signal.trendFollowing.sellDi', {
            minusDi: fmt(minusDi, 3),
            plusDi: fmt(plusDi, 3),
            adx: fmt(adx, 3),
          }),
        );
      }
    }
    return HOLD;
  }
}
