import { countAtOrBelow, countBelow, quantileSorted } from './_stats.ts';
import type { CustomerFacts } from './facts.ts';
import { NO_SEGMENT, rfmSegmentIndex } from './rfm-segments.ts';

/**
 * Options for `computeRfm`.
 * - `reference`: the shop's `mean` (default, the classic method) or `median`, over buyers.
 * - `basis`: compare raw values (default, classic: recency days, valid orders, net spend) or the 1–5
 *   scores with the reference taken over the scores.
 */
export interface RfmOptions {
  readonly reference?: 'mean' | 'median';
  readonly basis?: 'value' | 'score';
}

/**
 * RFM scores and segments. Buyers are customers with ≥ 1 valid order (as of `facts.asOfDay`);
 * everyone else has scores 0 and segment `NO_SEGMENT`.
 *
 * Dimensions: R = days since the last valid order (fewer = better), F = valid orders, M = net spend.
 *
 * Scores (1–5, 5 = best) are rank percentiles with ties sharing the lowest rank:
 * `score = 1 + floor(5 * worse / buyers)` where `worse` counts buyers strictly worse on that
 * dimension (F, M: strictly smaller value; R: strictly more days). Equal values therefore always get
 * equal scores; with all values distinct this is exactly quintiles. Frequency ties at 1 order all
 * get 1 (nobody is worse than them), unlike NTILE which would split them across scores.
 *
 * Segments: a buyer is "recent" / "frequent" / "high" when strictly better than the reference
 * (recency days < reference, orders > reference, spend > reference). Strict, because the median of
 * frequency is usually 1: with ≥ every one-time buyer would count as frequent.
 */
export interface RfmResult {
  readonly buyers: number;
  /** Days since the last valid order; -1 for non-buyers. */
  readonly recencyDays: Int32Array;
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  /** Index into `RFM_SEGMENTS`, or `NO_SEGMENT`. */
  readonly segment: Uint8Array;
  /** The reference values used for the segment comparisons (in the chosen basis). */
  readonly reference: { readonly recency: number; readonly frequency: number; readonly monetary: number };
  readonly options: Required<RfmOptions>;
}

/** Computes R/F/M scores and the eight classic segments; O(n log n) for three sorts of buyer values. */
export function computeRfm(facts: CustomerFacts, options: RfmOptions = {}): RfmResult {
  const opts: Required<RfmOptions> = { reference: options.reference ?? 'mean', basis: options.basis ?? 'value' };
  const n = facts.customerCount;
  const recencyDays = new Int32Array(n).fill(-1);
  let buyers = 0;
  for (let c = 0; c < n; c++) if (facts.validOrders[c]! > 0) buyers++;
  const rv = new Float64Array(buyers);
  const fv = new Float64Array(buyers);
  const mv = new Float64Array(buyers);
  for (let c = 0, k = 0; c < n; c++) {
    if (facts.validOrders[c]! === 0) continue;
    const rec = facts.asOfDay - facts.lastDay[c]!;
    recencyDays[c] = rec;
    rv[k] = rec;
    fv[k] = facts.validOrders[c]!;
    mv[k] = facts.netCents[c]!;
    k++;
  }
  const rSorted = rv.slice().sort();
  const fSorted = fv.slice().sort();
  const mSorted = mv.slice().sort();
  const r = new Uint8Array(n);
  const f = new Uint8Array(n);
  const m = new Uint8Array(n);
  for (let c = 0, k = 0; c < n; c++) {
    if (facts.validOrders[c]! === 0) continue;
    r[c] = 1 + Math.floor((5 * (buyers - countAtOrBelow(rSorted, rv[k]!))) / buyers);
    f[c] = 1 + Math.floor((5 * countBelow(fSorted, fv[k]!)) / buyers);
    m[c] = 1 + Math.floor((5 * countBelow(mSorted, mv[k]!)) / buyers);
    k++;
  }
  const segment = new Uint8Array(n).fill(NO_SEGMENT);
  const byScore = opts.basis === 'score';
  const reference = byScore
    ? { recency: referenceOfScores(r, facts, opts.reference), frequency: referenceOfScores(f, facts, opts.reference), monetary: referenceOfScores(m, facts, opts.reference) }
    : { recency: referenceOf(rSorted, opts.reference), frequency: referenceOf(fSorted, opts.reference), monetary: referenceOf(mSorted, opts.reference) };
  for (let c = 0; c < n; c++) {
    if (facts.validOrders[c]! === 0) continue;
    const recent = byScore ? r[c]! > reference.recency : recencyDays[c]! < reference.recency;
    const frequent = byScore ? f[c]! > reference.frequency : facts.validOrders[c]! > reference.frequency;
    const high = byScore ? m[c]! > reference.monetary : facts.netCents[c]! > reference.monetary;
    segment[c] = rfmSegmentIndex(recent, frequent, high);
  }
  return { buyers, recencyDays, r, f, m, segment, reference, options: opts };
}

function referenceOf(sorted: Float64Array, kind: 'mean' | 'median'): number {
  if (kind === 'median') return quantileSorted(sorted, 0, sorted.length, 0.5);
  let s = 0;
  for (let i = 0; i < sorted.length; i++) s += sorted[i]!;
  return sorted.length === 0 ? Number.NaN : s / sorted.length;
}

function referenceOfScores(scores: Uint8Array, facts: CustomerFacts, kind: 'mean' | 'median'): number {
  const hist = new Float64Array(6);
  let total = 0;
  for (let c = 0; c < scores.length; c++) {
    if (facts.validOrders[c]! === 0) continue;
    hist[scores[c]!]!++;
    total++;
  }
  if (total === 0) return Number.NaN;
  if (kind === 'mean') {
    let s = 0;
    for (let v = 1; v <= 5; v++) s += v * hist[v]!;
    return s / total;
  }
  const sorted = new Float64Array(total);
  for (let v = 1, k = 0; v <= 5; v++) for (let z = 0; z < hist[v]!; z++) sorted[k++] = v;
  return quantileSorted(sorted, 0, total, 0.5);
}
