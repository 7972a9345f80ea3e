import { formatMonth, monthOfDay } from './calendar.ts';
import type { OrderColumns } from './columns.ts';

/**
 * Monthly cohort retention. Row r is the cohort of customers whose first valid order fell in month
 * `firstMonth + r`; column k counts those with at least one valid order in month `firstMonth + r + k`
 * (k = 0 is the cohort size). Cells after the `asOfDay` month are -1 (not observed yet).
 */
export interface CohortRetention {
  /** Month index (`year × 12 + month − 1`) of the first cohort; rows = columns = `months.length`. */
  readonly firstMonth: number;
  /** `YYYY-MM` label of each cohort row. */
  readonly months: readonly string[];
  /** Customers per cohort (= column 0). */
  readonly cohortSize: Int32Array;
  /** Row-major `months.length × months.length` counts; `cell(r, k) = counts[r * months.length + k]`. */
  readonly counts: Int32Array;
}

/**
 * Builds the cohort matrix from valid orders on or before `asOfDay`, independently of the other
 * analytics (for cross-checking against the store's SQL). Relies only on orders being grouped by
 * customer and sorted by day within a customer.
 */
export function cohortRetention(orders: OrderColumns, asOfDay: number): CohortRetention {
  const { customer, day, valid } = orders;
  let first = Number.POSITIVE_INFINITY;
  for (let i = 0; i < customer.length; i++) if (valid[i] === 1 && day[i]! <= asOfDay && day[i]! < first) first = day[i]!;
  if (first === Number.POSITIVE_INFINITY) return { firstMonth: monthOfDay(asOfDay), months: [], cohortSize: new Int32Array(0), counts: new Int32Array(0) };
  const firstMonth = monthOfDay(first);
  const size = monthOfDay(asOfDay) - firstMonth + 1;
  const counts = new Int32Array(size * size);
  for (let r = 0; r < size; r++) for (let k = size - r; k < size; k++) counts[r * size + k] = -1;
  // Month (relative to the first) of every day in range, computed once instead of per order.
  const monthAt = new Int32Array(asOfDay - first + 1);
  for (let d = first; d <= asOfDay; d++) monthAt[d - first] = monthOfDay(d) - firstMonth;
  let prevC = -1;
  let cohort = 0;
  let lastMonth = -1;
  for (let i = 0; i < customer.length; i++) {
    const d = day[i]!;
    if (valid[i] !== 1 || d > asOfDay) continue;
    const month = monthAt[d - first]!;
    const c = customer[i]!;
    if (c !== prevC) {
      prevC = c;
      cohort = month;
    } else if (month === lastMonth) continue;
    lastMonth = month;
    const cell = cohort * size + (month - cohort);
    counts[cell] = counts[cell]! + 1;
  }
  const cohortSize = new Int32Array(size);
  for (let r = 0; r < size; r++) cohortSize[r] = counts[r * size]!;
  return { firstMonth, months: Array.from({ length: size }, (_, r) => formatMonth(firstMonth + r)), cohortSize, counts };
}
