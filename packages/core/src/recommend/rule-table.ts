/**
 * Rule tables "A → B" for both kinds of association, and the bounded pair counter behind them.
 *
 * Measures, with N transactions, n_A transactions holding A (as antecedent), n_B holding B (as
 * consequent) and n_AB holding both:
 *   support = n_AB / N,  confidence = n_AB / n_A,  lift = confidence / (n_B / N).
 * Pairs are counted exactly in a dense matrix restricted to *frequent* SKUs (max(n_A, n_B) ≥
 * minSupportCount, since n_AB ≤ min(n_A, n_B)); when frequent² exceeds `maxPairCells` the antecedents are processed in
 * row chunks, one pass over the data per chunk, so memory stays at `maxPairCells` × 4 bytes. Only the
 * best `maxRulesPerSku` consequents per antecedent are kept.
 */

/** Thresholds and memory bounds shared by the miners. */
export interface RuleThresholds {
  /** Minimum n_AB (default 5). */
  readonly minSupportCount?: number;
  /** Minimum confidence (default 0.02). */
  readonly minConfidence?: number;
  /** Minimum lift (default 1.2): B must be this much likelier after A than on average. */
  readonly minLift?: number;
  /** Consequents kept per antecedent, best confidence first (default 20). */
  readonly maxRulesPerSku?: number;
  /** Pair-count cells in memory at once (Int32; default 2^25 = 128 MiB). */
  readonly maxPairCells?: number;
}

/** Kind of a rule table: same basket, or a later order of the same customer. */
export type RuleKind = 'together' | 'after';

/**
 * Rules in compressed rows: the rules of antecedent SKU `a` are rows `start[a] .. start[a+1]`, sorted
 * by confidence descending (then lift descending, then consequent id ascending).
 */
export interface RuleTable {
  readonly kind: RuleKind;
  /** N: baskets (together) or customers with a follow-up order (after). */
  readonly transactions: number;
  /** n_A per SKU id. */
  readonly antecedentCount: Int32Array;
  /** n_B per SKU id (equal to `antecedentCount` for `together`). */
  readonly consequentCount: Int32Array;
  /** Length skuCount + 1. */
  readonly start: Int32Array;
  readonly consequent: Int32Array;
  /** n_AB. */
  readonly count: Int32Array;
  readonly support: Float64Array;
  readonly confidence: Float64Array;
  readonly lift: Float64Array;
}

/** Counts pairs (a, b) for antecedents whose frequent id lies in the current row chunk. */
export class PairMatrix {
  /** Frequent id per SKU id, −1 when infrequent. */
  readonly fid: Int32Array;
  readonly frequent: number;
  readonly cells: Int32Array;
  rowFrom = 0;
  rowTo = 0;
  constructor(fid: Int32Array, frequent: number, maxCells: number) {
    this.fid = fid;
    this.frequent = frequent;
    const rows = Math.max(1, Math.min(frequent, Math.floor(maxCells / Math.max(1, frequent))));
    this.cells = new Int32Array(rows * frequent);
  }
  /** Rows per chunk. */
  get chunkRows(): number {
    return this.frequent === 0 ? 0 : this.cells.length / this.frequent;
  }
  /** Adds one to (a, b), given as frequent ids; ignored when a is outside the chunk. */
  add(fa: number, fb: number): void {
    if (fa < this.rowFrom || fa >= this.rowTo) return;
    const k = (fa - this.rowFrom) * this.frequent + fb;
    this.cells[k] = this.cells[k]! + 1;
  }
}

/** Frequent ids: SKUs with `count ≥ min` numbered in SKU order; −1 otherwise. */
export function frequentIds(count: Int32Array, min: number): { fid: Int32Array; sku: Int32Array } {
  const fid = new Int32Array(count.length).fill(-1);
  let f = 0;
  for (let s = 0; s < count.length; s++) if (count[s]! >= min) fid[s] = f++;
  const sku = new Int32Array(f);
  for (let s = 0; s < count.length; s++) if (fid[s]! >= 0) sku[fid[s]!] = s;
  return { fid, sku };
}

/**
 * Runs `fill` once per row chunk of the pair matrix and keeps the best rules of each antecedent.
 * `ante`/`cons` are n_A / n_B per SKU id; `fill` must call `matrix.add` for every counted pair.
 */
