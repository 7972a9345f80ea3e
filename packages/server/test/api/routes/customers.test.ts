/** Customer list and profile: values against the repositories, filters, paging, masking, hostile input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAnalysedCustomers, listCustomers } from '../../../src/store/repositories/customer.repository.ts';
import { createTestApi, SEED_PHONES, unmaskedPhones } from '../support/api-harness.ts';
import type { SeededShop, SessionClient, TestApi } from '../support/api-harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestApi;
let seeded: SeededShop;
let analyst: SessionClient;
let operator: SessionClient;
let zhang: number;

beforeAll(async () => {
  t = await createTestApi();
  seeded = await t.seedShop();
  analyst = await t.login('analyst');
  operator = await t.login('operator');
  zhang = Number((await t.db.all<Json>(`SELECT customer_id FROM customers WHERE phone = '13800001234'`))[0]!['customer_id']);
}, 60_000);
afterAll(async () => t.close());

describe('GET /api/shops/:shop/customers', () => {
  it('lists customers by spend with the stored stats and labels, like the repository and the CLI', async () => {
    const res = await operator.get<Json>('/api/shops/demo/customers');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, source: 'analysis', asOf: '2024-12-31' });
    const cli = await listCustomers(t.db, seeded.shop.shopId, {}, { sort: 'spend', descending: true, limit: 50, offset: 0 });
    expect(res.body['rows'].map((r: Json) => [r['id'], r['validOrders'], r['netSpend'], r['labels']['segment']])).toEqual(
      cli.rows.map((r) => [r.customerId, r.validOrders, r.netSpend, r.labels?.segment]),
    );
    const first = res.body['rows'][0];
    expect(first).toMatchObject({ id: zhang, name: '张三', phone: '13800001234', email: 'zhangsan@example.com', province: '浙江省', netSpend: 600, firstOrder: '2024-01-10' });
    expect(res.body['rows'][1]).toMatchObject({ name: '欧阳娜娜', phone: '18600004321', netSpend: 580, firstOrder: '2024-12-05', lastOrder: '2024-12-05' });
  });

  it('filters on labels and stats, sorts and pages', async () => {
    const direct = await listAnalysedCustomers(t.db, seeded.shop.shopId, { minOrders: 2 }, { sort: 'orders', descending: false, limit: 1, offset: 1 });
    const res = await operator.get<Json>('/api/shops/demo/customers?minOrders=2&sort=orders&desc=false&limit=1&offset=1');
    expect(res.body['total']).toBe(direct.total);
    expect(res.body['rows'].map((r: Json) => r['id'])).toEqual(direct.rows.map((r) => r.customerId));
    expect(res.body['total']).toBe(2);
    const lifecycle = (await operator.get<Json>('/api/shops/demo/customers?lifecycle=active')).body;
    expect(lifecycle['rows'].every((r: Json) => r['labels']['lifecycle'] === 'active')).toBe(true);
    expect(lifecycle['total']).toBe(seeded.analysis.details.lifecycle['active'] ?? 0);
    const spend = (await operator.get<Json>('/api/shops/demo/customers?minSpend=100&maxSpend=600&province=浙江省')).body;
    expect(spend['rows'].map((r: Json) => r['id'])).toEqual([zhang]);
    const search = (await operator.get<Json>(`/api/shops/demo/customers?search=${encodeURIComponent('张')}`)).body;
    expect(search['rows'].map((r: Json) => r['id'])).toEqual([zhang]);
    const byPhone = (await operator.get<Json>('/api/shops/demo/customers?search=0000123')).body;
    expect(byPhone['rows'].map((r: Json) => r['id'])).toEqual([zhang]);
    expect((await operator.get<Json>('/api/shops/demo/customers?offset=1000')).body).toMatchObject({ total: 4, rows: [] });
  });

  it('masks personal data for analysts, who may search by customer id only', async () => {
    const res = await analyst.get<Json>('/api/shops/demo/customers');
    expect(res.status).toBe(200);
    expect(unmaskedPhones(res.body)).toEqual([]);
    const ouyang = res.body['rows'][1];
    expect(ouyang).toMatchObject({ name: '欧*', phone: '186****4321', email: 'o***@example.com' });
    expect(JSON.stringify(res.body)).not.toContain('欧阳娜娜');
    const byId = await analyst.get<Json>(`/api/shops/demo/customers?search=${zhang}`);
    expect(byId.body['rows'].map((r: Json) => r['id'])).toEqual([zhang]);
    const byPhone = await analyst.get<Json>('/api/shops/demo/customers?search=13800001234');
    expect(byPhone.body['rows']).toEqual([]); // digits are an id for analysts; no phone matches
    const byName = await analyst.get<Json>(`/api/shops/demo/customers?search=${encodeURIComponent('张三')}`);
    expect(byName.status).toBe(403);
  });

  it('turns hostile input into 400 validation_failed with paths, never a 500', async () => {
    const bad = [
      'limit=100000', 'limit=0', 'limit=abc', 'offset=-1', 'offset=1e400', 'sort=password', 'desc=maybe', 'segment=vip', 'lifecycle=zombie',
      'customerType=%00', 'churnRisk=x', 'tier=a%20b', 'minR=9', 'maxPAlive=2', 'minSpend=-5', `search=${'x'.repeat(101)}`, 'unknown=1', 'dueState=not_due',
    ];
    for (const q of bad) {
      const res = await operator.get<Json>(`/api/shops/demo/customers?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body['error']['code'], q).toBe('validation_failed');
      expect(res.body['error']['issues'][0]['path'], q).toMatch(/^query/);
    }
    for (const s of ["' OR 1=1 --", "'); DROP TABLE customers; --", '<script>alert(1)</script>', '%_%', '\\']) {
      const res = await operator.get<Json>(`/api/shops/demo/customers?search=${encodeURIComponent(s)}`);
      expect(res.status, s).toBe(200);
      expect(res.body['total'], s).toBe(0);
    }
    expect((await t.db.all(`SELECT count(*) AS n FROM customers`))[0]).toEqual({ n: 4 });
    expect((await operator.get<Json>('/api/shops/nope/customers')).status).toBe(404);
    expect((await operator.get<Json>(`/api/shops/${'s'.repeat(101)}/customers`)).status).toBe(400);
  });
});

describe('GET /api/shops/:shop/customers/:id', () => {
  it('returns identity, facts, labels, tier, predictions, recommendations, the orders timeline and touches', async () => {
    const res = await operator.get<Json>(`/api/shops/demo/customers/${zhang}`);
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p['customer']).toMatchObject({ id: zhang, name: '张三', phone: '13800001234', email: 'zhangsan@example.com', city: '杭州市' });
    expect(p['facts']).toMatchObject({ validOrders: 3, netSpend: 600, firstOrder: '2024-01-10', lastOrder: '2024-12-20' });
    expect(p['labels']['customerType']).toBeTypeOf('string');
    expect(p['tier']['code']).toBe(p['labels']['tier']);
    expect(p['predictions']).toHaveProperty('pAlive');
    expect(p['orders']['total']).toBe(3);
    expect(p['orders']['rows'].map((o: Json) => o['orderNo'])).toEqual(['A3', 'A2', 'A1']);
    expect(p['orders']['rows'][0]['lines']).toEqual([{ sku: 'SKU-1', title: '龙井茶 250g', quantity: 6, amount: null, refund: 0 }]);
    expect(p['recommendations'].map((r: Json) => r['sku'])).toContain('SKU-1');
    expect(p['touches']).toEqual({ total: 0, rows: [] });
  });

  it('masks the profile for analysts and refuses bad ids', async () => {
    const res = await analyst.get<Json>(`/api/shops/demo/customers/${zhang}`);
    expect(res.status).toBe(200);
    expect(res.body['customer']).toMatchObject({ name: '张*', phone: '138****1234', email: 'z***@example.com', birthday: null });
    expect(unmaskedPhones(res.body, SEED_PHONES)).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain('张三');
    for (const id of ['0', '-1', 'abc', '1.5', '99999999999999999999', "1' OR '1'='1"]) {
      const r = await analyst.get<Json>(`/api/shops/demo/customers/${encodeURIComponent(id)}`);
      expect(r.status, id).toBe(400);
    }
    expect((await analyst.get<Json>('/api/shops/demo/customers/987654')).body['error']['code']).toBe('not_found');
  });
});
