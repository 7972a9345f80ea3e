/**
 * The real 40,000-row Online Retail sample (../shared/data/online_retail_40k_sample.xlsx) through importFiles.
 * The expected counts are computed here from the raw rows (read with the project's XLSX reader, then plain
 * code — not the UCI mapper): invoices, C-invoices, customer ids, anonymous invoices, line count, money.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTables } from '../../../src/importers/read/open-tables.ts';
import type { SheetRow } from '../../../src/importers/read/table-source.ts';
import { sharedData } from '../../support/paths.ts';
import type { TestStore } from './e2e-support.ts';
import { openTestStore, tableCounts } from './e2e-support.ts';

const FILE = sharedData('online_retail_40k_sample.xlsx');

interface Expected {
  readonly rows: number;
  readonly invoices: number;
  readonly cInvoices: number;
  readonly customerIds: number;
  readonly anonymousInvoices: number;
  readonly customers: number;
  /** Σ quantity × unit price over all rows, in pence. */
  readonly totalPence: number;
  /** Σ over C-invoices, in pence (negative). */
  readonly cancelledPence: number;
  readonly quantity: number;
}

/** Pence of a price cell like `2.08` or `0.85`, by string arithmetic. */
function pence(text: string): number {
  const [whole = '0', frac = ''] = text.split('.');
  const negative = whole.startsWith('-');
  const value = Math.abs(Number(whole)) * 100 + Number((frac + '00').slice(0, 2)) + (Number(frac[2] ?? '0') >= 5 ? 1 : 0);
  return negative ? -value : value;
}

async function expectedFromRawRows(): Promise<Expected> {
  const [table] = await openTables(FILE);
  const rows: SheetRow[] = [];
  for await (const row of table!.rows([])) rows.push(row);
  const [header, ...data] = rows;
  const col = (name: string): number => header!.cells.indexOf(name);
  const [inv, qty, price, cust] = [col('InvoiceNo'), col('Quantity'), col('UnitPrice'), col('CustomerID')];
  const firstCustomer = new Map<string, string>();
  let totalPence = 0;
  let cancelledPence = 0;
  let quantity = 0;
  for (const r of data) {
    const invoice = r.cells[inv]!.trim();
    const id = (r.cells[cust] ?? '').trim().replace(/\.0+$/, '');
    if (!firstCustomer.has(invoice)) firstCustomer.set(invoice, id);
    const amount = Number(r.cells[qty]) * pence(r.cells[price]!);
    totalPence += amount;
    quantity += Number(r.cells[qty]);
    if (invoice.startsWith('C')) cancelledPence += amount;
  }
  const invoices = [...firstCustomer.keys()];
  const ids = new Set([...firstCustomer.values()].filter((c) => c !== ''));
  const anonymousInvoices = [...firstCustomer.values()].filter((c) => c === '').length;
  return {
    rows: data.length,
    invoices: invoices.length,
    cInvoices: invoices.filter((i) => i.startsWith('C')).length,
    customerIds: ids.size,
    anonymousInvoices,
    customers: ids.size + anonymousInvoices,
    totalPence,
    cancelledPence,
    quantity,
  };
}

describe('online_retail_40k_sample.xlsx', () => {
  let store: TestStore;
  let expected: Expected;
  let report: Awaited<ReturnType<TestStore['import']>>;

  beforeAll(async () => {
    expected = await expectedFromRawRows();
    store = await openTestStore();
    report = await store.import([FILE], { timeZone: 'Europe/London' });
  }, 60_000);
  afterAll(() => store.close());

  it('the raw rows are the documented sample', () => {
    expect(expected.rows).toBe(40_000);
    expect(expected.cInvoices).toBeGreaterThan(0);
    expect(expected.anonymousInvoices).toBeGreaterThan(0);
  });

  it('stores one order per invoice, one line per row and one customer per id or anonymous invoice', async () => {
    expect(report.units).toHaveLength(1);
    expect(report.units[0]).toMatchObject({
      status: 'committed', format: 'uci', encoding: 'xlsx', rowsRead: expected.rows, ordersNew: expected.invoices,
      lines: expected.rows, customersNew: expected.customers, errors: 0,
    });
    expect(await tableCounts(store.db)).toEqual({ orders: expected.invoices, lines: expected.rows, customers: expected.customers, batches: 1 });
    const kinds = await store.db.all<{ kind: string; n: number }>(`SELECT key_kind kind, count(*) n FROM customers GROUP BY 1 ORDER BY 1`);
    expect(kinds).toEqual([
      { kind: 'anonymous', n: expected.anonymousInvoices },
      { kind: 'platform_id', n: expected.customerIds },
    ]);
  });

  it('C-invoices are refunded orders; amounts and quantities add up to the raw rows', async () => {
    const rows = await store.db.all<{ refunded: number; total: number; cancelled: number; qty: number }>(
      `SELECT count(*) FILTER (WHERE status = 'refunded') refunded, CAST(round(sum(amount) * 100) AS BIGINT) total,
              CAST(round(sum(amount) FILTER (WHERE status = 'refunded') * 100) AS BIGINT) cancelled,
              (SELECT CAST(sum(quantity) AS BIGINT) FROM order_lines) qty
       FROM orders`,
    );
    expect(rows[0]).toEqual({ refunded: expected.cInvoices, total: expected.totalPence, cancelled: expected.cancelledPence, qty: expected.quantity });
    const statuses = await store.db.all<{ status: string }>(`SELECT DISTINCT status FROM orders ORDER BY 1`);
    expect(statuses.map((s) => s.status)).toEqual(['completed', 'refunded']);
  });
});
