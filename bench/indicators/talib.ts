// TA-Lib as a contender: a definition's TalibCall run through the native binding, its outputs
// padded back to the input's length.
import type { Cell } from '../compare.js';
import { talibColumn, type Talib } from '../peers.js';
import type { SeriesView } from '../series.js';
import { impl, none, type ImplOrReason, type TalibCall } from './contenders.js';

export function talibImpl(
  talib: Talib | null,
  call: TalibCall | string,
  talibReason: string,
): ImplOrReason {
  if (typeof call === 'string') return none(call);
  if (!talib) return none(talibReason);
  const run = (v: SeriesView) =>
    talib.execute({
      name: call.name,
      startIdx: 0,
      endIdx: v.length - 1,
      ...call.inputs(v),
      ...call.options,
    });
  return impl(
    run,
    (r) => {
      const cols: Record<string, Cell[]> = {};
      for (const [col, out] of Object.entries(call.outputs)) {
        cols[col] = talibColumn(r, out, r.begIndex + r.nbElement);
      }
      return cols;
    },
    call.note,
  );
}
