import { describe, expect, it } from 'vitest';
import { scoreDimension } from './_rank.ts';

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('scoreDimension', () => {
  it('histogram and sorted paths agree (differential)', () => {
    const rand = seeded(7);
    for (const n of [1, 2, 5, 37, 1000]) {
      const ints = Float64Array.from({ length: n }, () => Math.floor(rand() * 12));
      // + 0.5 makes the values non-integral (sorted path) without changing their order.
      const halves = ints.map((v) => v + 0.5);
      // × 2^21 spreads them beyond the histogram range (sorted path), order unchanged.
      const wide = ints.map((v) => v * 2 ** 21);
      for (const higher of [true, false]) {
        const a = scoreDimension(ints, higher);
        expect(Array.from(scoreDimension(halves, higher).score)).toEqual(Array.from(a.score));
        expect(Array.from(scoreDimension(wide, higher).score)).toEqual(Array.from(a.score));
        expect(scoreDimension(halves, higher).median).toBeCloseTo(a.median + 0.5, 9);
        expect(scoreDimension(halves, higher).mean).toBeCloseTo(a.mean + 0.5, 9);
      }
    }
  });
  it('computes the median by hand', () => {
    // [3, 1, 4, 1] → sorted [1, 1, 3, 4] → (1 + 3) / 2 = 2; mean 9 / 4.
    expect(scoreDimension(Float64Array.from([3, 1, 4, 1]), true)).toMatchObject({ mean: 2.25, median: 2 });
    expect(scoreDimension(Float64Array.from([3, 1, 4]), true).median).toBe(3);
    expect(scoreDimension(new Float64Array(0), true).median).toBeNaN();
  });
});
