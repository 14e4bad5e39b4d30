/**
 * What a failed call says to the reader. The server answers `{error: {code, message}}` with an
 * English message; English shows that message (it is the most specific), French says the code in
 * its own words (the `errors` group of en.ts/fr.ts), or renders the message descriptor the server
 * attached (`details.messageMsg`) when there is one.
 */
import { listSeparatorOf } from '@numerusx/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../api/errors';
import { isFrench, messagesFor } from './index';
import { catalogsFor, msgField, serverText } from './server-text';

export function errorText(language: string, error: unknown): string {
  const common = messagesFor(language).common;
  if (!(error instanceof ApiError)) {
    // Not the server's answer (a bug, a browser failure): its message is a developer's English.
    return error instanceof Error && !isFrench(language) ? error.message : common.unknownError;
  }
  if (!isFrench(language)) return error.message;
  const described = msgField(error.details, 'messageMsg');
  if (described !== null) return serverText(language, error.message, described);
  const errors = messagesFor(language).errors;
  const codes: Readonly<Record<string, string>> = errors.codes;
  const known = Object.hasOwn(codes, error.code) ? codes[error.code] : undefined;
  return known ?? errors.generic.replace('{{code}}', error.code);
}

/**
 * A risk veto's reasons in the reader's language, from `details.reasons[].messageMsg`; null when
 * the answer carries none (then the veto is said by its code).
 */
export function vetoReasons(language: string, error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const reasons = error.details?.['reasons'];
  if (!Array.isArray(reasons) || reasons.length === 0) return null;
  const texts: string[] = [];
  for (const r of reasons as readonly unknown[]) {
    const m = msgField(r, 'messageMsg');
    if (m === null) return null;
    texts.push(serverText(language, '', m));
  }
  return texts.join(listSeparatorOf(catalogsFor(language)));
}

/** Field → problem from a refusal naming fields; French cannot reword the server's reason. */
export function fieldErrorsIn(language: string, error: unknown): Readonly<Record<string, string>> {
  const fields = fieldErrors(error);
  if (!isFrench(language)) return fields;
  const refused = messagesFor(language).errors.fieldRefused;
  return Object.fromEntries(Object.keys(fields).map((k) => [k, refused]));
}

/** errorText for the current language. */
export function useErrorText(): (error: unknown) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((error) => errorText(language, error), [language]);
}

/** fieldErrorsIn for the current language. */
export function useFieldErrors(error: unknown): Readonly<Record<string, string>> {
  const { i18n } = useTranslation();
  return fieldErrorsIn(i18n.language, error);
}
