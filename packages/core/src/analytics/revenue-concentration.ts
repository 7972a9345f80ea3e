import type { CustomerFacts } from './facts.ts';

/** How concentrated revenue is in the best customers. */
export interface RevenueConcentration {
  /** Customers with ≥ 1 valid order. */
  readonly buyers: number;
  /** `ceil(topFraction × buyers)`: the customers counted as "top". */
  readonly topCustomers: number;
  readonly topRevenueCents: number;
  readonly totalRevenueCents: number;
  /** `topRevenueCents / totalRevenueCents`; NaN when total revenue is not positive. */
  readonly share: number;
}

/**
 * Share of net revenue from the top `topFraction` (default 0.2, the "top 20 %") of buyers ranked by
 * net spend. The count of top customers is rounded up, so any shop with a buyer has at least one.
 */
export function revenueConcentration(facts: CustomerFacts, topFraction = 0.2): RevenueConcentration {
  let buyers = 0;
  for (let c = 0; c < facts.customerCount; c++) if (facts.validOrders[c]! > 0) buyers++;
  const spend = new Float64Array(buyers);
  let total = 0;
  for (let c = 0, k = 0; c < facts.customerCount; c++) {
    if (facts.validOrders[c]! === 0) continue;
    spend[k++] = facts.netCents[c]!;
    total += facts.netCents[c]!;
  }
  spend.sort();
  const topCustomers = Math.min(buyers, Math.ceil(topFraction * buyers));
  let top = 0;
  for (let k = buyers - topCustomers; k < buyers; k++) top += spend[k]!;
  return { buyers, topCustomers, topRevenueCents: top, totalRevenueCents: total, share: total > 0 ? top / total : Number.NaN };
}
