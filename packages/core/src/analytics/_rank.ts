// Internal: 1–5 rank-percentile scores of one RFM dimension, plus its mean and median.
import { countAtOrBelow, countBelow, quantileSorted } from './_stats.ts';

/** Scores per value (same order as the input), and the mean and type-7 median of the values. */
export interface ScoredDimension {
  readonly score: Uint8Array;
  readonly mean: number;
  readonly median: number;
}

const MAX_HISTOGRAM = 1 << 20;

/**
 * `score = 1 + floor(5 × worse / n)`, `worse` = values strictly worse (smaller when higher is
 * better, larger otherwise). Integer values in a small range (days, order counts) use a counting
 * histogram, O(n); anything else a sorted copy and binary search, O(n log n). Both give equal results.
 */
export function scoreDimension(values: Float64Array, higherIsBetter: boolean): ScoredDimension {
  const n = values.length;
  const score = new Uint8Array(n);
  if (n === 0) return { score, mean: Number.NaN, median: Number.NaN };
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let integral = true;
  for (let k = 0; k < n; k++) {
    const v = values[k]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    sum += v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  const mean = sum / n;
  if (integral && hi - lo < MAX_HISTOGRAM) {
    // below[v − lo] = values < v, for v in lo … hi + 1.
    const below = new Int32Array(hi - lo + 2);
    for (let k = 0; k < n; k++) below[values[k]! - lo + 1]!++;
    for (let b = 1; b < below.length; b++) below[b] = below[b]! + below[b - 1]!;
    for (let k = 0; k < n; k++) {
      const b = values[k]! - lo;
      const worse = higherIsBetter ? below[b]! : n - below[b + 1]!;
      score[k] = 1 + Math.floor((5 * worse) / n);
    }
    return { score, mean, median: medianFromCumulative(below, lo, n) };
  }
  const sorted = values.slice().sort();
  for (let k = 0; k < n; k++) {
    const worse = higherIsBetter ? countBelow(sorted, values[k]!) : n - countAtOrBelow(sorted, values[k]!);
    score[k] = 1 + Math.floor((5 * worse) / n);
  }
  return { score, mean, median: quantileSorted(sorted, 0, n, 0.5) };
}

/** Type-7 median from cumulative counts `below[b]` = values < lo + b. */
function medianFromCumulative(below: Int32Array, lo: number, n: number): number {
  const at = (rank: number): number => {
    // Smallest b with below[b + 1] > rank, i.e. the value holding that rank.
    let a = 0;
    let z = below.length - 2;
    while (a < z) {
      const mid = (a + z) >>> 1;
      if (below[mid + 1]! > rank) z = mid;
      else a = mid + 1;
    }
    return lo + a;
  };
  const pos = (n - 1) / 2;
  const f = Math.floor(pos);
  return f === pos ? at(f) : (at(f) + at(f + 1)) / 2;
}
