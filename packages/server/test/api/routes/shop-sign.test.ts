/**
 * PUT /api/shops/:shop/sms-sign and the signature in GET /api/shops: owners set or remove the shop's own
 * signature (audited); others are refused; bad and hostile bodies are 400 with both languages and change
 * nothing; the campaign routes then require texts to carry the new signature.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../support/api-harness.ts';
import type { SessionClient, TestApi } from '../support/api-harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestApi;
let owner: SessionClient;

beforeAll(async () => {
  t = await createTestApi();
  await t.seedShop();
  owner = await t.login('owner');
}, 60_000);
afterAll(async () => t.close());

const signOf = async (): Promise<Json> => ((await owner.get<Json>('/api/shops')).body['rows'] as Json[]).find((r) => r['name'] === 'demo')!;

describe("the shop's SMS signature over HTTP", () => {
  it("lists the signature with its source, sets the shop's own, audits it and removes it again", async () => {
    expect(await signOf()).toMatchObject({ smsSign: 'demo', smsSignSource: 'name' });
    const set = await owner.put<Json>('/api/shops/demo/sms-sign', { smsSign: ' 小兔家居 ' });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ shop: 'demo', smsSign: '小兔家居', smsSignSource: 'shop' });
    expect(await signOf()).toMatchObject({ smsSign: '小兔家居', smsSignSource: 'shop' });
    const audit = await owner.get<Json>('/api/audit?action=shop.sms_sign');
    expect((audit.body['rows'] as Json[])[0]).toMatchObject({ action: 'shop.sms_sign', target: 'shop:demo' });
    // Campaign texts must now carry 【小兔家居】: the old signature is refused with the reason.
    const validate = await owner.post<Json>('/api/shops/demo/campaigns/validate', {
      text: 'key: c1\nname: c1\nkind: care\npriority: 50\ntrigger: { kind: recurring, cron: "0 10 * * *" }\naudience: { everyone: true }\nchannels: [sms]\ncontent:\n  sms:\n    - key: A\n      text: "【demo】您好。回T退订"\n',
    });
    expect(JSON.stringify(validate.body)).toContain('【小兔家居】');
    const cleared = await owner.put<Json>('/api/shops/demo/sms-sign', { smsSign: null });
    expect(cleared.body).toEqual({ shop: 'demo', smsSign: 'demo', smsSignSource: 'name' });
  });

  it('refuses operators, analysts and tokens without an owner, and unknown shops', async () => {
    for (const role of ['operator', 'analyst'] as const) {
      const client = await t.login(role);
      expect((await client.put('/api/shops/demo/sms-sign', { smsSign: '小店' })).status, role).toBe(403);
    }
    const token = await t.tokenClient('operator', ['campaigns']);
    expect((await token.put('/api/shops/demo/sms-sign', { smsSign: '小店' })).status).toBe(403);
    expect((await owner.put('/api/shops/nope/sms-sign', { smsSign: '小店' })).status).toBe(404);
    expect(await signOf()).toMatchObject({ smsSignSource: 'name' });
  });

  it('answers bad and hostile bodies with 400 in both languages and changes nothing', async () => {
    const bodies: unknown[] = [
      { smsSign: 'x' }, { smsSign: '【小店】' }, { smsSign: '<script>alert(1)</script>' }, { smsSign: 'x'.repeat(10_000) },
      { smsSign: 42 }, {}, { smsSign: '小店', extra: true }, { __proto__: { smsSign: '小店' } }, '{"smsSign":', 'null',
    ];
    for (const body of bodies) {
      const res = await owner.put<Json>('/api/shops/demo/sms-sign', body, typeof body === 'string' ? { headers: { 'content-type': 'application/json' } } : {});
      expect(res.status, JSON.stringify(body)?.slice(0, 40)).toBe(400);
      expect(res.body['error']).toMatchObject({ code: 'validation_failed', message: expect.any(String), messageZh: expect.any(String) });
    }
    expect(await signOf()).toMatchObject({ smsSign: 'demo', smsSignSource: 'name' });
  });
});
