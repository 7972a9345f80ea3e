/** Campaign flow through the API: playbook, validate, preview, save, launch, pause, detail, results; hostile input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignTouchCounts } from '../../../src/engine/campaigns/campaign-status.ts';
import { createTestApi } from '../support/api-harness.ts';
import type { SessionClient, TestApi } from '../support/api-harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const XSS_NAME = `<script>alert("x")</script>'; DROP TABLE campaigns; --`;
const CARE = (name: string) => `key: daily-care
name: ${JSON.stringify(name)}
kind: care
priority: 50
trigger: { kind: recurring, cron: "0 10 * * *" }
audience: { everyone: true }
channels: [sms]
holdout: 0.25
content:
  sms:
    - key: A
      text: "【demo】{{customer.name | default:\\"亲\\"}}您好，天冷注意保暖。回T退订"
`;
const DAY = '2026-11-25';

let t: TestApi;
let analyst: SessionClient;
let operator: SessionClient;

beforeAll(async () => {
  t = await createTestApi();
  await t.seedShop();
  analyst = await t.login('analyst');
  operator = await t.login('operator');
}, 60_000);
afterAll(async () => t.close());

describe('campaigns', () => {
  it('serves the playbook with the shop signature', async () => {
    const res = await analyst.get<Json>('/api/shops/demo/playbook');
    expect(res.status).toBe(200);
    expect(res.body['templates'].map((x: Json) => x['key'])).toContain('silent-winback');
    expect(res.body['templates'][0]['text']).toContain('【demo】');
    // Every template validates for this shop as shipped.
    for (const tpl of res.body['templates']) {
      const v = await operator.post<Json>('/api/shops/demo/campaigns/validate', { text: tpl['text'] });
      expect(v.body, tpl['file']).toMatchObject({ valid: true, key: tpl['key'] });
    }
  });

  it('validates with bilingual issues and paths', async () => {
    const res = await operator.post<Json>('/api/shops/demo/campaigns/validate', { text: CARE('关怀').replace('【demo】', '') .replace('kind: care', 'kind: nice') });
    expect(res.status).toBe(200);
    expect(res.body['valid']).toBe(false);
    const paths = res.body['issues'].map((i: Json) => i['path']);
    expect(paths).toContain('kind');
    expect(res.body['issues'].every((i: Json) => i['message'] !== '' && i['messageZh'] !== '')).toBe(true);
    expect((await analyst.post<Json>('/api/shops/demo/campaigns/validate', { text: CARE('x') })).status).toBe(403);
  });

  it('previews without writing, saves paused, launches (queues touches), pauses; all audited', async () => {
    const preview = await operator.post<Json>('/api/shops/demo/campaigns/preview', { text: CARE('天冷关怀'), date: DAY });
    expect(preview.status).toBe(200);
    expect(preview.body['key']).toBe('daily-care');
    expect(preview.body['plans']).toHaveLength(1);
    const plan = preview.body['plans'][0];
    expect(plan['audience']).toBe(4);
    expect(plan['queued'] + plan['holdout'] + Object.values(plan['skipped'] as Record<string, number>).reduce((a, n) => a + n, 0)).toBe(4);
    expect(plan['byChannel']['sms']?.['cost'] ?? 0).toBe(plan['messageCost']);
    expect((await t.db.all(`SELECT count(*) AS n FROM touches`))[0]).toEqual({ n: 0 });
    expect((await t.db.all(`SELECT count(*) AS n FROM campaigns`))[0]).toEqual({ n: 0 });

    const saved = await operator.post<Json>('/api/shops/demo/campaigns', { text: CARE(XSS_NAME) });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ created: true, campaign: { key: 'daily-care', status: 'paused', name: { zh: XSS_NAME, en: XSS_NAME }, holdout: 0.25 } });
    const list = await analyst.get<Json>('/api/shops/demo/campaigns');
    expect(list.body['rows'][0]['name']['zh']).toBe(XSS_NAME); // stored and returned as plain data
    expect(list.headers.get('content-type')).toContain('application/json');

    const launch = await operator.post<Json>('/api/shops/demo/campaigns/daily-care/launch', { date: DAY });
    expect(launch.status).toBe(200);
    expect(launch.body).toMatchObject({ key: 'daily-care', status: 'active', day: DAY });
    expect(launch.body['totals']['queued']).toBe(plan['queued']);
    const counts = (await campaignTouchCounts(t.db, 1, 'daily-care')).get('daily-care');
    expect(counts?.touches['queued'] ?? 0).toBe(launch.body['totals']['queued']);
    expect(counts?.touches['holdout'] ?? 0).toBe(launch.body['totals']['holdout']);

    const detail = await analyst.get<Json>('/api/shops/demo/campaigns/daily-care');
    expect(detail.status).toBe(200);
    expect(detail.body['campaign']).toMatchObject({ status: 'active', touches: counts?.touches });
    expect(detail.body['occurrences']).toHaveLength(1);
    expect(detail.body['occurrences'][0]['audience']).toBe(4);

    const pause = await operator.post<Json>('/api/shops/demo/campaigns/daily-care/pause', { reason: '节假日暂停' });
    expect(pause.body).toEqual({ key: 'daily-care', status: 'paused', statusReason: '节假日暂停' });
    expect((await analyst.get<Json>('/api/shops/demo/campaigns/daily-care')).body['campaign']['status']).toBe('paused');

    const actions = (await t.db.all<Json>(`SELECT action FROM audit_log WHERE action LIKE 'campaign.%' ORDER BY audit_id`)).map((r) => r['action']);
    expect(actions).toEqual(['campaign.save', 'campaign.launch', 'campaign.pause']);

    const results = await analyst.get<Json>('/api/shops/demo/campaigns/daily-care/results?window=7');
    expect(results.status).toBe(200);
    expect(results.body['campaigns']).toHaveLength(1);
    expect(results.body['campaigns'][0]['totals']['treated']['customers']).toBe(launch.body['totals']['queued']);
    expect(results.body['campaigns'][0]['totals']['holdout']['customers']).toBe(launch.body['totals']['holdout']);
    expect((await analyst.get<Json>('/api/shops/demo/results')).body['campaigns']).toHaveLength(1);
    expect((await analyst.get<Json>('/api/shops/demo/campaigns/nope/results')).status).toBe(404);
    expect((await analyst.get<Json>('/api/shops/demo/results?window=0')).status).toBe(400);
    expect((await analyst.get<Json>('/api/shops/demo/results?grossMargin=2')).status).toBe(400);
  });

  it('refuses hostile input with the one error shape', async () => {
    const cases: [string, Promise<{ status: number; body: Json }>, number][] = [
      ['bad key', operator.post<Json>('/api/shops/demo/campaigns/Bad%20Key/launch', {}), 400],
      ['unknown key', operator.post<Json>('/api/shops/demo/campaigns/no-such/launch', {}), 404],
      ['unknown key pause', operator.post<Json>('/api/shops/demo/campaigns/no-such/pause', {}), 404],
      ['bad date', operator.post<Json>('/api/shops/demo/campaigns/daily-care/launch', { date: '2026-02-30' }), 400],
      ['extra field', operator.post<Json>('/api/shops/demo/campaigns/daily-care/pause', { reason: 'x', admin: true }), 400],
      ['long reason', operator.post<Json>('/api/shops/demo/campaigns/daily-care/pause', { reason: 'x'.repeat(201) }), 400],
      ['empty text', operator.post<Json>('/api/shops/demo/campaigns', { text: '' }), 400],
      ['not text', operator.post<Json>('/api/shops/demo/campaigns', { text: 42 }), 400],
      ['invalid yaml', operator.post<Json>('/api/shops/demo/campaigns', { text: 'key: [unclosed' }), 400],
      ['yaml bomb', operator.post<Json>('/api/shops/demo/campaigns/validate', { text: `a: &a ["x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n` }), 200],
      ['text over 256 KB', operator.post<Json>('/api/shops/demo/campaigns/validate', { text: 'x'.repeat(300_000) }), 400],
      ['1 MB+ body', operator.post<Json>('/api/shops/demo/campaigns/validate', { text: 'x'.repeat(1_100_000) }), 413],
      ['wrong content type', operator.post<Json>('/api/shops/demo/campaigns/validate', 'text=hello', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415],
      ['not json', operator.post<Json>('/api/shops/demo/campaigns/validate', '{"text": ', { headers: { 'content-type': 'application/json' } }), 400],
      ['unknown shop', operator.post<Json>('/api/shops/nope/campaigns/validate', { text: 'x' }), 404],
    ];
    for (const [name, pending, status] of cases) {
      const res = await pending;
      expect(res.status, name).toBe(status);
      if (status !== 200) expect(res.body['error']['code'], name).toMatch(/^[a-z_]+$/);
    }
  });
});
