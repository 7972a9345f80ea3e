/**
 * Writes per-SKU cycles and each customer's actionable replenishment due states: due soon, due, and
 * overdue by at most OVERDUE_KEEP_DAYS (someone who stopped buying a year ago is not "due" any more; the
 * lifecycle stage speaks for them). Not-due rows are not stored.
 */
import { DUE_STATES } from '@huitou/core';
import type { BulkColumn, BulkWriter, Db } from '../store/database.ts';
import type { AnalysisResult } from './compute-analysis.ts';
import type { LoadedColumns } from './load-columns.ts';

const NOT_DUE = DUE_STATES.findIndex((s) => s.code === 'not_due');
const OVERDUE = DUE_STATES.findIndex((s) => s.code === 'overdue');
export const OVERDUE_KEEP_DAYS = 90;

/** Whether a replenishment row is stored (customer_sku_due) and counted in customer_analysis's due columns. */
export function isStoredDue(state: number, dueDay: number, asOfDay: number): boolean {
  return state !== NOT_DUE && !(state === OVERDUE && asOfDay - dueDay > OVERDUE_KEEP_DAYS);
}

/** Per dense customer: SKUs stored in each due state (by DUE_STATES index) and the earliest due day. */
export interface CustomerDueSummary {
  /** counts[c * DUE_STATES.length + state] */
  readonly counts: Int32Array;
  /** Earliest due day of the customer's stored rows, or NaN. */
  readonly nextDue: Float64Array;
}

export function summariseDue(r: AnalysisResult, customerCount: number, asOfDay: number): CustomerDueSummary {
  const n = DUE_STATES.length;
  const counts = new Int32Array(customerCount * n);
  const nextDue = new Float64Array(customerCount).fill(Number.NaN);
  const rep = r.replenishment;
  for (let i = 0; i < rep.customer.length; i++) {
    const state = rep.state[i] ?? 0;
    const dueDay = rep.dueDay[i] ?? 0;
    if (!isStoredDue(state, dueDay, asOfDay)) continue;
    const c = rep.customer[i] ?? 0;
    counts[c * n + state]!++;
    const prev = nextDue[c]!;
    if (!(prev <= dueDay)) nextDue[c] = dueDay;
  }
  return { counts, nextDue };
}

/** Replaces the shop's SKU cycles (a few thousand rows). The due rows go through appendDueRows. */
export async function writeSkuCycles(db: Db, shopId: number, data: LoadedColumns, r: AnalysisResult): Promise<void> {
  await db.run(`DELETE FROM sku_cycles WHERE shop_id = $1`, [shopId]);
  await db.run(`DROP TABLE IF EXISTS a_sku_cycles`);
  await db.run(`CREATE TEMP TABLE a_sku_cycles (product_key VARCHAR, median DOUBLE PRECISION, p25 DOUBLE PRECISION, p75 DOUBLE PRECISION, samples INTEGER, customers INTEGER)`);
  const cycles = await db.bulkWriter('a_sku_cycles', [
    { name: 'product_key', type: 'text' },
    { name: 'median', type: 'double' },
    { name: 'p25', type: 'double' },
    { name: 'p75', type: 'double' },
    { name: 'samples', type: 'int' },
    { name: 'customers', type: 'int' },
  ]);
  const s = r.skuCycles;
  for (let k = 0; k < data.productKeys.length; k++) {
    const median = s.medianDaysPerUnit[k] ?? Number.NaN;
    if (!Number.isFinite(median) || (s.samples[k] ?? 0) === 0) continue;
    cycles.appendRow([data.productKeys[k] ?? '', median, s.p25DaysPerUnit[k] ?? median, s.p75DaysPerUnit[k] ?? median, s.samples[k] ?? 0, s.customers[k] ?? 0]);
  }
  await cycles.close();
  await db.run(
    `INSERT INTO sku_cycles (shop_id, product_key, title, median_days_per_unit, p25_days_per_unit, p75_days_per_unit, samples, customers)
     SELECT $1, a.product_key, p.title, a.median, a.p25, a.p75, a.samples, a.customers
     FROM a_sku_cycles a LEFT JOIN products p ON p.shop_id = $1 AND p.product_key = a.product_key`,
    [shopId],
  );
  await db.run(`DROP TABLE a_sku_cycles`);
}

/** customer_sku_due, column by column. */
export const DUE_COLUMNS: readonly BulkColumn[] = [
  { name: 'shop_id', type: 'int' },
  { name: 'customer_id', type: 'double' },
  { name: 'product_key', type: 'text' },
  { name: 'last_purchase', type: 'date' },
  { name: 'last_quantity', type: 'int' },
  { name: 'due_on', type: 'date' },
  { name: 'state', type: 'text', values: DUE_STATES.map((s) => s.code) },
];

/** Appends the stored due rows (isStoredDue) of the run. */
export function appendDueRows(due: BulkWriter, shopId: number, data: LoadedColumns, r: AnalysisResult, asOfDay: number): void {
  const rep = r.replenishment;
  for (let i = 0; i < rep.customer.length; i++) {
    const state = rep.state[i] ?? 0;
    const dueDay = rep.dueDay[i] ?? 0;
    if (!isStoredDue(state, dueDay, asOfDay)) continue;
    due.appendRow([
      shopId,
      data.customerIds[rep.customer[i] ?? 0] ?? 0,
      data.productKeys[rep.sku[i] ?? 0] ?? '',
      rep.lastDay[i] ?? 0,
      rep.lastQuantity[i] ?? 0,
      dueDay,
      DUE_STATES[state]?.code ?? 'not_due',
    ]);
  }
}
