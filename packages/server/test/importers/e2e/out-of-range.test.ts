/**
 * Values outside what the store can hold (money is DECIMAL(14,2), item counts INTEGER) in one row of an otherwise
 * good file: that row must be reported, and the rest must land — one bad cell must not fail the whole file.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/paths.ts';
import { csvText, openTestStore, tableCounts, writeFixture } from './e2e-support.ts';

const HEADER = ['order_id', 'customer_id', 'order_time', 'amount', 'refund', 'sku', 'quantity', 'unit_price'];
const GOOD = ['R1', 'C1', '2024-01-01 10:00:00', '10.00', '', 'A', '1', '10.00'];

describe('out-of-range values', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  async function importRows(name: string, bad: readonly string[]) {
    const store = await openTestStore();
    const report = await store.import([writeFixture(tmp.path, name, csvText([HEADER, GOOD, bad]))]);
    const counts = await tableCounts(store.db);
    store.close();
    return { unit: report.units[0]!, counts };
  }

  it('an amount of 13 whole digits (an id pasted into the amount column) is a bad_amount row; the rest lands', async () => {
    const { unit, counts } = await importRows('amount.csv', ['R2', 'C2', '2024-01-01 10:00:00', '5118612345678.00', '', 'B', '1', '']);
    expect(unit).toMatchObject({ status: 'committed', ordersNew: 1, errors: 1 });
    expect(unit.issues.map((i) => [i.line, i.column, i.code])).toEqual([[3, 'amount', 'bad_amount']]);
    expect(counts.orders).toBe(1);
  });

  it('an out-of-range optional refund is a warning and stored as 0', async () => {
    const { unit, counts } = await importRows('refund.csv', ['R2', 'C2', '2024-01-01 10:00:00', '10.00', '99999999999999', 'B', '1', '']);
    expect(unit).toMatchObject({ status: 'committed', ordersNew: 2, errors: 0, warnings: 1 });
    expect(unit.issues.map((i) => [i.line, i.column, i.code])).toEqual([[3, 'refund', 'bad_amount']]);
    expect(counts.orders).toBe(2);
  });

  // Once bugs: one cell past INTEGER or DECIMAL(14,2) failed the whole file with a database cast error.
  it('a quantity of 3,000,000,000 is reported on its row; the rest lands', async () => {
    const { unit } = await importRows('qty.csv', ['R2', 'C2', '2024-01-01 10:00:00', '10.00', '', 'B', '3000000000', '']);
    expect(unit).toMatchObject({ status: 'committed', ordersNew: 1, errors: 1 });
    expect(unit.issues.map((i) => [i.line, i.code])).toContainEqual([3, 'bad_amount']);
  });

  it('a UCI line whose quantity × unit price overflows is reported on its row; the rest lands', async () => {
    const store = await openTestStore();
    const rows = [
      ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'],
      ['536365', '85123A', 'T-LIGHT HOLDER', '6', '2010-12-01 08:26:00', '2.55', '17850', 'United Kingdom'],
      ['536366', '22633', 'HAND WARMER', '100000', '2010-12-01 08:28:00', '99999999.00', '17850', 'United Kingdom'],
    ];
    const report = await store.import([writeFixture(tmp.path, 'uci-overflow.csv', csvText(rows))]);
    store.close();
    expect(report.units[0]).toMatchObject({ status: 'committed', ordersNew: 1, errors: 1 });
  });
});
