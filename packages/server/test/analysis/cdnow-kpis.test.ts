/**
 * KPIs and cohorts of the real CDNOW master log, checked against an independent computation written here
 * from the raw file (no huitou code): every row is a completed order of `dollars` on `date`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { sharedData, tempDir } from '../support/paths.ts';
import { cli, json } from '../support/run-cli.ts';

interface Row {
  readonly customer: string;
  readonly date: string;
  readonly month: string;
  readonly cents: number;
}

function readCdnow(): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(sharedData('CDNOW_master.txt'), 'utf8').split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 4 || !/^\d{8}$/.test(parts[1] ?? '')) continue;
    const [customer, date, , dollars] = parts as [string, string, string, string];
    rows.push({ customer: String(Number(customer)), date, month: `${date.slice(0, 4)}-${date.slice(4, 6)}`, cents: Math.round(Number(dollars) * 100) });
  }
  return rows;
}

interface MonthKpi {
  orders: number;
  cents: number;
  buyers: number;
  newBuyers: number;
  repurchasers: number;
  returningCents: number;
}

function independentMonthly(rows: readonly Row[]): Map<string, MonthKpi> {
  const first = new Map<string, string>();
  for (const r of rows) if (!first.has(r.customer) || r.date < first.get(r.customer)!) first.set(r.customer, r.date);
  const byMonth = new Map<string, Map<string, { days: Set<string>; cents: number }>>();
  const out = new Map<string, MonthKpi>();
  for (const r of rows) {
    const m = byMonth.get(r.month) ?? new Map();
    byMonth.set(r.month, m);
    const c = m.get(r.customer) ?? { days: new Set<string>(), cents: 0 };
    m.set(r.customer, c);
    c.days.add(r.date);
    c.cents += r.cents;
    const k = out.get(r.month) ?? { orders: 0, cents: 0, buyers: 0, newBuyers: 0, repurchasers: 0, returningCents: 0 };
    k.orders++;
    k.cents += r.cents;
    out.set(r.month, k);
  }
  for (const [month, customers] of byMonth) {
    const k = out.get(month)!;
    k.buyers = customers.size;
    for (const [customer, c] of customers) {
      const isNew = first.get(customer)!.slice(0, 6) === month.replace('-', '');
      if (isNew) k.newBuyers++;
      else k.returningCents += c.cents;
      if (c.days.size >= 2) k.repurchasers++;
    }
  }
  return out;
}

describe('CDNOW master: KPIs against an independent computation', () => {
  const dir = tempDir();
  const db = join(dir.path, 'cdnow.duckdb');
  const rows = readCdnow();
  let summary: Record<string, number> = {};
  beforeAll(async () => {
    expect((await cli(['import', sharedData('CDNOW_master.txt'), '--db', db, '--tz', 'UTC'])).code).toBe(0);
    const run = await cli(['analyze', '--db', db, '--as-of', '1998-06-30', '--json']);
    expect(run.code).toBe(0);
    summary = json<{ summary: Record<string, number> }>(run).summary;
  }, 120_000);
  afterAll(() => dir.remove());

  it('summary', () => {
    const perCustomer = new Map<string, number>();
    for (const r of rows) perCustomer.set(r.customer, (perCustomer.get(r.customer) ?? 0) + 1);
    expect(rows.length).toBe(69_659);
    expect(summary).toEqual({
      orders: 69_659,
      validOrders: 69_659,
      lines: 69_659,
      customers: 23_570,
      buyers: 23_570,
      repeatBuyers: [...perCustomer.values()].filter((n) => n >= 2).length,
      netRevenue: rows.reduce((a, r) => a + r.cents, 0) / 100,
    });
  });

  it('per-customer due columns match the stored SKU due rows', async () => {
    const store = await openStore({ path: db });
    const [diff] = await store.all(
      `WITH d AS (
         SELECT customer_id, min(due_on) AS next_due,
           CASE WHEN count(*) FILTER (WHERE state = 'overdue') > 0 THEN 'overdue' WHEN count(*) FILTER (WHERE state = 'due') > 0 THEN 'due'
                WHEN count(*) FILTER (WHERE state = 'due_soon') > 0 THEN 'due_soon' END AS worst,
           count(*) FILTER (WHERE state = 'due_soon') AS due_soon, count(*) FILTER (WHERE state = 'due') AS due,
           count(*) FILTER (WHERE state = 'overdue') AS overdue
         FROM customer_sku_due GROUP BY customer_id)
       SELECT count(*) AS customers, count(d.customer_id) AS with_due,
         count(*) FILTER (WHERE a.due_state IS DISTINCT FROM d.worst OR a.next_due IS DISTINCT FROM d.next_due
           OR a.due_soon_skus <> coalesce(d.due_soon, 0) OR a.due_skus <> coalesce(d.due, 0) OR a.overdue_skus <> coalesce(d.overdue, 0)) AS mismatched
       FROM customer_analysis a LEFT JOIN d ON d.customer_id = a.customer_id`,
    );
    store.close();
    expect(diff).toMatchObject({ customers: 23_570, mismatched: 0 });
    expect(Number(diff?.['with_due'])).toBeGreaterThan(1_000);
  });

  it('monthly KPIs', async () => {
    const expected = independentMonthly(rows);
    const store = await openStore({ path: db });
    const got = await store.all(
      `SELECT strftime(period_start, '%Y-%m') AS m, valid_orders, CAST(round(payment_amount * 100) AS BIGINT) AS cents, paying_buyers,
              new_buyers, returning_buyers, repurchasing_buyers, returning_buyer_share, returning_revenue_share, repurchase_rate
       FROM kpi_periods WHERE grain = 'month' ORDER BY period_start`,
    );
    store.close();
    expect(got.map((r) => r['m'])).toEqual([...expected.keys()].sort());
    for (const r of got) {
      const e = expected.get(String(r['m']))!;
      expect({ m: r['m'], orders: r['valid_orders'], cents: r['cents'], buyers: r['paying_buyers'], newBuyers: r['new_buyers'], repurchasers: r['repurchasing_buyers'] })
        .toEqual({ m: r['m'], orders: e.orders, cents: e.cents, buyers: e.buyers, newBuyers: e.newBuyers, repurchasers: e.repurchasers });
      expect(r['returning_buyers']).toBe(e.buyers - e.newBuyers);
      expect(r['returning_buyer_share']).toBeCloseTo((e.buyers - e.newBuyers) / e.buyers, 12);
      expect(r['repurchase_rate']).toBeCloseTo(e.repurchasers / e.buyers, 12);
      expect(r['returning_revenue_share']).toBeCloseTo(e.returningCents / e.cents, 9);
    }
  });

  it('cohort retention matrix', async () => {
    const first = new Map<string, string>();
    for (const r of rows) if (!first.has(r.customer) || r.month < first.get(r.customer)!) first.set(r.customer, r.month);
    const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
    const active = new Map<string, Set<string>>();
    for (const r of rows) {
      const key = `${first.get(r.customer)}|${monthIndex(r.month) - monthIndex(first.get(r.customer)!)}`;
      const s = active.get(key) ?? new Set<string>();
      s.add(r.customer);
      active.set(key, s);
    }
    const store = await openStore({ path: db });
    const got = await store.all(`SELECT strftime(cohort_month, '%Y-%m') AS m, months_since AS k, active_customers AS n FROM cohort_retention`);
    store.close();
    expect(got.length).toBe(active.size);
    for (const r of got) expect(r['n']).toBe(active.get(`${r['m']}|${r['k']}`)?.size);
    // CDNOW's 23,570 customers all first bought in Q1 1997.
    expect(new Set(got.map((r) => r['m']))).toEqual(new Set(['1997-01', '1997-02', '1997-03']));
  });
});
