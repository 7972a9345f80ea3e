/** Consent events and the opt-out webhook: recorded, audited, idempotent, token-scoped, masked for analysts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, SEED_PHONES, unmaskedPhones } from '../support/api-harness.ts';
import type { SessionClient, TestApi } from '../support/api-harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestApi;
let analyst: SessionClient;
let operator: SessionClient;
let li: number;

beforeAll(async () => {
  t = await createTestApi();
  await t.seedShop();
  analyst = await t.login('analyst');
  operator = await t.login('operator');
  li = Number((await t.db.all<Json>(`SELECT customer_id FROM customers WHERE phone = '13900005678'`))[0]!['customer_id']);
}, 60_000);
afterAll(async () => t.close());

describe('POST /api/shops/:shop/consent', () => {
  it('records an event that the profile shows, and audits it', async () => {
    const res = await operator.post<Json>('/api/shops/demo/consent', { customerId: li, channel: 'sms', status: 'granted', source: 'checkout_form', wording: '同意接收会员短信' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ customerId: li, channel: 'sms', status: 'granted', source: 'checkout_form', wording: '同意接收会员短信', recordedAt: new Date(t.clock.ms).toISOString() });
    const stored = await t.db.all<Json>(`SELECT channel, status, source FROM consent_events WHERE customer_id = $1`, [li]);
    expect(stored).toEqual([{ channel: 'sms', status: 'granted', source: 'checkout_form' }]);
    const profile = await operator.get<Json>(`/api/shops/demo/customers/${li}`);
    expect(profile.body['consent'][0]).toMatchObject({ channel: 'sms', status: 'granted' });
    expect((await t.db.all<Json>(`SELECT target FROM audit_log WHERE action = 'consent.change'`))[0]).toEqual({ target: `shop:demo/customer:${li}` });
  });

  it('is refused to analysts and rejects bad input', async () => {
    expect((await analyst.post<Json>('/api/shops/demo/consent', { customerId: li, channel: 'sms', status: 'granted', source: 'x' })).status).toBe(403);
    const bad: unknown[] = [
      { customerId: li, channel: 'fax', status: 'granted', source: 'x' },
      { customerId: li, channel: 'sms', status: 'maybe', source: 'x' },
      { customerId: -1, channel: 'sms', status: 'granted', source: 'x' },
      { customerId: '1', channel: 'sms', status: 'granted', source: 'x' },
      { customerId: li, channel: 'sms', status: 'granted', source: '' },
      { customerId: li, channel: 'sms', status: 'granted', source: 'x'.repeat(101) },
      { customerId: li, channel: 'sms', status: 'granted', source: 'x', wording: 'w'.repeat(2001) },
      [],
      null,
    ];
    for (const body of bad) expect((await operator.post<Json>('/api/shops/demo/consent', body)).status, JSON.stringify(body)?.slice(0, 80)).toBe(400);
    expect((await operator.post<Json>('/api/shops/demo/consent', { customerId: 999_999, channel: 'sms', status: 'granted', source: 'x' })).status).toBe(404);
  });
});

describe('POST /api/webhooks/optout/:shop', () => {
  it('needs a token with the consent scope', async () => {
    const body = { channel: 'sms', address: '13900005678', reason: 'helpdesk' };
    expect((await t.anonymous.post<Json>('/api/webhooks/optout/demo', body)).status).toBe(401);
    expect((await t.bearer('hut_nope').post<Json>('/api/webhooks/optout/demo', body)).status).toBe(401);
    const reader = await t.tokenClient('operator', ['read']);
    expect((await reader.post<Json>('/api/webhooks/optout/demo', body)).status).toBe(403);
    const analystToken = await t.tokenClient('analyst', ['read']);
    expect((await analystToken.post<Json>('/api/webhooks/optout/demo', body)).status).toBe(403);
    // A session cookie is not enough either: the webhook is for systems with tokens.
    expect((await operator.post<Json>('/api/webhooks/optout/demo', body)).status).toBe(401);
  });

  it('suppresses the address and revokes consent, idempotently', async () => {
    const hook = await t.tokenClient('operator', ['consent'], 'helpdesk');
    const first = await hook.post<Json>('/api/webhooks/optout/demo', { channel: 'sms', address: '+86 139-0000-5678', reason: 'helpdesk' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ applied: true, channel: 'sms', customers: 1 });
    const again = await hook.post<Json>('/api/webhooks/optout/demo', { channel: 'sms', address: '13900005678', reason: 'helpdesk' });
    expect(again.body).toEqual({ applied: false, channel: 'sms', customers: 1 });
    expect(await t.db.all<Json>(`SELECT channel, address FROM suppressions`)).toEqual([{ channel: 'sms', address: '13900005678' }]);
    expect((await t.db.all<Json>(`SELECT status FROM consent_events WHERE customer_id = $1 ORDER BY event_id`, [li])).map((r) => r['status'])).toEqual(['granted', 'revoked']);
    expect((await t.db.all<Json>(`SELECT count(*) AS n FROM audit_log WHERE action = 'optout.webhook'`))[0]).toEqual({ n: 2 });
    const masked = await analyst.get<Json>(`/api/shops/demo/customers/${li}`);
    expect(masked.body['suppressions'][0]).toMatchObject({ channel: 'sms', address: '139****5678' });
    expect(unmaskedPhones(masked.body, SEED_PHONES)).toEqual([]);
    expect((await hook.post<Json>('/api/webhooks/optout/demo', { channel: 'sms', address: 'not a phone' })).status).toBe(400);
    expect((await hook.post<Json>('/api/webhooks/optout/demo', { channel: 'email', address: 'nobody' })).status).toBe(400);
    expect((await hook.post<Json>('/api/webhooks/optout/demo', { channel: 'pigeon', address: '13900005678' })).status).toBe(400);
    expect((await hook.post<Json>('/api/webhooks/optout/nope', { channel: 'sms', address: '13900005678' })).status).toBe(404);
  });
});
