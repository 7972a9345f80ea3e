/**
 * The analysts' safety net: phones are masked in every JSON and text response to an analyst, whatever the
 * field, while operators see them whole; and no GET route of the app returns an analyst an unmasked phone.
 */
import { strFromU8, unzipSync } from 'fflate';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskJson, maskPhonesInText } from '../../../src/api/auth/mask-filter.ts';
import { writeXlsx } from '../../../src/importers/read/xlsx/xlsx-writer.ts';
import { SEED_PHONES, createTestApi, unmaskedPhones } from '../support/api-harness.ts';
import type { SessionClient, TestApi } from '../support/api-harness.ts';

const LEAKY = {
  phone: '13800001234',
  note: '客户电话 13900005678，请回访',
  nested: [{ receiverMobile: '+86 159 0000 9876' }, { contactTel: 18600004321 }],
  landline: { phone: '021-6543-2100' },
  orderNo: '2024120512345678901',
};

describe('mask filter', () => {
  it('masks CN mobiles in free text and long digit runs in phone fields', () => {
    expect(maskPhonesInText('call 13800001234 or +86 139-0000-5678, not 213800001234')).toBe('call 138****1234 or +86 139****5678, not 213800001234');
    expect(maskJson({ ...LEAKY, amount: 13800001234.5 })).toEqual({
      phone: '138****1234',
      note: '客户电话 139****5678，请回访',
      nested: [{ receiverMobile: '+86 159****9876' }, { contactTel: '186****4321' }],
      landline: { phone: '021****2100' },
      orderNo: '2024120512345678901',
      amount: 13800001234.5,
    });
  });

  it('keeps __proto__ keys as data', () => {
    const masked = maskJson(JSON.parse('{"__proto__":{"phone":"13800001234"}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
    expect(JSON.stringify(masked)).toBe('{"__proto__":{"phone":"138****1234"}}');
  });
});

describe('analysts never receive an unmasked phone', () => {
  let t: TestApi;
  let analyst: SessionClient;
  let operator: SessionClient;
  beforeAll(async () => {
    t = await createTestApi();
    t.api.registry.add({ method: 'get', path: '/api/test/leaky', tag: 'test', summary: 'returns raw phones', access: { role: 'analyst', scope: 'read' }, response: z.unknown(), handler: async () => LEAKY });
    t.api.registry.add({
      method: 'get', path: '/api/test/leaky.csv', tag: 'test', summary: 'a CSV export with raw phones', access: { role: 'analyst', scope: 'read' }, response: z.unknown(),
      handler: async (c) => c.body('name,phone\n张三,13800001234\n李四,+86 139 0000 5678\n', 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="x.csv"' }),
    });
    t.api.registry.add({
      method: 'get', path: '/api/test/leaky.xlsx', tag: 'test', summary: 'an XLSX export with raw phones', access: { role: 'analyst', scope: 'read' }, response: z.unknown(),
      handler: async () => new Response(Buffer.from(writeXlsx([{ name: '客户', rows: [['name', 'phone', 'mobile as number', 'order'], ['张三', '13800001234', 13900005678, 2024120512345]] }])), { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
    });
    await t.seedShop();
    analyst = await t.login('analyst');
    operator = await t.login('operator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('masks JSON and CSV for analysts, not for operators', async () => {
    const masked = await analyst.get('/api/test/leaky');
    expect(masked.status).toBe(200);
    expect(unmaskedPhones(masked.body)).toEqual([]);
    expect(masked.headers.get('content-type')).toMatch(/application\/json/);
    const whole = await operator.get('/api/test/leaky');
    expect(unmaskedPhones(whole.body).length).toBeGreaterThan(0);
    const csv = await analyst.get('/api/test/leaky.csv');
    expect(csv.text).toBe('name,phone\n张三,138****1234\n李四,+86 139****5678\n');
    expect(csv.headers.get('content-disposition')).toContain('x.csv');
    expect((await operator.get('/api/test/leaky.csv')).text).toContain('13800001234');
  });

  it('masks XLSX exports for analysts (text and numeric cells) and keeps them valid workbooks', async () => {
    const fetchXlsx = async (who: SessionClient): Promise<string> => {
      const res = await t.api.app.request('/api/test/leaky.xlsx', { headers: { cookie: `huitou_session=${who.cookie}` } });
      expect(res.status).toBe(200);
      const entries = unzipSync(new Uint8Array(await res.arrayBuffer()));
      return Object.entries(entries).filter(([name]) => name.startsWith('xl/')).map(([, data]) => strFromU8(data)).join('\n');
    };
    const masked = await fetchXlsx(analyst);
    expect(masked).not.toContain('13800001234');
    expect(masked).not.toContain('13900005678');
    expect(masked).toContain('138****1234');
    expect(masked).toContain('139****5678');
    expect(masked).toContain('2024120512345');
    const whole = await fetchXlsx(operator);
    expect(whole).toContain('13800001234');
    expect(whole).toContain('13900005678');
  });

  it('masks analyst tokens too', async () => {
    const token = await t.tokenClient('analyst', ['read']);
    expect(unmaskedPhones((await token.get('/api/test/leaky')).body)).toEqual([]);
  });

  it('masks phones echoed in error messages', async () => {
    const res = await analyst.get('/api/shops/demo/customers/13800001234/nothing-here');
    expect(res.text).not.toContain('13800001234');
  });

  it('no GET route returns an analyst an unmasked phone (every registered route, seeded shop)', async () => {
    const customerIds = (await t.db.all<{ id: number }>('SELECT customer_id AS id FROM customers ORDER BY customer_id')).map((r) => String(r.id));
    const fill = (path: string, id: string): string =>
      path.replace(/:shop\b/g, 'demo').replace(/:id\b/g, id).replace(/:customer\b/g, id).replace(/:key\b/g, 'winback').replace(/:kind\b/g, 'kpi').replace(/:job\b/g, '1').replace(/:[A-Za-z_]+/g, '1');
    let checked = 0;
    for (const route of t.api.registry.routes.filter((r) => r.method === 'get' && r.access !== 'public')) {
      for (const id of route.path.includes(':') ? customerIds : ['']) {
        const path = fill(route.path, id);
        for (const query of ['', '?search=138', '?search=13800001234&limit=500']) {
          const res = await analyst.get(path + query);
          expect(unmaskedPhones(res.text === '' ? null : res.text), `${path}${query}`).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(SEED_PHONES.length).toBe(4);
  });
});
