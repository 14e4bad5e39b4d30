import { EN_MESSAGES, msg } from '../messages/en.js';
import { isMsg, type Catalog, type Msg, type MsgParam } from '../messages/msg.js';
import { REGIME_KIND_MSG } from '../regime/regime-msg.js';
import type { RegimeKind } from '../regime/types.js';
import { fmt } from '../strategies/signal-helpers.js';
import type { Signal } from '../strategies/types.js';

/**
 * The pieces the rules provider's sentences are made of, as message parameters: numbers formatted
 * the one fixed way (no locale, so a decision is deterministic), and every word a translation would
 * change as a nested message. Constant messages are built once, as decide() runs per signal.
 */

const NA: Msg = Object.freeze(msg('decision.na'));

const STRATEGIES: ReadonlyMap<string, Msg> = new Map([
  ['momentum', Object.freeze(msg('decision.strategy.momentum'))],
  ['mean-reversion', Object.freeze(msg('decision.strategy.mean-reversion'))],
  ['trend-following', Object.freeze(msg('decision.strategy.trend-following'))],
  ['breakout', Object.freeze(msg('decision.strategy.breakout'))],
]);

/** The regime's name, shared with the signal reasons that name it (one translation). */
export function regimeName(kind: RegimeKind): Msg {
  return REGIME_KIND_MSG[kind];
}

/** A built-in strategy's name as a message; a custom id is a name of its own, shown as is. */
export function strategyName(id: string): MsgParam {
  return STRATEGIES.get(id) ?? id;
}

/**
 * `items` joined by `key` (a `{{left}}…{{right}}` template), nested to the right: for separators
 * other than the catalog's list separator. Lists here are a few strategies long.
 */
export function joined(
  items: readonly MsgParam[],
  key: 'decision.join.comma' | 'decision.join.plus',
): MsgParam {
  let out: MsgParam | undefined;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    out = out === undefined ? item : msg(key, { left: item, right: out });
  }
  return out ?? '';
}

export function num(x: number, sig: number): MsgParam {
  return Number.isFinite(x) ? fmt(x, sig) : NA;
}

export function pct(x: number): MsgParam {
  return Number.isFinite(x) ? `${(x * 100).toFixed(2)} %` : NA;
}

/** 1234.5 → "1,234.50" (fixed format, no locale: the same text on every machine). */
export function money(x: number): string {
  const [int = '0', frac = '00'] = x.toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/**
 * A signal's reason quoted inside a longer sentence, without its final full stop (as the English
 * always read). A renderer cannot cut text from a template, so a signal sentence ending in a stop
 * is quoted through its clause template (`decision.clause.*`, the same sentence without the stop).
 * A reason with no clause template (a custom strategy's message, or none: a strategy written in
 * plain JavaScript) is quoted as its English text, which keeps the English exact.
 */
export function reasonClause(signal: Signal): MsgParam {
  const text = signal.reason;
  const stop = text.endsWith('.');
  // Typed as required, but a plain-JavaScript strategy may still return a signal without it.
  const m: unknown = signal.reasonMsg;
  if (!isMsg(m)) return stop ? text.slice(0, -1) : text;
  if (!stop) return m;
  const key = clauseKeyOf(m.key);
  if (key === undefined) return text.slice(0, -1);
  return m.params === undefined ? { key } : { key, params: m.params };
}

const SIGNAL_PREFIX = 'signal.';
const CLAUSE_PREFIX = 'decision.clause.';

/** Clause keys by signal key, resolved once per key (null: the sentence has no clause form). */
const clauseKeys = new Map<string, string | null>();

function clauseKeyOf(signalKey: string): string | undefined {
  let key = clauseKeys.get(signalKey);
  if (key === undefined) {
    const clause = CLAUSE_PREFIX + signalKey.slice(SIGNAL_PREFIX.length);
    const sentence = signalKey.startsWith(SIGNAL_PREFIX) ? templateOf(signalKey) : undefined;
    // Only a template that itself ends the sentence: one ending in a parameter keeps its stop there.
    key = sentence?.endsWith('.') === true && templateOf(clause) !== undefined ? clause : null;
    clauseKeys.set(signalKey, key);
  }
  return key ?? undefined;
}

function templateOf(key: string): string | undefined {
  let node: Catalog | string | undefined = EN_MESSAGES;
  for (const name of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[name];
  }
  return typeof node === 'string' ? node : undefined;
}
