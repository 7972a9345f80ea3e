// Internal: which owned consumables are due, from a replenishment list or from SKU cycles.
import type { LineColumns, OrderColumns } from '../analytics/columns.ts';
import { estimateSkuCycles } from '../analytics/sku-cycles.ts';
import type { RecommendOptions } from './recommend.ts';
import type { History } from './scratch.ts';

/**
 * Reports each owned consumable with a cycle: whether it is due and, when not, min(1, (days since
 * bought + horizonDays) / cycle), the share of the cycle used up by the end of the horizon.
 */
export type DueVisitor = (s: number, due: boolean, horizonShare: number) => void;

/**
 * Returns `(customer, hist, visit)`, to be called for ascending customers. Due: the replenishment row's
 * state ≥ minDueState, or (from cycles) the due day lastDay + round(median days per unit × units) is at
 * most dueSoonDays ahead. Consumables overdue by more than maxOverdueCycles cycles are reported as not
 * due with share 1 (dropped: they compete like any SKU).
 */
export function makeDueTimer(orders: OrderColumns, lines: LineColumns, options: RecommendOptions, consumable: Uint8Array): (c: number, hist: History, visit: DueVisitor) => void {
  const asOf = options.asOfDay;
  const maxOver = options.maxOverdueCycles ?? 3;
  const horizon = options.horizonDays ?? 30;
  const share = (elapsed: number, cycle: number): number => Math.min(1, (elapsed + horizon) / cycle);
  const rep = options.replenishment;
  if (rep !== undefined) {
    const minState = options.minDueState ?? 1;
    let p = 0;
    return (c, hist, visit) => {
      while (p < rep.customer.length && rep.customer[p]! < c) p++;
      for (; p < rep.customer.length && rep.customer[p] === c; p++) {
        const s = rep.sku[p]!;
        const cycle = Math.max(1, rep.dueDay[p]! - rep.lastDay[p]!);
        if (consumable[s] !== 1 || !hist.owns(s)) continue;
        if (asOf - rep.dueDay[p]! > maxOver * cycle) visit(s, false, 1);
        else visit(s, rep.state[p]! >= minState, share(asOf - rep.lastDay[p]!, cycle));
      }
    };
  }
  const cycles = options.cycles ?? estimateSkuCycles(orders, lines, asOf);
  const minSamples = options.minCycleSamples ?? 5;
  const soon = options.dueSoonDays ?? 7;
  return (_c, hist, visit) => {
    for (let h = 0; h < hist.n; h++) {
      const s = hist.sku[h]!;
      if (consumable[s] !== 1) continue;
      const med = cycles.medianDaysPerUnit[s]!;
      if (cycles.samples[s]! < minSamples || cycles.customers[s]! < 2 || !Number.isFinite(med)) continue;
      const cycle = Math.max(1, Math.round(med * hist.lastQty[s]!));
      const ahead = hist.lastDay[s]! + cycle - asOf;
      if (-ahead > maxOver * cycle) visit(s, false, 1);
      else visit(s, ahead <= soon, share(asOf - hist.lastDay[s]!, cycle));
    }
  };
}
