import { msg } from '../messages/en.js';
import type { Msg } from '../messages/msg.js';
import type { RegimeKind } from './types.js';

/**
 * The name of each regime kind as a message (`regime.kind.*`), built once and frozen: strategies put
 * it in the reasons they give on every signal, so naming the regime must not allocate.
 */
export const REGIME_KIND_MSG: Readonly<Record<RegimeKind, Msg>> = Object.freeze({
  'trending-up': Object.freeze(msg('regime.kind.trending-up')),
  'trending-down': Object.freeze(msg('regime.kind.trending-down')),
  ranging: Object.freeze(msg('regime.kind.ranging')),
  volatile: Object.freeze(msg('regime.kind.volatile')),
  unknown: Object.freeze(msg('regime.kind.unknown')),
});
