/**
 * Texts the server writes for people (decision reasoning, steps, signal and risk reasons, bot
 * status, log lines, alerts, feed labels) arrive as English plus, where the server has one, a
 * message descriptor (`Msg`). The descriptor is rendered in the reader's language with core's
 * `renderWith`; without one (older records, API clients' own texts) the English text is shown.
 */
import { EN_MESSAGES, isMsg, renderWith, type Catalog, type Msg } from '@numerusx/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { FR_MESSAGES } from './fr-messages';
import { isFrench } from './index';

/**
 * A descriptor as it comes off the wire: the contracts type its parameters loosely (`unknown`), and
 * REST answers are not schema-checked on arrival, so the shape is checked (isMsg) before rendering.
 */
export interface WireMsg {
  readonly key: string;
  readonly params?: unknown;
}

export type ServerText = (text: string, m?: WireMsg | Msg | null) => string;

const FRENCH: readonly Catalog[] = [FR_MESSAGES, EN_MESSAGES];
const ENGLISH: readonly Catalog[] = [EN_MESSAGES];

/** French first, English for any key the French catalog lacks. */
export function catalogsFor(language: string): readonly Catalog[] {
  return isFrench(language) ? FRENCH : ENGLISH;
}

/** `m` rendered in `language`, or the English `text` when the server sent no descriptor. */
export function serverText(language: string, text: string, m?: WireMsg | Msg | null): string {
  return isMsg(m) ? renderWith(catalogsFor(language), m) : text;
}

/** The renderer for the current language; a new function when the language changes. */
export function useServerText(): ServerText {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((text, m) => serverText(language, text, m), [language]);
}

/**
 * The descriptor stored under `field` of a record, or null. Stored JSON (steps, risk verdicts,
 * signals) is `unknown` in the contract and older records have no descriptor, so the shape is
 * checked here rather than trusted.
 */
export function msgField(record: unknown, field: string): Msg | null {
  if (typeof record !== 'object' || record === null) return null;
  const value: unknown = (record as Readonly<Record<string, unknown>>)[field];
  return isMsg(value) ? value : null;
}
