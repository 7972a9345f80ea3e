import type { OrderColumns } from './columns.ts';

/** One bucket of days between repeat purchases (inclusive bounds; `maxDays` null = open-ended). */
export interface IntervalBucket {
  readonly minDays: number;
  readonly maxDays: number | null;
  readonly zh: string;
  readonly en: string;
  /** Intervals that fell in the bucket. */
  readonly count: number;
}

/** Default bucket upper bounds: 1–7, 8–14, 15–30, 31–60, 61–90, 91–180, 181–365, > 365 days. */
export const DEFAULT_INTERVAL_BOUNDS: readonly number[] = [7, 14, 30, 60, 90, 180, 365];

/**
 * Histogram of the days between consecutive distinct purchase days (valid orders ≤ asOfDay) over all
 * customers: every repeat purchase day contributes one interval (promo days are not excluded: this
 * describes behaviour, it does not estimate a cycle). `upperBounds` are ascending inclusive upper
 * bounds; a last open bucket takes the rest.
 */
export function repeatIntervalHistogram(orders: OrderColumns, asOfDay: number, upperBounds: readonly number[] = DEFAULT_INTERVAL_BOUNDS): IntervalBucket[] {
  const counts = new Float64Array(upperBounds.length + 1);
  const { customer, day, valid } = orders;
  let prevC = -1;
  let last = 0;
  for (let i = 0; i < customer.length; i++) {
    const d = day[i]!;
    if (valid[i] !== 1 || d > asOfDay) continue;
    const c = customer[i]!;
    if (c !== prevC) {
      prevC = c;
      last = d;
      continue;
    }
    if (d === last) continue;
    const gap = d - last;
    last = d;
    let b = 0;
    while (b < upperBounds.length && gap > upperBounds[b]!) b++;
    counts[b] = counts[b]! + 1;
  }
  return Array.from(counts, (count, b) => {
    const minDays = b === 0 ? 1 : upperBounds[b - 1]! + 1;
    const maxDays = upperBounds[b] ?? null;
    const zh = maxDays === null ? `${minDays} 天以上` : `${minDays}–${maxDays} 天`;
    const en = maxDays === null ? `${minDays}+ days` : `${minDays}–${maxDays} days`;
    return { minDays, maxDays, zh, en, count };
  });
}
