import { schemaIssues, type AnswerSchema } from './schema.js';
import type { Validation } from './types.js';

export type ParsedAnswer<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly validation: Validation & { readonly ok: false } };

/**
 * Reads a model's answer text as JSON and checks it against `schema`. `T` must be the TypeScript
 * twin of `schema` (answer-schemas.ts keeps them side by side): the check is what makes the cast safe.
 */
export function parseAnswer<T>(text: string, schema: AnswerSchema): ParsedAnswer<T> {
  const body = unfence(text);
  if (body === '') return invalid('malformed-json', ['the answer is empty']);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return invalid('malformed-json', [`the answer is not JSON: ${why}`]);
  }
  const issues = schemaIssues(value, schema);
  if (issues.length > 0) return invalid('schema', issues);
  return { ok: true, value: value as T };
}

/**
 * Without json_schema support (the json_object fallback, or a server that ignores response_format)
 * models often wrap JSON in a ``` fence or a sentence; the outermost {…} is the answer then.
 */
function unfence(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return trimmed;
  const first = trimmed.indexOf('{');
  const last = trimmed.lastIndexOf('}');
  return first >= 0 && last > first ? trimmed.slice(first, last + 1) : trimmed;
}

function invalid(
  reason: 'malformed-json' | 'schema',
  issues: string[],
): { ok: false; validation: Validation & { ok: false } } {
  return { ok: false, validation: { ok: false, reason, issues } };
}
