/**
 * Message descriptors on their way to and from the database and the wire. Core's `Msg` type nests
 * without limit; the wire schema (contracts' `Msg`) spells out a fixed depth and bounded sizes, so
 * each descriptor is checked against it once, where it is made or read. One that does not match
 * (too deep, a NaN parameter, a corrupted column) becomes null: the English text beside it is still
 * shown, and one bad descriptor never fails a page or gets a socket event dropped.
 */
import { Value } from '@sinclair/typebox/value';
import { Msg as MsgSchema, type Msg as WireMsg } from '@numerusx/contracts';
import type { Msg } from '@numerusx/core';

export type { WireMsg };

/** `m` as the wire schema's type when it matches it, else null. */
export function wireMsg(m: Msg | null | undefined): WireMsg | null {
  return m != null && Value.Check(MsgSchema, m) ? m : null;
}

/** The column text of `m`: its JSON when it is a valid wire message, else null. */
export function msgColumn(m: Msg | null | undefined): string | null {
  const checked = wireMsg(m);
  return checked === null ? null : JSON.stringify(checked);
}

/** A stored column read back: null when empty, not JSON, or not a valid message. */
export function storedMsg(text: string | null | undefined): WireMsg | null {
  if (text == null) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  return Value.Check(MsgSchema, doc) ? doc : null;
}
