import { AtrStream } from '../indicators/atr.js';
import { BollingerStream } from '../indicators/bollinger.js';
import { msg } from '../messages/en.js';
import type { Msg } from '../messages/msg.js';
import { REGIME_KIND_MSG } from '../regime/regime-msg.js';
import {
  atrParams,
  booleanParam,
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

const EXITS = ['middle', 'upper'] as const;
type Exit = (typeof EXITS)[number];

/** The exit band's name in reasons, one frozen message per band (no allocation per signal). */
const BAND_MSG: Readonly<Record<Exit, Msg>> = Object.freeze({
  middle: Object.freeze(msg('signal.meanReversion.band.middle')),
  upper: Object.freeze(msg('signal.meanReversion.band.upper')),
});

/**
 * Mean reversion (Bollinger Bands): buy a close back inside the lower band after one outside it,
 * sell when price has reverted to the chosen band.
 *
 * - Buy (flat): the previous close was below the lower band and this close is at or above it. Buying
 *   the close back inside, not the first close outside, avoids catching a falling knife candle by
 *   candle. Skipped in a `trending-down` regime when `skipDowntrend` (a band walk down is not a
 *   dip). Confidence 0.6 + 0.3 × how far outside the band the previous close was (a quarter of
 *   the band's half-width or more counts fully) + 0.1 in a `ranging` regime.
 * - Sell (holding): the close crosses up through the exit band (`middle` by default, or `upper`);
 *   0.7 at the middle, 0.8 at the upper band.
 * - Stop `close − stopAtr × ATR`; target the exit band when it is above the close, else
 *   `close + targetAtr × ATR`.
 */
export const meanReversion: StrategyDefinition = {
  id: 'mean-reversion',
  name: 'Mean reversion (Bollinger Bands)',
  description:
    'Buys a close back inside the lower Bollinger Band after a close below it; sells when price ' +
    'returns to the middle (or upper) band.',
  style: 'mean-reversion',
  params: {
    period: {
      type: 'integer',
      min: 5,
      max: 200,
      default: 20,
      step: 1,
      description: 'Bollinger period.',
    },
    stdDev: {
      type: 'number',
      min: 1,
      max: 4,
      default: 2,
      step: 0.1,
      description: 'Band width in standard deviations.',
    },
    exitAt: {
      type: 'enum',
      options: EXITS,
      default: 'middle',
      description: 'Band whose upward cross closes the position.',
    },
    skipDowntrend: {
      type: 'boolean',
      default: true,
      description: 'Ignore buy setups while the regime is trending down.',
    },
    ...atrParams,
    targetAtr: targetAtrParam(3),
  },
  create: (params) => new MeanReversion(params),
};

class MeanReversion implements StrategyInstance {
  readonly warmup: number;
  private readonly bands: BollingerStream;
  private readonly atr: AtrStream;
  private readonly exitAt: Exit;
  private readonly skipDowntrend: boolean;
  private readonly stopAtr: number;
  private readonly targetAtr: number;
  private prevClose = Number.NaN;
  private prevLower = Number.NaN;
  private prevMiddle = Number.NaN;
  private prevExit = Number.NaN;
  private seen = 0;

  constructor(params: ParamValues) {
    this.bands = new BollingerStream({
      period: numberParam(params, 'period'),
      stdDev: numberParam(params, 'stdDev'),
    });
    this.atr = new AtrStream(numberParam(params, 'atrPeriod'));
    this.exitAt = enumParam(params, 'exitAt', EXITS);
    this.skipDowntrend = booleanParam(params, 'skipDowntrend');
    this.stopAtr = numberParam(params, 'stopAtr');
    this.targetAtr = numberParam(params, 'targetAtr');
    // Bands first at period − 1, ATR at atrPeriod; the cross needs the candle before.
    this.warmup = Math.max(this.bands.period - 1, this.atr.period) + 2;
  }

  evaluate(ctx: StrategyContext): Signal {
    const candle = ctx.candle;
    const close = candle.close;
    const { upper, middle, lower } = this.bands.update(candle);
    const atr = this.atr.update(candle);
    const exit = this.exitAt === 'middle' ? middle : upper;
    const prevClose = this.prevClose;
    const prevLower = this.prevLower;
    const prevMiddle = this.prevMiddle;
    const prevExit = this.prevExit;
    this.prevClose = close;
    this.prevLower = lower;
    this.prevMiddle = middle;
    this.prevExit = exit;

    if (++this.seen < this.warmup) return HOLD;
    const qty = ctx.positionQty;
    if (qty === 0) {
      if (!(prevClose < prevLower && close >= lower && atr > 0)) return HOLD;
      const kind = ctx.regime.kind;
      if (this.skipDowntrend && kind === 'trending-down') return HOLD;
      const halfWidth = prevMiddle - prevLower;
      const depth = halfWidth > 0 ? clamp01((prevLower - prevClose) / (halfWidth / 4)) : 1;
      const confidence = 0.6 + 0.3 * depth + (kind === 'ranging' ? 0.1 : 0);
      const reason = msg('signal.meanReversion.buy', {
        close: fmt(close),
        lower: fmt(lower),
        prevClose: fmt(prevClose),
        prevLower: fmt(prevLower),
        band: BAND_MSG[this.exitAt],
        exit: fmt(exit),
        regime: REGIME_KIND_MSG[kind],
      });
      return buySignal(confidence, reason, close, atr, this.stopAtr, this.targetAtr, exit);
    }
    if (qty > 0 && prevClose < prevExit && close >= exit) {
      return sellSignal(
        this.exitAt === 'middle' ? 0.7 : 0.8,
        msg('signal.meanReversion.sell', {
          close: fmt(close),
          band: BAND_MSG[this.exitAt],
          exit: fmt(exit),
        }),
      );
    }
    return HOLD;
  }
}
