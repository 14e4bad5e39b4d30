import { EN_DECISIONS } from './en-decisions.js';
import { EN_REGIME } from './en-regime.js';
import { EN_RISK } from './en-risk.js';
import { EN_RUNTIME } from './en-runtime.js';
import { EN_SIGNALS } from './en-signals.js';
import { renderWith, type Catalog, type Msg, type MsgParam } from './msg.js';

/**
 * The English catalog of every text the platform writes for people: strategy signals, regime,
 * decision reasoning, risk verdicts and the bot runtime's status and log lines. The runtime's texts
 * live here too, with the domain's, so the dashboard checks each translation against one key set.
 */
export const EN_MESSAGES = {
  listSeparator: '; ',
  // How numbers inside messages are written (see msg.ts): parameters come formatted this way.
  decimalSeparator: '.',
  groupSeparator: ',',
  percentSuffix: '%',
  signal: EN_SIGNALS,
  regime: EN_REGIME,
  decision: EN_DECISIONS,
  risk: EN_RISK,
  runtime: EN_RUNTIME,
} as const satisfies Catalog;

type KeysOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeysOf<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key the English catalog defines; `msg()` accepts nothing else. */
export type MsgKey = KeysOf<typeof EN_MESSAGES>;

/** A message for `key`; the key is checked against the English catalog at compile time. */
export function msg(key: MsgKey, params?: Readonly<Record<string, MsgParam>>): Msg {
  return params === undefined ? { key } : { key, params };
}

/** The English text of a message: what logs, the CLI and the stored `reason` strings show. */
export function english(m: Msg): string {
  return renderWith([EN_MESSAGES], m);
}
