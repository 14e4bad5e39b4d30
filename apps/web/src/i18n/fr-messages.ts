/**
 * The French catalog of the server's texts (core's `Msg` descriptors): the same keys and
 * placeholders as core's EN_MESSAGES, checked by test/unit/fr-messages.test.ts. A key missing here
 * renders in English (renderWith tries French, then English), never as the bare key. The groups
 * live beside this file, one per English group of core (en-signals.ts → fr-signals.ts, …).
 */
import type { Catalog, EN_MESSAGES } from '@numerusx/core';
import { FR_DECISIONS } from './fr-decisions';
import { FR_RISK } from './fr-risk';
import { FR_RUNTIME } from './fr-runtime';
import { FR_REGIME, FR_SIGNALS } from './fr-signals';

/** `T`'s shape with any template in place of each English one: a missing key fails to compile. */
type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
};

export const FR_MESSAGES = {
  // French puts a space before the semicolon.
  listSeparator: ' ; ',
  // 1 299,50 and 5,00 %: a narrow no-break space groups thousands (as Intl writes French numbers),
  // a no-break space keeps the percent sign on the number's line.
  decimalSeparator: ',',
  groupSeparator: '\u202f',
  percentSuffix: '\u00a0%',
  signal: FR_SIGNALS,
  regime: FR_REGIME,
  decision: FR_DECISIONS,
  risk: FR_RISK,
  runtime: FR_RUNTIME,
} as const satisfies Catalog & Translation<typeof EN_MESSAGES>;
