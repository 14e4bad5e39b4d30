/**
 * Words for identifiers the server sends (order sides and statuses, exit reasons, regimes,
 * providers, log levels, timeframes…): the `enums` group of en.ts/fr.ts. A value the group does not
 * know (a new provider, a future status) is shown as sent rather than hidden.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Messages } from './en';
import { messagesFor } from './index';

type Enums = Messages['enums'];
export type EnumGroup = keyof Enums;

function enumsFor(language: string): Enums {
  return messagesFor(language).enums;
}

/** "1h" → "1 h" in French; labels that are not count + unit stay as they are. */
function timeframeLabel(enums: Enums, tf: string): string {
  const m = /^(\d+)([mhdw])$/.exec(tf);
  const unit = m?.[2] as keyof Enums['timeframe'] | undefined;
  if (m === null || unit === undefined) return tf;
  return enums.timeframe[unit].replace('{{n}}', m[1] ?? '');
}

export function enumLabel(
  language: string,
  group: EnumGroup,
  value: string | null | undefined,
): string {
  if (value === null || value === undefined || value === '') return '—';
  const enums = enumsFor(language);
  if (group === 'timeframe') return timeframeLabel(enums, value);
  const words: Readonly<Record<string, string>> = enums[group];
  return Object.hasOwn(words, value) ? (words[value] ?? value) : value;
}

export type EnumLabel = (group: EnumGroup, value: string | null | undefined) => string;

/** The labeller for the current language; a new function when the language changes. */
export function useEnumLabel(): EnumLabel {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((group, value) => enumLabel(language, group, value), [language]);
}
