/**
 * The real CDNOW master log (../shared/data/CDNOW_master.txt) through the CLI: 69,659 orders of 23,570
 * customers; importing it again stores nothing new and says so.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../src/importers/pipeline/run-import.ts';
import { sharedData, tempDir } from '../../support/paths.ts';
import { cli, json } from '../../support/run-cli.ts';
import { openTestStore, tableCounts } from './e2e-support.ts';

describe('CDNOW_master.txt', () => {
  const tmp = tempDir();
  const db = join(tmp.path, 'cdnow.duckdb');
  afterAll(() => tmp.remove());

  it('stores exactly 69,659 orders of 23,570 customers; the second import is all unchanged and says "Nothing new"', async () => {
    const file = sharedData('CDNOW_master.txt');
    const first = await cli(['import', file, '--db', db, '--json', '--tz', 'UTC']);
    expect(first.code).toBe(0);
    const report = json<ImportReport>(first);
    expect(report.units).toHaveLength(1);
    expect(report.units[0]).toMatchObject({ status: 'committed', format: 'cdnow', rowsRead: 69_659, ordersNew: 69_659, ordersUpdated: 0, ordersUnchanged: 0, lines: 69_659, customersNew: 23_570, errors: 0, warnings: 0 });

    const store = await openTestStore(db);
    expect(await tableCounts(store.db)).toEqual({ orders: 69_659, lines: 69_659, customers: 23_570, batches: 1 });
    const span = await store.db.all<{ lo: string; hi: string; total: number }>(
      `SELECT CAST(min(order_time AT TIME ZONE 'UTC') AS DATE)::VARCHAR lo, CAST(max(order_time AT TIME ZONE 'UTC') AS DATE)::VARCHAR hi,
              CAST(sum(amount) AS DOUBLE) total FROM orders`,
    );
    expect(span[0]).toMatchObject({ lo: '1997-01-01', hi: '1998-06-30' });
    store.close();

    const again = await cli(['import', file, '--db', db, '--tz', 'UTC']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing new: every order was already stored.');
    expect(again.stdout).toMatch(/0 \/ 0 \/ 69,659/);
    const reopened = await openTestStore(db);
    expect(await tableCounts(reopened.db)).toEqual({ orders: 69_659, lines: 69_659, customers: 23_570, batches: 2 });
    const batches = await reopened.db.all(`SELECT orders_new, orders_updated, orders_unchanged FROM import_batches ORDER BY batch_id`);
    expect(batches).toEqual([
      { orders_new: 69_659, orders_updated: 0, orders_unchanged: 0 },
      { orders_new: 0, orders_updated: 0, orders_unchanged: 69_659 },
    ]);
    reopened.close();
  }, 60_000);
});
