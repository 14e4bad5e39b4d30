/**
 * The order ticket's logic, apart from its form: turns what the user typed into the POST /orders
 * body of the chosen type and checks it against that type's contract schema before anything is
 * sent, so the user sees a problem next to the form instead of a round trip to a 400.
 */
import { OrderRequestVariants, type OrderRequestBody } from '@numerusx/contracts';
import { Value } from '@sinclair/typebox/value';

export type Variant = keyof typeof OrderRequestVariants;
export const VARIANTS = Object.keys(OrderRequestVariants) as Variant[];

export interface TicketForm {
  readonly variant: Variant;
  readonly pair: string;
  readonly side: 'buy' | 'sell';
  /** quote: an amount of quote currency; base: a quantity; all: the whole position (sells). */
  readonly sizeBy: 'quote' | 'base' | 'all';
  readonly amount: string;
  readonly price: string;
  readonly stopPrice: string;
  readonly entryPrice: string;
  readonly takeProfitPrice: string;
  readonly trailPercent: string;
  readonly count: string;
  readonly everyBars: string;
  readonly stepPct: string;
  readonly scale: string;
  readonly maxSafetyOrders: string;
  readonly condition: string;
  readonly tif: string;
}

export const EMPTY_TICKET: TicketForm = {
  variant: 'market',
  pair: 'SOL/USDT',
  side: 'buy',
  sizeBy: 'quote',
  amount: '',
  price: '',
  stopPrice: '',
  entryPrice: '',
  takeProfitPrice: '',
  trailPercent: '',
  count: '',
  everyBars: '',
  stepPct: '',
  scale: '1',
  maxSafetyOrders: '',
  condition: '',
  tif: 'GTC',
};

/** Which inputs a type uses (the form shows only those). */
export type Field =
  | 'side'
  | 'size'
  | 'price'
  | 'stopPrice'
  | 'entryPrice'
  | 'takeProfitPrice'
  | 'trailPercent'
  | 'count'
  | 'everyBars'
  | 'stepPct'
  | 'scale'
  | 'maxSafetyOrders'
  | 'condition'
  | 'tif';

export const FIELDS: Readonly<Record<Variant, readonly Field[]>> = {
  market: ['side', 'size'],
  limit: ['side', 'size', 'price', 'tif'],
  'stop-loss': ['size', 'stopPrice'],
  'take-profit': ['size', 'price'],
  'trailing-stop': ['size', 'trailPercent'],
  bracket: ['size', 'entryPrice', 'stopPrice', 'takeProfitPrice'],
  'dca:schedule': ['size', 'count', 'everyBars'],
  'dca:safety': ['size', 'stepPct', 'scale', 'maxSafetyOrders'],
  conditional: ['side', 'size', 'condition'],
};

/** The side a type implies: stops and targets sell what is held; brackets and DCA buy. */
export function sideOf(form: TicketForm): 'buy' | 'sell' {
  if (FIELDS[form.variant].includes('side')) return form.side;
  return ['stop-loss', 'take-profit', 'trailing-stop'].includes(form.variant) ? 'sell' : 'buy';
}

/** How the size may be given for this type and side; the first is the default. */
export function sizeChoices(form: TicketForm): readonly TicketForm['sizeBy'][] {
  if (form.variant.startsWith('dca')) return ['quote'];
  return sideOf(form) === 'sell' ? ['all', 'base'] : ['quote', 'base'];
}

/** The size mode in force: the user's pick when this type allows it, else the type's default. */
export function effectiveSizeBy(form: TicketForm): TicketForm['sizeBy'] {
  const choices = sizeChoices(form);
  return choices.includes(form.sizeBy) ? form.sizeBy : (choices[0] ?? 'quote');
}

/** '' → absent; anything else a number (NaN for junk, which the schema refuses). */
const n = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

function definedOnly(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** The body the form describes, before validation. */
export function toBody(form: TicketForm): Record<string, unknown> {
  const side = sideOf(form);
  const sizeBy = effectiveSizeBy(form);
  const size =
    sizeBy === 'all'
      ? { qty: 'all' }
      : sizeBy === 'base'
        ? { qty: n(form.amount) }
        : { quoteAmount: n(form.amount) };
  const base = { pair: form.pair };
  switch (form.variant) {
    case 'market':
      return definedOnly({ ...base, type: 'market', side, ...size });
    case 'limit':
      return definedOnly({
        ...base,
        type: 'limit',
        side,
        ...size,
        price: n(form.price),
        tif: form.tif,
      });
    case 'stop-loss':
      return definedOnly({
        ...base,
        type: 'stop-loss',
        side: 'sell',
        stopPrice: n(form.stopPrice),
        ...sellSize(form),
      });
    case 'take-profit':
      return definedOnly({
        ...base,
        type: 'take-profit',
        side: 'sell',
        price: n(form.price),
        ...sellSize(form),
      });
    case 'trailing-stop':
      return definedOnly({
        ...base,
        type: 'trailing-stop',
        side: 'sell',
        trail: { percent: n(form.trailPercent) },
        ...sellSize(form),
      });
    case 'bracket':
      return definedOnly({
        ...base,
        type: 'bracket',
        side: 'buy',
        ...size,
        entryPrice: n(form.entryPrice),
        stopPrice: n(form.stopPrice),
        takeProfitPrice: n(form.takeProfitPrice),
      });
    case 'dca:schedule':
      return definedOnly({
        ...base,
        type: 'dca',
        mode: 'schedule',
        side: 'buy',
        quoteAmount: n(form.amount),
        count: n(form.count),
        everyBars: n(form.everyBars),
      });
    case 'dca:safety':
      return definedOnly({
        ...base,
        type: 'dca',
        mode: 'safety',
        side: 'buy',
        quoteAmount: n(form.amount),
        stepPct: n(form.stepPct),
        scale: n(form.scale),
        maxSafetyOrders: n(form.maxSafetyOrders),
      });
    case 'conditional':
      return definedOnly({
        ...base,
        type: 'conditional',
        side,
        ...size,
        condition: form.condition.trim(),
      });
  }
}

function sellSize(form: TicketForm): Record<string, unknown> {
  return effectiveSizeBy(form) === 'base' ? { qty: n(form.amount) } : { qty: 'all' };
}

export type Checked =
  | { readonly ok: true; readonly body: OrderRequestBody }
  | {
      readonly ok: false;
      readonly field: string;
      /** The problem in English (the schema's words); `missing` lets a translation say it. */
      readonly message: string;
      readonly missing: boolean;
    };

/** The body if it matches its type's schema, else the first problem and where it is. */
export function checkTicket(form: TicketForm): Checked {
  const body = toBody(form);
  const schema = OrderRequestVariants[form.variant];
  // The schemas leave the size optional (a sell defaults to the whole position); the server
  // then wants exactly one size on a buy. An empty amount must not silently mean "all".
  const sizeBy = effectiveSizeBy(form);
  const sizeField = sizeBy === 'base' ? 'qty' : 'quoteAmount';
  if (sizeBy !== 'all' && form.amount.trim() === '' && FIELDS[form.variant].includes('size')) {
    return { ok: false, field: sizeField, message: `${sizeField} is required`, missing: true };
  }
  if (Value.Check(schema, body)) return { ok: true, body };
  const first = Value.Errors(schema, body).First();
  const field = first?.path.replace(/^\//, '').split('/')[0] ?? '';
  const missing = first !== undefined && first.value === undefined;
  return {
    ok: false,
    field: field === '' ? 'form' : field,
    message: missing ? `${field} is required` : `${field}: ${first?.message ?? 'invalid'}`,
    missing,
  };
}
