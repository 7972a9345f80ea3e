/**
 * The public data-set shapes through the pipeline, with synthetic rows: UCI Online Retail CSV (C-invoices,
 * `17850.0` ids, blank CustomerID, US and ISO dates), Online Retail II as a workbook with one sheet per year, and
 * the CDNOW master (whitespace, header line) and sample (5 fixed-width columns, no header) logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../src/importers/read/xlsx/xlsx-writer.ts';
import { tempDir } from '../../support/paths.ts';
import type { TestStore } from './e2e-support.ts';
import { csvText, NOTHING_CHANGED, openTestStore, orderOf, storedCustomers, storedLines, storedOrders, reimport, tableCounts, writeFixture } from './e2e-support.ts';

describe('UCI Online Retail (CSV) and Online Retail II (workbook)', () => {
  const tmp = tempDir();
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  it('groups invoice lines, computes amounts from lines, keys on CustomerID (17850.0 → 17850), C-invoices are refunds', async () => {
    const rows = [
      ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'],
      ['536365', '85123A', 'WHITE HANGING HEART T-LIGHT HOLDER ', '6', '12/1/2010 8:26', '2.55', '17850.0', 'United Kingdom'],
      ['536365', '71053', 'WHITE METAL LANTERN', '6', '12/1/2010 8:26', '3.39', '17850.0', 'United Kingdom'],
      ['C536379', 'D', 'Discount', '-1', '12/1/2010 9:41', '27.50', '14527.0', 'United Kingdom'],
      ['536380', 'POST', 'POSTAGE', '1', '12/1/2010 9:45', '18.00', '', 'France'],
      ['536381', '22139', 'RETROSPOT TEA SET', '2', '2010-12-09 10:00:00', '4.95', '17850', 'United Kingdom'],
    ];
    const report = await store.import([writeFixture(tmp.path, 'Online Retail.csv', csvText(rows))], { timeZone: 'Europe/London' });
    expect(report.units[0]).toMatchObject({ status: 'committed', format: 'uci', ordersNew: 4, lines: 5, errors: 0, warnings: 0 });
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, '536365')).toMatchObject({ status: 'completed', amount: 35.64, item_count: 12, key_kind: 'platform_id', key_value: '17850', province: 'United Kingdom', order_ms: Date.UTC(2010, 11, 1, 8, 26) });
    expect(orderOf(orders, '536381').customer_id).toBe(orderOf(orders, '536365').customer_id);
    expect(orderOf(orders, 'C536379')).toMatchObject({ status: 'refunded', amount: -27.5, raw_status: 'cancellation', key_value: '14527' });
    expect(orderOf(orders, '536380')).toMatchObject({ key_kind: 'anonymous', key_value: 'order:536380', amount: 18 });
    const refundLine = await storedLines(store.db, 'C536379');
    expect(refundLine.map((l) => [l.sku, l.quantity, l.amount, l.refund, l.status])).toEqual([['D', -1, -27.5, 27.5, 'refunded']]);
    const lines = await storedLines(store.db, '536365');
    expect(lines.map((l) => [l.sku, l.title, l.quantity, l.unit_price, l.amount])).toEqual([
      ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 6, 2.55, 15.3],
      ['71053', 'WHITE METAL LANTERN', 6, 3.39, 20.34],
    ]);
    expect(await reimport(store, [`${tmp.path}/Online Retail.csv`], { timeZone: 'Europe/London' })).toEqual(NOTHING_CHANGED);
  });

  it('Online Retail II: each yearly sheet is its own batch; ids shared across sheets are one customer', async () => {
    const header = ['Invoice', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID', 'Country'];
    const bytes = writeXlsx([
      { name: 'Year 2009-2010', rows: [header, ['489434', '85048', '15CM CHRISTMAS GLASS BALL', 12, '2009-12-01 07:45:00', 6.95, 13085, 'United Kingdom'], ['C489449', '22087', 'PAPER BUNTING', -12, '2009-12-01 10:33:00', 2.95, 16321, 'Australia']] },
      { name: 'Year 2010-2011', rows: [header, ['536365', '85123A', 'WHITE HANGING HEART', 6, '2010-12-01 08:26:00', 2.55, 13085, 'United Kingdom'], ['536366', '22633', 'HAND WARMER', 6, '2010-12-01 08:28:00', 1.85, null, 'United Kingdom']] },
    ]);
    const s2 = await openTestStore();
    const report = await s2.import([writeFixture(tmp.path, 'online_retail_II.xlsx', bytes)], { timeZone: 'Europe/London' });
    expect(report.units.map((u) => [u.status, u.ordersNew, u.lines])).toEqual([['committed', 2, 2], ['committed', 2, 2]]);
    const orders = await storedOrders(s2.db);
    expect(orderOf(orders, '536365').customer_id).toBe(orderOf(orders, '489434').customer_id);
    expect(orderOf(orders, '489434')).toMatchObject({ amount: 83.4, status: 'completed', key_value: '13085' });
    expect(orderOf(orders, 'C489449')).toMatchObject({ amount: -35.4, status: 'refunded' });
    expect(orderOf(orders, '536366').key_kind).toBe('anonymous');
    s2.close();
  });
});

describe('CDNOW logs', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('master shape with its header line: one order per row, ids <customer>-<date>-<seq>, zero-dollar rows kept', async () => {
    const text = ' customer_id  date number_of_cds  dollar_value\r\n' +
      ' 00001 19970101  1   11.77\r\n' +
      ' 00002 19970112  1   12.00\r\n' +
      ' 00002 19970112  5   77.00\r\n' +
      ' 00003 19970102  2    0.00\r\n' +
      ' 00001 19970308  2   20.76\r\n';
    const store = await openTestStore();
    const report = await store.import([writeFixture(tmp.path, 'CDNOW_small.txt', text)]);
    expect(report.units[0]).toMatchObject({ status: 'committed', format: 'cdnow', rowsRead: 5, ordersNew: 5, errors: 0, warnings: 0 });
    const orders = await storedOrders(store.db);
    expect([...orders.values()].map((o) => [o.order_no, o.amount, o.item_count, o.status, o.key_value])).toEqual([
      ['00001-19970101-1', 11.77, 1, 'completed', '00001'],
      ['00001-19970308-1', 20.76, 2, 'completed', '00001'],
      ['00002-19970112-1', 12, 1, 'completed', '00002'],
      ['00002-19970112-2', 77, 5, 'completed', '00002'],
      ['00003-19970102-1', 0, 2, 'completed', '00003'],
    ]);
    expect(orderOf(orders, '00001-19970101-1').order_ms).toBe(Date.UTC(1996, 11, 31, 16));
    expect((await tableCounts(store.db)).customers).toBe(3);
    store.close();
  });

  it('sample shape: 5 fixed-width columns and no header; the master id is the customer', async () => {
    const row = (master: number, sample: number, date: string, cds: number, amount: string): string =>
      `${String(master).padStart(6)}${String(sample).padStart(5)}${date.padStart(9)}${String(cds).padStart(3)}${amount.padStart(8)}`;
    const text = [row(4, 1, '19970101', 2, '29.33'), row(4, 1, '19970118', 2, '29.73'), row(18, 2, '19970101', 1, '14.96'), row(21, 3, '19970101', 2, '26.48')].join('\r\n') + '\r\n';
    const store = await openTestStore();
    const report = await store.import([writeFixture(tmp.path, 'CDNOW_sample_small.txt', text)], { timeZone: 'UTC' });
    expect(report.units[0]).toMatchObject({ status: 'committed', format: 'cdnow', rowsRead: 4, ordersNew: 4, errors: 0 });
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, '4-19970118-1')).toMatchObject({ amount: 29.73, key_value: '4', order_ms: Date.UTC(1997, 0, 18) });
    const customers = await storedCustomers(store.db);
    expect([...customers.keys()].sort()).toEqual(['platform_id:18', 'platform_id:21', 'platform_id:4']);
    store.close();
  });
});
