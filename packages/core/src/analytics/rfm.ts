import { scoreDimension } from './_rank.ts';
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
 * (recency days < reference, orders > reference, spend > reference; same on scores). Strict, because
 * the median of frequency is usually 1: with ≥ every one-time buyer would count as frequent.
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

/** Computes R/F/M scores and the eight classic segments: O(n) for R and F, O(n log n) for M. */
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
  const rd = scoreDimension(rv, false);
  const fd = scoreDimension(fv, true);
  const md = scoreDimension(mv, true);
  const byScore = opts.basis === 'score';
  const pick = (d: { mean: number; median: number }): number => (opts.reference === 'mean' ? d.mean : d.median);
  const reference = byScore
    ? { recency: pick(scoreDimension(Float64Array.from(rd.score), true)), frequency: pick(scoreDimension(Float64Array.from(fd.score), true)), monetary: pick(scoreDimension(Float64Array.from(md.score), true)) }
    : { recency: pick(rd), frequency: pick(fd), monetary: pick(md) };
  const r = new Uint8Array(n);
  const f = new Uint8Array(n);
  const m = new Uint8Array(n);
  const segment = new Uint8Array(n).fill(NO_SEGMENT);
  for (let c = 0, k = 0; c < n; c++) {
    if (facts.validOrders[c]! === 0) continue;
    const rs = rd.score[k]!;
    const fs = fd.score[k]!;
    const ms = md.score[k]!;
    r[c] = rs;
    f[c] = fs;
    m[c] = ms;
    const recent = byScore ? rs > reference.recency : rv[k]! < reference.recency;
    const frequent = byScore ? fs > reference.frequency : fv[k]! > reference.frequency;
    const high = byScore ? ms > reference.monetary : mv[k]! > reference.monetary;
    segment[c] = rfmSegmentIndex(recent, frequent, high);
    k++;
  }
  return { buyers, recencyDays, r, f, m, segment, reference, options: opts };
}