export function buildRuleTable(kind: RuleKind, transactions: number, ante: Int32Array, cons: Int32Array, options: RuleThresholds, fill: (matrix: PairMatrix) => void): RuleTable {
  const minCount = Math.max(1, options.minSupportCount ?? 5);
  const minConf = options.minConfidence ?? 0.02;
  const minLift = options.minLift ?? 1.2;
  const cap = Math.max(1, options.maxRulesPerSku ?? 20);
  const skuCount = ante.length;
  // A SKU takes part only when it can reach minCount on at least one side of a pair.
  const either = new Int32Array(skuCount);
  for (let s = 0; s < skuCount; s++) either[s] = Math.max(ante[s]!, cons[s]!);
  const { fid, sku } = frequentIds(either, minCount);
  const f = sku.length;
  const matrix = new PairMatrix(fid, f, options.maxPairCells ?? 1 << 25);
  const rowsOut = new Int32Array(skuCount);
  const outB = new Int32Array(f * Math.min(cap, f));
  const outN = new Int32Array(outB.length);
  let nOut = 0;
  const topB = new Int32Array(cap);
  const topN = new Int32Array(cap);
  const topC = new Float64Array(cap);
  const topL = new Float64Array(cap);
  const firstOut = new Int32Array(skuCount).fill(-1);
  for (let r0 = 0; r0 < f; r0 += matrix.chunkRows) {
    matrix.rowFrom = r0;
    matrix.rowTo = Math.min(f, r0 + matrix.chunkRows);
    matrix.cells.fill(0);
    fill(matrix);
    for (let fa = matrix.rowFrom; fa < matrix.rowTo; fa++) {
      const a = sku[fa]!;
      const nA = ante[a]!;
      let k = 0;
      const row = (fa - matrix.rowFrom) * f;
      for (let fb = 0; fb < f; fb++) {
        const n = matrix.cells[row + fb]!;
        if (n < minCount || fb === fa) continue;
        const b = sku[fb]!;
        const conf = n / nA;
        const lift = (conf * transactions) / cons[b]!;
        if (conf < minConf || lift < minLift) continue;
        // Insert into the top list (confidence desc, lift desc; b ascending is the scan order).
        let i = k < cap ? k++ : cap;
        if (i === cap && !(conf > topC[cap - 1]! || (conf === topC[cap - 1]! && lift > topL[cap - 1]!))) continue;
        if (i === cap) i = cap - 1;
        while (i > 0 && (topC[i - 1]! < conf || (topC[i - 1]! === conf && topL[i - 1]! < lift))) {
          topB[i] = topB[i - 1]!;
          topN[i] = topN[i - 1]!;
          topC[i] = topC[i - 1]!;
          topL[i] = topL[i - 1]!;
          i--;
        }
        topB[i] = b;
        topN[i] = n;
        topC[i] = conf;
        topL[i] = lift;
      }
      firstOut[a] = nOut;
      rowsOut[a] = k;
      for (let i = 0; i < k; i++) {
        outB[nOut] = topB[i]!;
        outN[nOut++] = topN[i]!;
      }
    }
  }
  return assemble(kind, transactions, ante, cons, firstOut, rowsOut, outB, outN);
}

/** Lays the kept rules out by antecedent SKU id and computes the measures. */
function assemble(kind: RuleKind, transactions: number, ante: Int32Array, cons: Int32Array, firstOut: Int32Array, rows: Int32Array, outB: Int32Array, outN: Int32Array): RuleTable {
  const skuCount = ante.length;
  const start = new Int32Array(skuCount + 1);
  for (let a = 0; a < skuCount; a++) start[a + 1] = start[a]! + rows[a]!;
  const total = start[skuCount]!;
  const consequent = new Int32Array(total);
  const count = new Int32Array(total);
  const support = new Float64Array(total);
  const confidence = new Float64Array(total);
  const lift = new Float64Array(total);
  for (let a = 0; a < skuCount; a++) {
    const from = firstOut[a]!;
    for (let i = 0; i < rows[a]!; i++) {
      const r = start[a]! + i;
      const b = outB[from + i]!;
      const n = outN[from + i]!;
      consequent[r] = b;
      count[r] = n;
      support[r] = n / transactions;
      confidence[r] = n / ante[a]!;
      lift[r] = (confidence[r]! * transactions) / cons[b]!;
    }
  }
  return { kind, transactions, antecedentCount: ante, consequentCount: cons, start, consequent, count, support, confidence, lift };
}
