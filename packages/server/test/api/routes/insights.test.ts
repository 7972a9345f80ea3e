/** Shops, overview, segments and reports: values checked against the repositories and `huitou report --json`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReports } from '../../../src/reports/build-reports.ts';
import { tableRecords } from '../../../src/reports/report-table.ts';
import { createTestApi, SEED_PHONES, unmaskedPhones } from '../support/api-harness.ts';
import type { SeededShop, SessionClient, TestApi } from '../support/api-harness.ts';

let t: TestApi;
let seeded: SeededShop;
let analyst: SessionClient;
let operator: SessionClient;

beforeAll(async () => {
  t = await createTestApi();
  seeded = await t.seedShop();
  await t.db.run(`INSERT INTO shops (name, time_zone) VALUES ('empty', 'Asia/Shanghai')`);
  analyst = await t.login('analyst');
  operator = await t.login('operator');
}, 60_000);
afterAll(async () => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('GET /api/shops', () => {
  it('lists shops with counts from the store and the analysis run', async () => {
    const res = await analyst.get<Json>('/api/shops');
    expect(res.status).toBe(200);
    const demo = res.body['rows'].find((r: Json) => r['name'] === 'demo');
    expect(demo).toMatchObject({ customers: 4, orders: 7, buyers: seeded.analysis.summary.buyers, repeatBuyers: seeded.analysis.summary.repeatBuyers, netRevenue: seeded.analysis.summary.netRevenue });
    expect(demo['lastAnalysis']).toMatchObject({ runId: seeded.analysis.runId, asOf: '2024-12-31' });
    expect(res.body['rows'].find((r: Json) => r['name'] === 'empty')).toMatchObject({ customers: 0, buyers: null, lastAnalysis: null });
  });
});

describe('GET /api/shops/:shop/overview', () => {
  it('compares the last period with the previous one from the stored KPIs', async () => {
    const res = await analyst.get<Json>('/api/shops/demo/overview?period=30');
    expect(res.status).toBe(200);
    const stored = await t.db.all<Json>(
      `SELECT CAST(period_start AS VARCHAR) AS p, valid_orders, paying_buyers, returning_buyers FROM kpi_periods WHERE shop_id = $1 AND grain = 'd30' ORDER BY period_start DESC LIMIT 2`,
      [seeded.shop.shopId],
    );
    expect(res.body['current']).toMatchObject({ periodStart: stored[0]!['p'], periodEnd: '2024-12-31', validOrders: Number(stored[0]!['valid_orders']), payingBuyers: Number(stored[0]!['paying_buyers']) });
    // Dec 2–31: A3 (张三, a returning buyer) and D1+D2 (欧阳娜娜, new): 3 orders, 2 buyers, 1 returning.
    expect(res.body['current']).toMatchObject({ validOrders: 3, payingBuyers: 2, returningBuyers: 1, newBuyers: 1 });
    expect(res.body['previous']?.['periodStart']).toBe(stored[1]?.['p'] ?? undefined);
    expect(res.body['trend'].at(-1)).toEqual(res.body['current']);
    expect(res.body['totals']).toMatchObject({ customers: 4, buyers: seeded.analysis.summary.buyers, repeatBuyers: seeded.analysis.summary.repeatBuyers });
    const lifecycle = Object.fromEntries(res.body['lifecycle'].map((l: Json) => [l['code'], l['customers']]));
    for (const [code, n] of Object.entries(seeded.analysis.details.lifecycle)) expect(lifecycle[code] ?? 0).toBe(n);
  });

  it('validates the period and answers 404 / 409 for unknown shops and shops without analysis', async () => {
    expect((await analyst.get<Json>('/api/shops/demo/overview?period=31')).body['error']['code']).toBe('validation_failed');
    expect((await analyst.get<Json>('/api/shops/demo/overview?points=-1')).status).toBe(400);
    expect((await analyst.get<Json>('/api/shops/demo/overview?bogus=1')).status).toBe(400);
    expect((await analyst.get<Json>('/api/shops/nope/overview')).body['error']['code']).toBe('not_found');
    const none = await analyst.get<Json>('/api/shops/empty/overview');
    expect(none.status).toBe(409);
    expect(none.body['error']).toMatchObject({ code: 'no_analysis' });
    expect(none.body['error']['messageZh']).toContain('分析');
  });
});

describe('GET /api/shops/:shop/segments', () => {
  it('returns the RFM grid, funnel, ladder, Pareto curve, cohorts and SKU cycles matching the report tables', async () => {
    const res = await analyst.get<Json>('/api/shops/demo/segments?months=6');
    expect(res.status).toBe(200);
    const b = res.body;
    const gridCustomers = b['rfmGrid'].reduce((a: number, c: Json) => a + c['customers'], 0);
    expect(gridCustomers).toBe(seeded.analysis.summary.buyers);
    const reports = await buildReports(t.db, seeded.shop.shopId, 'all', { grain: 'month', limit: 24, cohortMonths: 6, asOf: '2024-12-31' });
    const rfm = tableRecords(reports.find((r) => r.key === 'rfm')!);
    expect(b['segments'].map((s: Json) => [s['code'], s['customers']])).toEqual(rfm.map((r) => [r['code'], r['customers']]));
    expect(b['lifecycle'].map((s: Json) => s['code'])).toEqual(['active', 'silent', 'sleeping', 'about_to_lose', 'lost']);
    expect(b['pareto'].at(-1)['revenueShare']).toBeCloseTo(1, 9);
    const cohorts = reports.find((r) => r.key === 'cohorts')!;
    expect(b['cohorts']['rows'].map((r: Json) => [r['cohort'], r['size'], ...r['retention']])).toEqual(cohorts.rows.map((r) => [...r]));
    expect(b['tiers'].reduce((a: number, r: Json) => a + r['customers'], 0)).toBe(4);
  });
});

describe('GET /api/shops/:shop/reports/:kind', () => {
  it('equals huitou report --json', async () => {
    const res = await analyst.get<Json>('/api/shops/demo/reports/all?grain=week&limit=5');
    expect(res.status).toBe(200);
    const tables = await buildReports(t.db, seeded.shop.shopId, 'all', { grain: 'week', limit: 5, cohortMonths: 12, asOf: '2024-12-31' });
    expect(res.body['reports'].map((r: Json) => r['key'])).toEqual(tables.map((x) => x.key));
    expect(res.body['reports'][0]['rows']).toEqual(tableRecords(tables[0]!));
    expect(unmaskedPhones(res.body, SEED_PHONES)).toEqual([]);
  });

  it('exports XLSX (audited) and refuses unknown kinds and huge limits', async () => {
    const res = await analyst.get('/api/shops/demo/reports/rfm/export?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const logged = await t.db.all<Json>(`SELECT action, target, actor_username FROM audit_log WHERE action = 'export'`);
    expect(logged).toContainEqual({ action: 'export', target: 'shop:demo/report:rfm', actor_username: 'analyst' });
    expect((await analyst.get<Json>('/api/shops/demo/reports/passwords')).status).toBe(400);
    expect((await analyst.get<Json>('/api/shops/demo/reports/kpi?limit=100000')).body['error']['issues'][0]['path']).toBe('query.limit');
    expect((await analyst.get<Json>('/api/shops/demo/reports/kpi?grain=year')).status).toBe(400);
  });
});

describe('POST /api/shops/:shop/analyze', () => {
  it('runs the analysis for operators (audited) and is refused to analysts', async () => {
    expect((await analyst.post<Json>('/api/shops/demo/analyze', {})).status).toBe(403);
    const res = await operator.post<Json>('/api/shops/demo/analyze', { asOf: '2024-12-31' });
    expect(res.status).toBe(200);
    expect(res.body['summary']).toEqual(seeded.analysis.summary);
    expect(res.body['run']['asOf']).toBe('2024-12-31');
    expect((await operator.post<Json>('/api/shops/demo/analyze', { asOf: '2024-13-45' })).status).toBe(400);
    expect((await operator.post<Json>('/api/shops/demo/analyze', { asOf: '2024-12-31', extra: 1 })).status).toBe(400);
  });
});
