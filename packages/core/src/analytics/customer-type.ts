import { NO_DAY } from './columns.ts';
import type { CustomerFacts } from './facts.ts';

/** Customer types, listed in precedence order (the first that applies wins). */
export const CUSTOMER_TYPES = [
  { code: 'potential', zh: '潜在客户', en: 'Potential' },
  { code: 'new', zh: '新客', en: 'New' },
  { code: 'loyal', zh: '忠诚客户', en: 'Loyal' },
  { code: 'repeat', zh: '复购客户', en: 'Repeat' },
  { code: 'one_time', zh: '一次性客户', en: 'One-time' },
] as const;

/** Type code, e.g. `repeat`. */
export type CustomerTypeCode = (typeof CUSTOMER_TYPES)[number]['code'];

/** Options for `computeCustomerTypes`. */
export interface CustomerTypeOptions {
  /** A customer is new when the first valid order is less than this many days ago (default 30: days 0–29). */
  readonly newWithinDays?: number;
  /** Valid orders needed for loyal (default 5). */
  readonly loyalMinOrders?: number;
  /** Loyal customers must also be in one of these lifecycle stage indexes (default `[0]`, active). */
  readonly loyalStages?: readonly number[];
}

/**
 * Customer type index (into `CUSTOMER_TYPES`) per customer. Precedence, first match wins:
 * 1. potential: no valid order (orders that were never paid, or only refunded/cancelled — and
 *    customers known only from a contacts import, with no orders at all);
 * 2. new: first valid order within `newWithinDays` (even if they already bought again);
 * 3. loyal: ≥ `loyalMinOrders` valid orders and in an allowed lifecycle stage (`stages` from
 *    `computeLifecycle`);
 * 4. repeat: ≥ 2 valid orders;
 * 5. one_time: exactly 1 valid order.
 */
export function computeCustomerTypes(facts: CustomerFacts, stages: Uint8Array, options: CustomerTypeOptions = {}): Uint8Array {
  const newWithin = options.newWithinDays ?? 30;
  const loyalMin = options.loyalMinOrders ?? 5;
  const allowed = new Uint8Array(256);
  for (const s of options.loyalStages ?? [0]) allowed[s] = 1;
  const out = new Uint8Array(facts.customerCount);
  for (let c = 0; c < facts.customerCount; c++) {
    const n = facts.validOrders[c]!;
    const first = facts.firstDay[c]!;
    if (n === 0 || first === NO_DAY) out[c] = 0;
    else if (facts.asOfDay - first < newWithin) out[c] = 1;
    else if (n >= loyalMin && allowed[stages[c]!] === 1) out[c] = 2;
    else if (n >= 2) out[c] = 3;
    else out[c] = 4;
  }
  return out;
}
