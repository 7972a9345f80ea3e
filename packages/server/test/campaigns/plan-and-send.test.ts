/**
 * Planning and sending end to end: a small shop imported and analysed, campaigns written as YAML, planned
 * (holdout, consent, caps, priorities, quiet hours, coupons, variants), and sent through the real Aliyun
 * client to the SMS simulator.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDay } from '@huitou/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCampaignText } from '../../src/engine/campaigns/campaign-definition.ts';
import { couponSecret, saveCampaign } from '../../src/engine/campaigns/campaign-store.ts';
import { planCampaignDay } from '../../src/engine/campaigns/plan-occurrence.ts';
import { createAliyunSmsChannel } from '../../src/engine/channels/sms/index.ts';
import { runSender } from '../../src/engine/outbox/sender.ts';
import { startSmsSimulator } from '../../src/engine/sms-sim/index.ts';
import type { SmsSimulator } from '../../src/engine/sms-sim/index.ts';
import type { Db } from '../../src/store/database.ts';
import { openStore } from '../../src/store/open-store.ts';
import { tempDir } from '../support/paths.ts';
import { cli } from '../support/run-cli.ts';

const SHOP = { shopId: 1, name: '测试小店', timeZone: 'Asia/Shanghai' };
const DAY = parseDay('2026-06-30');
const NOON = Date.UTC(2026, 5, 30, 4, 0);

function csv(customers: number): string {
  const rows = ['order_id,customer_id,order_time,amount,name,phone'];
  for (let i = 1; i <= customers; i++) {
    rows.push(`A${i},c${i},2026-0${1 + (i % 3)}-1${i % 10} 10:00:00,${50 + (i % 7) * 30},客户${i},1380000${String(i).padStart(4, '0')}`);
    if (i % 2 === 0) rows.push(`B${i},c${i},2026-06-2${i % 10} 10:00:00,120,客户${i},1380000${String(i).padStart(4, '0')}`);
  }
  return rows.join('\n');
}

const WINBACK = `
key: winback
name: { zh: 老客召回, en: Win-back }
kind: marketing
priority: 60
trigger: { kind: once, at: { year: 2026, month: 6, day: 30, hour: 22, minute: 0 } }
audience: { everyone: true }
channels: [sms]
holdout: 0.2
offer: { kind: threshold, threshold: 150, amount: 20, validDays: 14 }
content:
  sms:
    - key: A
      text: "【测试小店】{{customer.name | default:\\"亲\\"}}，送您{{coupon.value}}券，码{{coupon.code}}，{{coupon.validUntil}}前有效。回T退订"
    - key: B
      text: "【测试小店】{{customer.name | default:\\"亲\\"}}，好久不见，{{coupon.value}}等您来。回T退订"
`;

describe('plan and send', () => {
  const dir = tempDir();
  const dbPath = join(dir.path, 'shop.duckdb');
  let db: Db;
  let sim: SmsSimulator;
  beforeAll(async () => {
    writeFileSync(join(dir.path, 'orders.csv'), csv(100));
    expect((await cli(['import', join(dir.path, 'orders.csv'), '--db', dbPath, '--shop', SHOP.name])).code).toBe(0);
    expect((await cli(['analyze', '--db', dbPath, '--as-of', '2026-06-30'])).code).toBe(0);
    db = await openStore({ path: dbPath });
    // Consent for SMS marketing for customers 1–80; customer 7 opted out by replying T.
    await db.run(`INSERT INTO consent_events (shop_id, customer_id, channel, status, source, wording)
                  SELECT 1, customer_id, 'sms', 'granted', 'test', '同意接收优惠短信' FROM customers WHERE CAST(substr(key_value, 2) AS INTEGER) <= 80`);
    await db.run(`INSERT INTO suppressions (shop_id, channel, address, reason, source) VALUES (1, 'sms', '13800000007', 'sms_reply', 'T')`);
    sim = await startSmsSimulator();
  });
  afterAll(async () => {
    await sim.close();
    db.close();
    dir.remove();
  });

  it('rejects a marketing SMS without the shop signature or an opt-out phrase, pointing at the text', () => {
    const bad = WINBACK.replace('【测试小店】{{customer.name | default:\\"亲\\"}}，送您', '{{customer.name}}送您').replaceAll('回T退订', '');
    const parsed = parseCampaignText(bad, { signName: '测试小店' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.issues.map((i) => i.path)).toContain('content.sms.0.text');
      expect(parsed.issues.some((i) => /签名|signature/i.test(i.message + i.messageZh))).toBe(true);
      expect(parsed.issues.some((i) => /退订|opt-out/i.test(i.message + i.messageZh))).toBe(true);
    }
  });

  it('plans one touch per customer with holdout, consent and opt-out decisions, deferred to the sending window', async () => {
    const parsed = parseCampaignText(WINBACK, { signName: '测试小店' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const id = await saveCampaign(db, 1, parsed.campaign);
    const secret = await couponSecret(db);
    const request = { campaignId: id, definition: parsed.campaign, shop: SHOP, day: DAY, nowMs: NOON, couponSecret: secret, costPerMessageCents: { sms: 5 } };
    const preview = await planCampaignDay(db, { ...request, dryRun: true });
    if (!preview.ok) throw new Error(preview.message);
    const plan = preview.plans[0]!;
    expect(plan.audience).toBe(100);
    expect(plan.holdout).toBeGreaterThan(8);
    expect(plan.holdout).toBeLessThan(35);
    expect(plan.skipped['no_consent']).toBeGreaterThan(10);
    expect(plan.samples[0]?.body).toMatch(/^【测试小店】客户\d+，/);
    expect(await db.all(`SELECT count(*) AS n FROM touches`)).toEqual([{ n: 0 }]);
    const done = await planCampaignDay(db, request);
    if (!done.ok) throw new Error(done.message);
    expect(done.plans[0]).toMatchObject({ audience: 100, queued: plan.queued, holdout: plan.holdout });
    const rows = await db.all(`SELECT status, skip_reason, count(*) AS n FROM touches GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(rows.find((r) => r['skip_reason'] === 'opted_out')).toMatchObject({ n: 1 });
    // 22:00 Shanghai is outside 08:00–21:00: queued marketing waits for 08:00 next morning.
    expect(await db.all(`SELECT DISTINCT extract(epoch FROM not_before) * 1000 AS nb FROM touches WHERE status = 'queued'`)).toEqual([{ nb: Date.UTC(2026, 6, 1, 0, 0) }]);
    // Holdout keeps the time its message would have gone out (the start of its attribution window in results).
    expect(await db.all(`SELECT DISTINCT extract(epoch FROM not_before) * 1000 AS nb FROM touches WHERE status = 'holdout'`)).toEqual([{ nb: Date.UTC(2026, 6, 1, 0, 0) }]);
    // Every queued touch has a unique coupon code and an A or B variant.
    const codes = await db.all(`SELECT count(DISTINCT offer_code) AS codes, count(*) AS n, count(DISTINCT variant) AS variants FROM touches WHERE status = 'queued'`);
    expect(codes[0]).toEqual({ codes: plan.queued, n: plan.queued, variants: 2 });
    // Each coupon keeps the offer it was issued under (满150减20, in cents); touches without a coupon have none.
    expect(await db.all(`SELECT DISTINCT offer_code IS NULL AS none, offer FROM touches ORDER BY 1`)).toEqual([
      { none: false, offer: JSON.stringify({ kind: 'threshold', thresholdCents: 15_000, amountCents: 2_000, validDays: 14 }) },
      { none: true, offer: null },
    ]);
    // Planning the same day again adds nothing.
    const again = await planCampaignDay(db, request);
    expect(again.ok && again.plans[0]?.audience).toBe(0);
    expect(await db.all(`SELECT count(*) AS n FROM touches`)).toEqual([{ n: 100 }]);
  });

  it('a higher-priority campaign displaces a lower one still queued, recording why; care is capped separately', async () => {
    const vip = WINBACK.replace('key: winback', 'key: vip-preheat').replace('priority: 60', 'priority: 90').replace('holdout: 0.2', 'holdout: 0');
    const parsed = parseCampaignText(vip, { signName: '测试小店' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const id = await saveCampaign(db, 1, parsed.campaign);
    const res = await planCampaignDay(db, { campaignId: id, definition: parsed.campaign, shop: SHOP, day: DAY, nowMs: NOON, couponSecret: await couponSecret(db), costPerMessageCents: { sms: 5 } });
    if (!res.ok) throw new Error(res.message);
    expect(res.plans[0]!.displaced).toBeGreaterThan(0);
    const displaced = await db.all(`SELECT count(*) AS n FROM touches WHERE skip_reason = 'displaced_by:vip-preheat'`);
    expect(Number(displaced[0]!['n'])).toBe(res.plans[0]!.displaced);
    const lower = WINBACK.replace('key: winback', 'key: low').replace('priority: 60', 'priority: 10').replace('holdout: 0.2', 'holdout: 0');
    const low = parseCampaignText(lower, { signName: '测试小店' });
    if (!low.ok) throw new Error('low');
    const lowRes = await planCampaignDay(db, { campaignId: await saveCampaign(db, 1, low.campaign), definition: low.campaign, shop: SHOP, day: DAY, nowMs: NOON, couponSecret: 's', costPerMessageCents: {} });
    expect(lowRes.ok && lowRes.plans[0]!.queued).toBe(0);
    expect(lowRes.ok && lowRes.plans[0]!.skipped['frequency_cap_lower_priority']).toBeGreaterThan(0);
  });

  it('sends the queued touches through the Aliyun client to the simulator exactly once', async () => {
    const sms = createAliyunSmsChannel({ endpoint: sim.url, signName: '测试小店', ...sim.credentials.aliyun, providerDedupes: true });
    const stats = await runSender(db, { owner: 's1', channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, now: () => Date.UTC(2026, 6, 1, 2, 0) });
    const queued = await db.all(`SELECT count(*) AS n FROM touches WHERE status = 'sent'`);
    expect(stats.sent).toBe(Number(queued[0]!['n']));
    expect(sim.messages()).toHaveLength(stats.sent);
    expect(new Set(sim.messages().map((m) => m.idempotencyKey)).size).toBe(stats.sent);
    expect(sim.messages().some((m) => m.phone.endsWith('13800000007'))).toBe(false);
  });
});
