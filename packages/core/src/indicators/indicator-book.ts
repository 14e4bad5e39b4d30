import type { Candle } from '../candles/types.js';
import { ValidationError } from '../errors.js';
import {
  describeIndicatorColumns,
  resolveIndicatorColumnStream,
  type IndicatorStreamStep,
} from './columns.js';

/** The candle's own fields, readable by name next to the indicator columns. */
export const RAW_CANDLE_FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;
export type RawCandleField = (typeof RAW_CANDLE_FIELDS)[number];

function isRawField(name: string): name is RawCandleField {
  return (RAW_CANDLE_FIELDS as readonly string[]).includes(name);
}

/** Whether `name` is in the IndicatorBook vocabulary (a raw candle field or an indicator column). */
export function isIndicatorBookName(name: string): boolean {
  return isRawField(name) || resolveIndicatorColumnStream(name) !== undefined;
}

/** One line per accepted name form, for help texts and error messages. */
export function describeIndicatorBookNames(): string[] {
  return [
    `${RAW_CANDLE_FIELDS.join(', ')}: the candle's own fields`,
    ...describeIndicatorColumns(),
  ];
}

interface Stream {
  readonly step: IndicatorStreamStep;
  readonly out: Float64Array;
}

/** Where a registered name's latest value lives: a slot of a shared stream output, or a raw field. */
type Slot =
  | { readonly kind: 'stream'; readonly out: Float64Array; readonly slot: number }
  | { readonly kind: 'raw'; readonly field: RawCandleField };

/**
 * The streaming twin of {@link computeIndicatorColumns}: it holds the latest value of each named
 * column (same vocabulary, same numbers bit for bit) plus the raw candle fields `open, high, low,
 * close, volume`, updated one closed candle at a time.
 *
 * - `update(candle)` feeds each underlying indicator once, whatever the number of names reading it
 *   (`macd`, `macd_signal` and `macd_hist` are one MACD stream; `adx14`, `plus_di14`, `minus_di14` one
 *   ADX stream): O(1) per name (O(period) where the indicator itself is, e.g. WMA, CCI).
 * - `value(name)` is the value for the last candle fed, NaN during the warm-up (and before the
 *   first candle, raw fields included). Reading a name that was never registered is refused.
 * - `add(names)` registers more names later. A name whose indicator is not fed yet starts warming up
 *   from the next candle: its values then match the batch columns computed over the candles fed
 *   from that moment, not over the whole history. A name that shares a stream already fed (adding
 *   `macd_signal` to a book reading `macd`), a raw field, or a name already registered is served at
 *   once with the existing history.
 *
 * Candles must be fed in order, each once, closed; the book does not validate them (the series
 * builders do). Pure: no clock, no I/O.
 */
export class IndicatorBook {
  private readonly streams = new Map<string, Stream>();
  private readonly order: Stream[] = [];
  private readonly slots = new Map<string, Slot>();
  private last: Candle | undefined;

  /** Refuses unknown names and invalid periods (ValidationError) before registering any. */
  constructor(names: readonly string[]) {
    this.add(names);
  }

  /** The registered names, in registration order. */
  get names(): string[] {
    return [...this.slots.keys()];
  }

  /**
   * Registers more names (see the class doc for their warm-up). All-or-nothing: when one name is
   * unknown or its period is out of range, none is added.
   */
  add(names: readonly string[]): void {
    const unknown = names.filter((n) => !isIndicatorBookName(n));
    if (unknown.length > 0) {
      throw new ValidationError(
        `unknown indicator name${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Accepted: ${describeIndicatorBookNames().join('; ')}`,
        { unknown },
      );
    }
    const newStreams = new Map<string, Stream>();
    const newSlots = new Map<string, Slot>();
    for (const name of names) {
      if (this.slots.has(name) || newSlots.has(name)) continue;
      if (isRawField(name)) {
        newSlots.set(name, { kind: 'raw', field: name });
        continue;
      }
      const spec = resolveIndicatorColumnStream(name)!;
      let stream = this.streams.get(spec.key) ?? newStreams.get(spec.key);
      if (!stream) {
        stream = { step: create(name, spec.create), out: new Float64Array(spec.width).fill(NaN) };
        newStreams.set(spec.key, stream);
      }
      newSlots.set(name, { kind: 'stream', out: stream.out, slot: spec.slot });
    }
    for (const [key, stream] of newStreams) {
      this.streams.set(key, stream);
      this.order.push(stream);
    }
    for (const [name, slot] of newSlots) this.slots.set(name, slot);
  }

  /** Folds one closed candle into every registered indicator. */
  update(candle: Candle): void {
    for (const s of this.order) s.step(candle, s.out);
    this.last = candle;
  }

  /** The latest value of a registered name; NaN during its warm-up. */
  value(name: string): number {
    const slot = this.slots.get(name);
    if (!slot) {
      throw new ValidationError(
        `indicator "${name}" is not registered in this IndicatorBook; add() it first`,
        { name },
      );
    }
    if (slot.kind === 'stream') return slot.out[slot.slot]!;
    return this.last ? this.last[slot.field] : Number.NaN;
  }
}

/** Builds a stream, naming the column in the message when its period is refused. */
function create(name: string, make: () => IndicatorStreamStep): IndicatorStreamStep {
  try {
    return make();
  } catch (err) {
    if (err instanceof ValidationError) {
      throw new ValidationError(`indicator "${name}": ${err.message}`, {
        name,
        cause: err.message,
      });
    }
    throw err;
  }
}
