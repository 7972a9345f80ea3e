import { civilFromDay, dayFromCivil } from './calendar.ts';
import type { OrderColumns } from './columns.ts';

/**
 * Old-customer KPIs per period, from valid orders on or before `asOfDay`:
 *
 * - paymentCents: Σ amount paid; netCents: the same less refunds; validOrders.
 * - payingBuyers: distinct customers with a valid order in the period; newBuyers: those whose first valid
 *   order ever falls in the period; returningBuyers: the rest (老买家); returningNetCents: net revenue of
 *   the returning buyers in the period.
 * - repurchasingBuyers: paying buyers who bought on two or more distinct days within the period (复购).
 *
 * Grains: `day`; `week`, `d30`, `d90`: n-day periods ending on the as-of day and stepping back by n (the
 * oldest may be partial); `month`: calendar months. A period is identified by its first day; periods
 * without a paying buyer are absent. One pass over orders grouped by customer and sorted by day.
 */
export const KPI_GRAINS = ['day', 'week', 'd30', 'd90', 'month'] as const;
export type KpiGrain = (typeof KPI_GRAINS)[number];

export interface KpiPeriod {
  readonly grain: KpiGrain;
  /** Day number of the period's first day. */
  readonly start: number;
  readonly paymentCents: number;
  readonly netCents: number;
  readonly validOrders: number;
  readonly payingBuyers: number;
  readonly newBuyers: number;
  readonly returningBuyers: number;
  readonly returningNetCents: number;
  readonly repurchasingBuyers: number;
}

const ROLLING: Readonly<Record<KpiGrain, number>> = { day: 1, week: 7, d30: 30, d90: 90, month: 0 };

/** `amountCents[i]` is order i's amount paid (refunds included), aligned with `orders`. */
export function kpiPeriods(orders: OrderColumns, amountCents: Float64Array, asOfDay: number): KpiPeriod[] {
  const { day, valid } = orders;
  let minDay = asOfDay;
  for (let i = 0; i < day.length; i++) if (valid[i] === 1 && day[i]! < minDay) minDay = day[i]!;
  const span = asOfDay - minDay + 1;
  // Per grain: the dense period index of each day offset, and each period's first day.
  const periodOf: Int32Array[] = [];
  const starts: number[][] = [];
  for (const grain of KPI_GRAINS) {
    const of = new Int32Array(span);
    const list: number[] = [];
    const n = ROLLING[grain];
    let prevStart = Number.NaN;
    for (let o = 0; o < span; o++) {
      const d = minDay + o;
      let start: number;
      if (n > 0) start = asOfDay - (n - 1) - n * Math.floor((asOfDay - d) / n);
      else {
        const [y, m] = civilFromDay(d);
        start = dayFromCivil(y, m, 1);
      }
      if (start !== prevStart) {
        list.push(start);
        prevStart = start;
      }
      of[o] = list.length - 1;
    }
    periodOf.push(of);
    starts.push(list);
  }
  // One tight pass per grain (local typed arrays; 5 × 10M orders in less time than one pass over all grains).
  const acc = KPI_GRAINS.map((_, g) => accumulate(orders, amountCents, asOfDay, minDay, periodOf[g]!, starts[g]!.length));
  const out: KpiPeriod[] = [];
  KPI_GRAINS.forEach((grain, g) => {
    const a = acc[g]!;
    starts[g]!.forEach((start, p) => {
      if (a.paying[p] === 0) return;
      out.push({
        grain, start, paymentCents: a.payment[p]!, netCents: a.net[p]!, validOrders: a.orders[p]!, payingBuyers: a.paying[p]!,
        newBuyers: a.fresh[p]!, returningBuyers: a.returning[p]!, returningNetCents: a.returningNet[p]!, repurchasingBuyers: a.repurchasing[p]!,
      });
    });
  });
  return out;
}

interface Accumulators {
  readonly payment: Float64Array;
  readonly net: Float64Array;
  readonly orders: Float64Array;
  readonly paying: Float64Array;
  readonly fresh: Float64Array;
  readonly returning: Float64Array;
  readonly returningNet: Float64Array;
  readonly repurchasing: Float64Array;
}

/** Sums of one grain: `periodOf[d - minDay]` is the period index of day d (periods 0 .. periodCount-1). */
function accumulate(orders: OrderColumns, amountCents: Float64Array, asOfDay: number, minDay: number, periodOf: Int32Array, periodCount: number): Accumulators {
  const { customer, day, valid, netCents } = orders;
  const payment = new Float64Array(periodCount);
  const net = new Float64Array(periodCount);
  const count = new Float64Array(periodCount);
  const paying = new Float64Array(periodCount);
  const fresh = new Float64Array(periodCount);
  const returning = new Float64Array(periodCount);
  const returningNet = new Float64Array(periodCount);
  const repurchasing = new Float64Array(periodCount);
  let prevCustomer = -1;
  let firstPeriod = -1;
  let lastPeriod = -1;
  let lastDay = -1;
  let days = 0;
  for (let i = 0; i < customer.length; i++) {
    const d = day[i]!;
    if (valid[i] !== 1 || d > asOfDay) continue;
    const c = customer[i]!;
    const p = periodOf[d - minDay]!;
    if (c !== prevCustomer) {
      prevCustomer = c;
      firstPeriod = p;
      lastPeriod = -1;
    }
    const n = netCents[i]!;
    payment[p]! += amountCents[i]!;
    net[p]! += n;
    count[p]!++;
    const isReturning = p !== firstPeriod;
    if (isReturning) returningNet[p]! += n;
    if (p !== lastPeriod) {
      lastPeriod = p;
      lastDay = d;
      days = 1;
      paying[p]!++;
      if (isReturning) returning[p]!++;
      else fresh[p]!++;
    } else if (d !== lastDay) {
      lastDay = d;
      if (++days === 2) repurchasing[p]!++;
    }
  }
  return { payment, net, orders: count, paying, fresh, returning, returningNet, repurchasing };
}
