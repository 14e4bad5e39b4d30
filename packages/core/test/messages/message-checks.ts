/** What the message suites share: the keys a message uses, and a stand-in translation. */
import { EN_MESSAGES } from '../../src/messages/en.js';
import { isMsg, renderWith, type Catalog, type Msg } from '../../src/messages/msg.js';

/** Every key a message uses, its nested parameters' included. */
export function keysIn(m: Msg, into: Set<string> = new Set()): Set<string> {
  into.add(m.key);
  for (const value of Object.values(m.params ?? {})) {
    if (Array.isArray(value)) value.forEach((v: Msg) => keysIn(v, into));
    else if (isMsg(value)) keysIn(value, into);
  }
  return into;
}

/** The catalog with every template's words in capitals: a stand-in for a full translation. */
function shout(c: Catalog): Catalog {
  return Object.fromEntries(
    Object.entries(c).map(([k, v]) => [
      k,
      typeof v === 'string'
        ? v
            .split(/(\{\{\s*\w+\s*\}\})/)
            .map((part, i) => (i % 2 === 0 ? part.toUpperCase() : part))
            .join('')
        : shout(v),
    ]),
  );
}
const SHOUTED = shout(EN_MESSAGES);

/** `m` rendered with the shouted catalog: any lowercase word left came from outside a template. */
export const shouted = (m: Msg): string => renderWith([SHOUTED], m);
