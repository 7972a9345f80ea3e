import type { LineColumns, OrderColumns } from '../analytics/columns.ts';
import type { ReplenishmentList } from '../analytics/replenishment.ts';
import type { SkuCycles } from '../analytics/sku-cycles.ts';
import { makeDueTimer } from './due-timer.ts';
import { NO_REASON, REASON_AFTER, REASON_DUE, REASON_POPULAR, REASON_TOGETHER } from './reasons.ts';
import { CandidateSet, History } from './scratch.ts';
import type { RuleTable } from './rule-table.ts';
import { computeSkuProfile, type SkuProfile, type SkuProfileOptions } from './sku-profile.ts';

/** Top-N recommendations, N slots per customer row; empty slots have sku −1 and reason `NO_REASON`. */
export interface Recommendations {
  readonly topN: number;
  /** Customer id of each row. */
  readonly customer: Int32Array;
  /** Row r, rank k at index r × topN + k. */
  readonly sku: Int32Array;
  /** Due: 1 + the SKU's repeat share. Otherwise min(1, recent buyer share + rule uplift), see `recommendForCustomers`. */
  readonly score: Float64Array;
  /** Index into `REASON_CODES`. */
  readonly reason: Uint8Array;
  /** SKU that triggered the rule (the owned SKU itself for due), −1 for popular / empty. */
  readonly source: Int32Array;
}

/** Options for `recommendForCustomers`. */
export interface RecommendOptions extends Omit<SkuProfileOptions, 'asOfDay'> {
  /** History up to this day (inclusive) is used. */
  readonly asOfDay: number;
  /** Slots per customer (default 5). */
  readonly topN?: number;
  /** Customer ids to recommend for, ascending (default all `0 .. customerCount−1`). */
  readonly customers?: Int32Array;
  /** Rules from `mineCoPurchaseRules` / `mineSequentialRules` (either may be left out). */
  readonly together?: RuleTable;
  readonly after?: RuleTable;
  /** Precomputed profile (else computed with the profile options here). */
  readonly profile?: SkuProfile;
  /** SKU cycles for due timing (else `estimateSkuCycles` at asOfDay); ignored when `replenishment` is given. */
  readonly cycles?: SkuCycles;
  /** Due list from `computeReplenishment` at the same asOfDay; rows with state ≥ minDueState are due. */
  readonly replenishment?: ReplenishmentList;
  /** Minimum `DUE_STATES` index that counts as due (default 1, due_soon). */
  readonly minDueState?: number;
  /** Due from this many days before the due day (default 7, as due_soon) when computing from cycles. */
  readonly dueSoonDays?: number;
  /** A consumable overdue by more than this many of its cycles is treated as dropped (default 3). */
  readonly maxOverdueCycles?: number;
  /** Days the recommendation is for (default 30): an owned consumable not yet due is scaled by min(1, (days since bought + horizon) / cycle). */
  readonly horizonDays?: number;
  /** Cycle estimates need this many samples from ≥ 2 customers (default 5). */
  readonly minCycleSamples?: number;
  /** A purchase's weight halves every this many days (default 90). */
  readonly halfLifeDays?: number;
  /** Pseudo-transactions shrinking each rule's confidence towards its base rate (default 20). */
  readonly priorTransactions?: number;
  /** "After" rules apply only to purchases at most this old (default 180, the mining window). */
  readonly afterWindowDays?: number;
}

/**
 * Per-customer top-N recommendations. Candidates: the customer's owned consumables that are due
 * (`due_replenishment`, score 1 + the SKU's repeat share, so ranked first), consequents of rules
 * whose antecedent the customer bought, and the shop's popular SKUs. A non-due candidate B scores
 * min(1, p + Σ w·(n_AB − n_A·p_B)/(n_A + prior)): p = share of recent customers who bought B, plus each
 * owned antecedent A's excess confidence over B's base rate (shrunk by `priorTransactions`), weighted
 * by w = 0.5^(age / halfLifeDays). The reason is the rule kind of the largest term when the rules add
 * at least as much as popularity (`bought_together` / `bought_after`), else `popular`. Owned
 * non-consumables are never recommended; owned consumables come first when due, and otherwise compete
 * like other SKUs with their score scaled by the chance the stock runs out within `horizonDays`
 * (min(1, (days since bought + horizon) / cycle)). O(lines + Σ rules touched).
 */
export function recommendForCustomers(orders: OrderColumns, lines: LineColumns, options: RecommendOptions): Recommendations {
  return recommend(orders, lines, options, true);
}

/**
 * Most-popular baseline: each customer gets the shop's top-N recently popular SKUs, leaving out owned
 * non-consumables (owned consumables stay, due or not). Reason `popular`. Rules and cycles are ignored.
 */
export function recommendPopular(orders: OrderColumns, lines: LineColumns, options: RecommendOptions): Recommendations {
  return recommend(orders, lines, options, false);
}

