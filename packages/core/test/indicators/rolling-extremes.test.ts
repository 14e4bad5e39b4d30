import { describe, expect, it } from 'vitest';
import { RollingExtremes, rollingHighLow } from '../../src/indicators/rolling-extremes.js';

/** The obvious O(n·period) answer, to check both fast forms against. */
function naive(values: readonly number[], period: number, from: number): number[][] {
  return values.map((_, i) => {
    if (i - from < period - 1) return [NaN, NaN];
    const window = values.slice(i - period + 1, i + 1);
    return [Math.max(...window), Math.min(...window)];
  });
}

// Shapes that stress the two methods: rescans on every step (falling, rising), ties, noise.
const falling = Array.from({ length: 60 }, (_, i) => 100 - i);
const rising = Array.from({ length: 60 }, (_, i) => i);
const ties = Array.from({ length: 60 }, (_, i) => Math.floor(i / 7) % 3);
const noise = Array.from(
  { length: 200 },
  (_, i) => Math.sin(i * 12.9898) * 43758.5453 - Math.floor(Math.sin(i * 12.9898) * 43758.5453),
);

describe('rolling highest/lowest', () => {
  it.each([
    ['falling', falling],
    ['rising', rising],
    ['ties', ties],
    ['noise', noise],
  ])('batch and streaming equal the naive window on a %s series', (_name, values) => {
    for (const period of [1, 2, 3, 14, 59]) {
      for (const from of [0, 5]) {
        const expected = naive(values, period, from);
        const batch = rollingHighLow(values, values, period, from);
        expect(Array.from(batch.highest), `period ${period} from ${from}`).toEqual(
          expected.map((e) => e[0]),
        );
        expect(Array.from(batch.lowest), `period ${period} from ${from}`).toEqual(
          expected.map((e) => e[1]),
        );
      }
      const stream = new RollingExtremes(period);
      values.forEach((v, i) => {
        stream.push(v, v);
        if (i >= period - 1)
          expect([stream.highest, stream.lowest]).toEqual(naive(values, period, 0)[i]);
      });
    }
  });
});
