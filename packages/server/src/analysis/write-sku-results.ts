/** Writes per-SKU cycles and each customer's replenishment due states. */
import { DUE_STATES } from '@huitou/core';
import type { Db } from '../store/database.ts';
import type { AnalysisResult } from './compute-analysis.ts';
import type { LoadedColumns } from './load-columns.ts';

export async function writeSkuResults(db: Db, shopId: number, data: LoadedColumns, r: AnalysisResult): Promise<void> {
  await db.run(`DELETE FROM sku_cycles WHERE shop_id = $1`, [shopId]);
  await db.run(`DELETE FROM customer_sku_due WHERE shop_id = $1`, [shopId]);
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

  await db.run(`DROP TABLE IF EXISTS a_due`);
  await db.run(`CREATE TEMP TABLE a_due (customer_id DOUBLE PRECISION, product_key VARCHAR, last_day INTEGER, last_quantity INTEGER, due_day INTEGER, state VARCHAR)`);
  const due = await db.bulkWriter('a_due', [
    { name: 'customer_id', type: 'double' },
    { name: 'product_key', type: 'text' },
    { name: 'last_day', type: 'int' },
    { name: 'last_quantity', type: 'int' },
    { name: 'due_day', type: 'int' },
    { name: 'state', type: 'text' },
  ]);
  const rep = r.replenishment;
  for (let i = 0; i < rep.customer.length; i++) {
    due.appendRow([
      data.customerIds[rep.customer[i] ?? 0] ?? 0,
      data.productKeys[rep.sku[i] ?? 0] ?? '',
      rep.lastDay[i] ?? 0,
      rep.lastQuantity[i] ?? 0,
      rep.dueDay[i] ?? 0,
      DUE_STATES[rep.state[i] ?? 0]?.code ?? 'not_due',
    ]);
  }
  await due.close();
  await db.run(
    `INSERT INTO customer_sku_due (shop_id, customer_id, product_key, last_purchase, last_quantity, due_on, state)
     SELECT $1, CAST(customer_id AS BIGINT), product_key, DATE '1970-01-01' + last_day, last_quantity, DATE '1970-01-01' + due_day, state
     FROM a_due`,
    [shopId],
  );
  await db.run(`DROP TABLE a_due`);
}
