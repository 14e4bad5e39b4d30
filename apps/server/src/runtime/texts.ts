/**
 * The runtime's texts for people as messages (keys `runtime.*`, English in core's en-runtime.ts):
 * a status or log line is made as a message and its English rendered from it, so the stored text
 * and the descriptor sent beside it always agree.
 */
import {
  EN_MESSAGES,
  english,
  hasTemplate,
  msg,
  type Msg,
  type MsgKey,
  type MsgParam,
} from '@numerusx/core';
import type { Actor } from '../audit/audit.service.js';
import { storedMsg, wireMsg, type WireMsg } from '../db/stored-msg.js';
import type { RuntimeRow } from './runtime.repository.js';

/** A text with its message (null when it has none that fits the wire schema). */
export interface Said {
  readonly text: string;
  readonly msg: WireMsg | null;
}

export function said(m: Msg): Said {
  return { text: english(m), msg: wireMsg(m) };
}

type StatusKey = keyof typeof EN_MESSAGES.runtime.status;

/** A status message (`runtime.status.<key>`) with its English. */
export function status(key: StatusKey, params?: Readonly<Record<string, MsgParam>>): Said {
  return said(msg(`runtime.status.${key}`, params));
}

/** Groups of identifiers that read as English words, each id a key of its group. */
type NamedGroup = 'side' | 'exit' | 'orderType' | 'provider' | 'strategy' | 'budgetLimit';

/**
 * The message naming `id` (`runtime.<group>.<id>`) when the catalog has one; otherwise the id
 * itself, which is then a proper name (a model provider, a strategy added without a translation).
 */
export function named(group: NamedGroup, id: string): MsgParam {
  const key = `runtime.${group}.${id}`;
  return isMsgKey(key) ? msg(key) : id;
}

function isMsgKey(key: string): key is MsgKey {
  return hasTemplate(EN_MESSAGES, key);
}

/**
 * The reason stored with the desired state (an emergency stop's): its message when it reads back
 * valid, else the text alone (a row written before messages existed). Undefined when none.
 */
export function storedReason(row: RuntimeRow): Said | undefined {
  if (row.state_reason === null) return undefined;
  return { text: row.state_reason, msg: storedMsg(row.state_reason_msg) };
}

/** `emergency stop by <who>[: <reason>]`; the system actor is a word to translate, a user a name. */
export function emergencyWhy(actor: Actor, reason: string | undefined): Msg {
  const who: MsgParam =
    actor.username === null || (actor.id === null && actor.username === 'system')
      ? msg('runtime.actor.system')
      : actor.username;
  return reason
    ? msg('runtime.status.emergencyByReason', { who, reason })
    : msg('runtime.status.emergencyBy', { who });
}

/** `action pair (confidence c)` parameters shared by the decision log lines. */
export function decisionParams(d: {
  readonly action: string;
  readonly pair: string;
  readonly confidence: number;
}): Record<string, MsgParam> {
  return { action: named('side', d.action), pair: d.pair, confidence: d.confidence.toFixed(2) };
}

/** An error's own text: external, so a plain parameter. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
