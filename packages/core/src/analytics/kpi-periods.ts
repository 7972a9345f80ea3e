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
  const { customer, day, valid, netCents } = orders;
  let minDay = asOfDay;
  for (let i = 0; i < day.length; i++) if (valid[i] === 1 && day[i]! < minDay) minDay = day[i]!;
  const span = asOfDay - minDay + 1;
  const G = KPI_GRAINS.length;
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
  const acc = starts.map((list) => {
    const p = list.length;
    return {
      payment: new Float64Array(p), net: new Float64Array(p), orders: new Float64Array(p), paying: new Float64Array(p),
      fresh: new Float64Array(p), returning: new Float64Array(p), returningNet: new Float64Array(p), repurchasing: new Float64Array(p),
    };
  });
  const lastPeriod = new Int32Array(G);
  const lastDay = new Int32Array(G);
  const daysInPeriod = new Int32Array(G);
  const firstPeriod = new Int32Array(G);
  let prevCustomer = -1;
  let firstDay = -1;
  for (let i = 0; i < customer.length; i++) {
    const d = day[i]!;
    if (valid[i] !== 1 || d > asOfDay) continue;
    const c = customer[i]!;
    if (c !== prevCustomer) {
      prevCustomer = c;
      firstDay = d;
      for (let g = 0; g < G; g++) {
        lastPeriod[g] = -1;
        firstPeriod[g] = periodOf[g]![firstDay - minDay]!;
      }
    }
    const amount = amountCents[i]!;
    const net = netCents[i]!;
    for (let g = 0; g < G; g++) {
      const p = periodOf[g]![d - minDay]!;
      const a = acc[g]!;
      a.payment[p]! += amount;
      a.net[p]! += net;
      a.orders[p]!++;
      const returning = p !== firstPeriod[g];
      if (returning) a.returningNet[p]! += net;
      if (p !== lastPeriod[g]) {
        lastPeriod[g] = p;
        lastDay[g] = d;
        daysInPeriod[g] = 1;
        a.paying[p]!++;
        if (returning) a.returning[p]!++;
        else a.fresh[p]!++;
      } else if (d !== lastDay[g]) {
        lastDay[g] = d;
        if (++daysInPeriod[g]! === 2) a.repurchasing[p]!++;
      }
    }
  }
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
