/**
 * Texts for people, as data: a key into a catalog plus parameters, so the server can store and send
 * what it means and each dashboard language can say it in its own words. The English catalog lives
 * beside the code that emits the keys; other languages live with their UI (apps/web/src/i18n).
 *
 * Templates use `{{name}}` placeholders. A parameter is a preformatted string, a number, another
 * message (rendered in the same language) or a list of messages (joined with the catalog's list
 * separator). Interpolation is our own few lines rather than a library: core has no dependencies and
 * a rendered English text must be byte-identical every time (it is stored and compared).
 */
export type MsgParam = string | number | Msg | readonly Msg[];

export interface Msg {
  readonly key: string;
  readonly params?: Readonly<Record<string, MsgParam>>;
}

/** A catalog: nested groups of templates, addressed by dotted keys ("signal.momentum.buy"). */
export interface Catalog {
  readonly [name: string]: string | Catalog;
}

/** Joins a list parameter; each catalog may override it with a top-level `listSeparator` template. */
export const LIST_SEPARATOR = '; ';

/**
 * Numbers arrive preformatted the English way ("1,299.50", "5.00%", "0.0123"), so every language
 * shows the same digits. A catalog whose top-level `decimalSeparator`, `groupSeparator` and
 * `percentSuffix` differ rewrites the separators of a parameter that is nothing but such a number
 * ("1 299,50", "5,00 %"); the digits never change and English is never rewritten.
 */
interface NumberStyle {
  readonly decimal: string;
  readonly group: string;
  readonly percent: string;
}
// Sign, integer (grouped or not), decimals, exponent (String() writes 3.2e-7), percent sign.
const NUMERAL = /^([-+−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(e[-+]\d+)?( ?%)?$/;
const numberStyleCache = new WeakMap<Catalog, NumberStyle | null | undefined>();

export function isMsg(x: unknown): x is Msg {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { key?: unknown }).key === 'string' &&
    !Array.isArray(x)
  );
}

// Flattened catalogs and parsed templates are cached: reasons are rendered once per signal in
// backtests, so the key lookup and the template split must not be paid again each time.
const flatCache = new WeakMap<Catalog, Map<string, readonly string[]>>();

/** The parsed template for `key`: literal and placeholder parts alternating, literal first. */
function partsOf(catalog: Catalog, key: string): readonly string[] | undefined {
  let flat = flatCache.get(catalog);
  if (flat === undefined) {
    flat = new Map();
    flatten(catalog, '', flat);
    flatCache.set(catalog, flat);
  }
  return flat.get(key);
}

function flatten(group: Catalog, prefix: string, into: Map<string, readonly string[]>): void {
  for (const [name, value] of Object.entries(group)) {
    const key = prefix === '' ? name : `${prefix}.${name}`;
    if (typeof value === 'string') into.set(key, value.split(/\{\{\s*(\w+)\s*\}\}/));
    else flatten(value, key, into);
  }
}

/** True when `catalog` has a template for `key`. */
export function hasTemplate(catalog: Catalog, key: string): boolean {
  return partsOf(catalog, key) !== undefined;
}

/** The placeholder names of the template for `key` (for parity tests between languages). */
export function placeholdersOf(catalog: Catalog, key: string): string[] {
  const parts = partsOf(catalog, key) ?? [];
  return parts.filter((_, i) => i % 2 === 1);
}

/** Every key of a catalog, sorted. */
export function keysOf(catalog: Catalog): string[] {
  partsOf(catalog, '');
  return [...(flatCache.get(catalog)?.keys() ?? [])].sort();
}

/**
 * Renders `m` with the first catalog that knows each key (the UI's language, then English), so a
 * key a translation lacks still reads in English instead of showing the key. An unknown key renders
 * as the key itself; a missing parameter keeps its placeholder, visible rather than silently empty.
 */
export function renderWith(catalogs: readonly Catalog[], m: Msg): string {
  let parts: readonly string[] | undefined;
  for (const c of catalogs) {
    parts = partsOf(c, m.key);
    if (parts !== undefined) break;
  }
  if (parts === undefined) return m.key;
  if (parts.length === 1) return parts[0] ?? '';
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 2 === 0) {
      out += part;
      continue;
    }
    const value = m.params?.[part];
    out += value === undefined ? `{{${part}}}` : paramText(catalogs, value);
  }
  return out;
}

function paramText(catalogs: readonly Catalog[], value: MsgParam): string {
  if (typeof value === 'string') return localNumber(catalogs, value);
  if (typeof value === 'number') return localNumber(catalogs, String(value));
  if (isMsgList(value)) {
    const sep = listSeparatorOf(catalogs);
    return value.map((v) => renderWith(catalogs, v)).join(sep);
  }
  return renderWith(catalogs, value);
}

function isMsgList(value: Msg | readonly Msg[]): value is readonly Msg[] {
  return Array.isArray(value);
}

/** The list separator of the first catalog that defines one (`listSeparator`), else `; `. */
export function listSeparatorOf(catalogs: readonly Catalog[]): string {
  for (const c of catalogs) {
    const separator = literalOf(c, 'listSeparator');
    if (separator !== undefined) return separator;
  }
  return LIST_SEPARATOR;
}

/** `text` in the catalogs' number style when it is a bare English-formatted number, else as is. */
function localNumber(catalogs: readonly Catalog[], text: string): string {
  const style = numberStyleOf(catalogs);
  if (style === null) return text;
  const m = NUMERAL.exec(text);
  if (m === null) return text;
  const [, sign = '', int = '', frac, exponent = '', percent] = m;
  return (
    sign +
    int.replaceAll(',', style.group) +
    (frac === undefined ? '' : style.decimal + frac) +
    exponent +
    (percent === undefined ? '' : style.percent)
  );
}

/** The number style of the first catalog that defines one; null when it is English's (no rewrite). */
function numberStyleOf(catalogs: readonly Catalog[]): NumberStyle | null {
  for (const c of catalogs) {
    const style = ownNumberStyle(c);
    if (style !== undefined) return style;
  }
  return null;
}

/** A catalog's own style, cached: undefined when it defines none, null when it is English's. */
function ownNumberStyle(catalog: Catalog): NumberStyle | null | undefined {
  if (numberStyleCache.has(catalog)) return numberStyleCache.get(catalog);
  const decimal = literalOf(catalog, 'decimalSeparator');
  const group = literalOf(catalog, 'groupSeparator') ?? ',';
  const percent = literalOf(catalog, 'percentSuffix') ?? '%';
  const style =
    decimal === undefined
      ? undefined
      : decimal === '.' && group === ','
        ? null
        : { decimal, group, percent };
  numberStyleCache.set(catalog, style);
  return style;
}

function literalOf(catalog: Catalog, key: string): string | undefined {
  const parts = partsOf(catalog, key);
  return parts?.length === 1 ? parts[0] : undefined;
}