function recommend(orders: OrderColumns, lines: LineColumns, options: RecommendOptions, personal: boolean): Recommendations {
  const asOf = options.asOfDay;
  const topN = Math.max(1, options.topN ?? 5);
  const skuCount = lines.skuCodes.length;
  const profile = options.profile ?? computeSkuProfile(orders, lines, options);
  const customers = options.customers ?? Int32Array.from({ length: orders.customerCount }, (_, i) => i);
  const rows = customers.length;
  const out: Recommendations = {
    topN,
    customer: customers,
    sku: new Int32Array(rows * topN).fill(-1),
    score: new Float64Array(rows * topN),
    reason: new Uint8Array(rows * topN).fill(NO_REASON),
    source: new Int32Array(rows * topN).fill(-1),
  };
  const dueTimer = personal ? makeDueTimer(orders, lines, options, profile.consumable) : undefined;
  const hist = new History(skuCount);
  const cand = new CandidateSet(skuCount);
  const dueMark = new Int32Array(skuCount).fill(-1);
  // Owned consumables not due: the share of the horizon left after the stock runs out (see DueVisitor).
  const lastingMark = new Int32Array(skuCount).fill(-1);
  const lasting = new Float64Array(skuCount);
  const halfLife = options.halfLifeDays ?? 90;
  const afterWindow = options.afterWindowDays ?? 180;
  const prior = options.priorTransactions ?? 20;
  const fromDay = options.fromDay ?? -2147483648;
  const baseRate = (b: number): number => (profile.recentCustomers > 0 ? profile.recentBuyers[b]! / profile.recentCustomers : 0);
  let o = 0;
  let j = 0;
  for (let r = 0; r < rows; r++) {
    const c = customers[r]!;
    while (o < orders.customer.length && orders.customer[o]! < c) o++;
    while (j < lines.order.length && lines.order[j]! < o) j++;
    hist.reset(r);
    for (; j < lines.order.length; j++) {
      const lo = lines.order[j]!;
      if (orders.customer[lo] !== c) break;
      const d = orders.day[lo]!;
      if (orders.valid[lo] === 1 && d <= asOf && d >= fromDay) hist.add(lines.sku[j]!, d, lines.quantity[j]!);
    }
    cand.reset(r);
    if (dueTimer !== undefined) {
      dueTimer(c, hist, (s, due, lastingShare) => {
        if (due) {
          dueMark[s] = r;
          cand.touch(s);
        } else {
          lastingMark[s] = r;
          lasting[s] = lastingShare;
        }
      });
      for (let h = 0; h < hist.n; h++) {
        const a = hist.sku[h]!;
        const age = asOf - hist.lastDay[a]!;
        const w = Math.pow(0.5, age / halfLife);
        if (options.together !== undefined) cand.applyRules(options.together, a, w, REASON_TOGETHER, prior);
        if (options.after !== undefined && age <= afterWindow) cand.applyRules(options.after, a, w, REASON_AFTER, prior);
      }
    }
    let added = 0;
    for (let p = 0; p < profile.popular.length && added < topN; p++) {
      const b = profile.popular[p]!;
      if (hist.owns(b) && profile.consumable[b] !== 1) continue;
      cand.touch(b);
      added++;
    }
    const base = r * topN;
    for (let k = 0; k < cand.n; k++) {
      const b = cand.list[k]!;
      let score: number;
      let reason: number;
      let source = -1;
      if (hist.owns(b)) {
        if (dueMark[b] === r) {
          const rb = profile.buyers[b]! > 0 ? profile.repeatBuyers[b]! / profile.buyers[b]! : 0;
          score = 1 + rb;
          reason = REASON_DUE;
          source = b;
          insertTop(out, base, topN, b, score, reason, source);
          continue;
        }
        if (profile.consumable[b] !== 1) continue;
      }
      const up = cand.uplift[b]!;
      const pop = baseRate(b);
      score = Math.min(1, pop + up) * (lastingMark[b] === r ? lasting[b]! : 1);
      if (up > 0 && up >= pop) {
        reason = cand.bestKind[b]!;
        source = cand.bestSrc[b]!;
      } else reason = REASON_POPULAR;
      insertTop(out, base, topN, b, score, reason, source);
    }
  }
  return out;
}

/** Inserts into row slots [base, base+topN) ordered by score descending, then SKU id ascending. */
function insertTop(out: Recommendations, base: number, topN: number, b: number, score: number, reason: number, source: number): void {
  const { sku, score: sc } = out;
  let i = base + topN - 1;
  if (sku[i]! >= 0 && (sc[i]! > score || (sc[i] === score && sku[i]! < b))) return;
  while (i > base && (sku[i - 1]! < 0 || sc[i - 1]! < score || (sc[i - 1] === score && sku[i - 1]! > b))) {
    sku[i] = sku[i - 1]!;
    sc[i] = sc[i - 1]!;
    out.reason[i] = out.reason[i - 1]!;
    out.source[i] = out.source[i - 1]!;
    i--;
  }
  sku[i] = b;
  sc[i] = score;
  out.reason[i] = reason;
  out.source[i] = source;
}
