// Internal per-customer scratch state for the recommender, reused across customers (stamped, not cleared).
import type { RuleTable } from './rule-table.ts';

/** The customer's owned SKUs with last purchase day and units bought that day. */
export class History {
  readonly owner: Int32Array;
  readonly lastDay: Int32Array;
  readonly lastQty: Int32Array;
  sku = new Int32Array(64);
  n = 0;
  #row = -1;
  constructor(skuCount: number) {
    this.owner = new Int32Array(skuCount).fill(-1);
    this.lastDay = new Int32Array(skuCount);
    this.lastQty = new Int32Array(skuCount);
  }
  reset(row: number): void {
    this.#row = row;
    this.n = 0;
  }
  owns(s: number): boolean {
    return this.owner[s] === this.#row;
  }
  /** Adds a line; lines must arrive in day order. Same-day units are summed. */
  add(s: number, d: number, q: number): void {
    if (this.owner[s] !== this.#row) {
      this.owner[s] = this.#row;
      if (this.n === this.sku.length) {
        const a = new Int32Array(this.n * 2);
        a.set(this.sku);
        this.sku = a;
      }
      this.sku[this.n++] = s;
      this.lastDay[s] = d;
      this.lastQty[s] = q;
    } else if (this.lastDay[s] === d) {
      this.lastQty[s] = this.lastQty[s]! + q;
    } else {
      this.lastDay[s] = d;
      this.lastQty[s] = q;
    }
  }
}

/** Candidate SKUs with their summed rule uplift and the strongest single source. */
export class CandidateSet {
  readonly stamp: Int32Array;
  /** Σ recency weight × shrunk excess confidence over the rules pointing at the SKU. */
  readonly uplift: Float64Array;
  readonly best: Float64Array;
  readonly bestSrc: Int32Array;
  readonly bestKind: Uint8Array;
  list = new Int32Array(256);
  n = 0;
  #row = -1;
  constructor(skuCount: number) {
    this.stamp = new Int32Array(skuCount).fill(-1);
    this.uplift = new Float64Array(skuCount);
    this.best = new Float64Array(skuCount);
    this.bestSrc = new Int32Array(skuCount);
    this.bestKind = new Uint8Array(skuCount);
  }
  reset(row: number): void {
    this.#row = row;
    this.n = 0;
  }
  /** Makes `b` a candidate (no rule evidence yet). */
  touch(b: number): void {
    if (this.stamp[b] === this.#row) return;
    this.stamp[b] = this.#row;
    this.uplift[b] = 0;
    this.best[b] = 0;
    this.bestSrc[b] = -1;
    if (this.n === this.list.length) {
      const a = new Int32Array(this.n * 2);
      a.set(this.list);
      this.list = a;
    }
    this.list[this.n++] = b;
  }
  /**
   * Applies the rules of antecedent `a` with recency weight `w`, crediting reason id `kind`. Each rule
   * adds w × (n_AB − n_A·p_B) / (n_A + prior), p_B = n_B / N: its confidence shrunk towards the base
   * rate by `prior` pseudo-transactions, minus that base rate (so weak or thin rules add ~nothing).
   */
  applyRules(rules: RuleTable, a: number, w: number, kind: number, prior: number): void {
    const end = rules.start[a + 1]!;
    const nA = rules.antecedentCount[a]!;
    const scale = w / (nA + prior);
    const perN = nA / rules.transactions;
    for (let i = rules.start[a]!; i < end; i++) {
      const b = rules.consequent[i]!;
      const x = scale * (rules.count[i]! - perN * rules.consequentCount[b]!);
      if (x <= 0) continue;
      this.touch(b);
      this.uplift[b] = this.uplift[b]! + x;
      if (x > this.best[b]!) {
        this.best[b] = x;
        this.bestSrc[b] = a;
        this.bestKind[b] = kind;
      }
    }
  }
}
