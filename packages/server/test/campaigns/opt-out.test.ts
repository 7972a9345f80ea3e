/** Opt-outs arrive through the providers' inbound format and the email one-click link, and stop the rest at once. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInboundServer } from '../../src/engine/optout/inbound-server.ts';
import type { InboundServer } from '../../src/engine/optout/inbound-server.ts';
import { isOptOutReply } from '../../src/engine/optout/opt-out-reply.ts';
import { unsubscribeToken } from '../../src/engine/optout/unsubscribe-token.ts';
import { runSender } from '../../src/engine/outbox/sender.ts';
import { startSmsSimulator } from '../../src/engine/sms-sim/index.ts';
import type { SmsSimulator } from '../../src/engine/sms-sim/index.ts';
import type { Db } from '../../src/store/database.ts';
import { outboxFixture, RecordingChannel } from '../engine/outbox-fixture.ts';
import { tempDir } from '../support/paths.ts';

const NOON = Date.UTC(2026, 10, 22, 4, 0);

describe('opt-out replies', () => {
  it('recognises T, TD, R, 退订 in their usual spellings and nothing else', () => {
    for (const t of ['T', 't', ' TD ', 'ｔｄ', 'R', '退订', '退订！', 'T。', 'unsubscribe']) expect(isOptOutReply(t)).toBe(true);
    for (const t of ['谢谢', 'Thanks', '好的T恤什么时候到', 'TT', '']) expect(isOptOutReply(t)).toBe(false);
  });
});

describe('inbound webhook', () => {
  const dir = tempDir();
  let db: Db;
  let inbound: InboundServer;
  let sim: SmsSimulator;
  beforeAll(async () => {
    db = await outboxFixture(join(dir.path, 'o.duckdb'), 30, { kind: 'marketing' });
    await db.run(`INSERT INTO customers (customer_id, shop_id, key_kind, key_value, phone, email, created_batch, updated_batch)
                  SELECT touch_id, 1, 'platform_id', 'c' || touch_id, recipient, 'c' || touch_id || '@example.com', 1, 1 FROM touches`);
    await db.run(`INSERT INTO consent_events (shop_id, customer_id, channel, status, source) SELECT 1, customer_id, 'sms', 'granted', 'test' FROM customers`);
    inbound = await startInboundServer({ db, shopId: 1, secret: 'test-secret' });
    sim = await startSmsSimulator({ replyCallbackUrls: { aliyun: `${inbound.url}/inbound/aliyun`, tencent: `${inbound.url}/inbound/tencent` } });
  });
  afterAll(async () => {
    await sim.close();
    await inbound.close();
    db.close();
    dir.remove();
  });

  it('a 退订 reply mid-campaign stops every later touch to that number', async () => {
    const sms = new RecordingChannel();
    await runSender(db, { owner: 'a', channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, batchSize: 10, now: () => NOON, signal: AbortSignal.timeout(60_000), onBatch: () => undefined });
    // The first batches went out; now customer 25 replies (Aliyun format) and customer 26 (Tencent format).
    await db.run(`UPDATE touches SET status = 'queued' WHERE touch_id > 20`);
    await sim.reply({ phone: '13800000025', text: '退订', provider: 'aliyun' });
    await sim.reply({ phone: '13800000026', text: 'TD', provider: 'tencent' });
    await sim.reply({ phone: '13800000027', text: '什么时候发货', provider: 'aliyun' });
    expect(inbound.optOuts()).toBe(2);
    const before = sms.calls.length;
    await runSender(db, { owner: 'b', channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, now: () => NOON });
    const later = sms.calls.slice(before).map((c) => c.to);
    expect(later).toHaveLength(8);
    expect(later).not.toContain('13800000025');
    expect(later).not.toContain('13800000026');
    expect(await db.all(`SELECT touch_id, skip_reason FROM touches WHERE status = 'skipped' ORDER BY 1`)).toEqual([
      { touch_id: 25, skip_reason: 'opted_out' },
      { touch_id: 26, skip_reason: 'opted_out' },
    ]);
    expect(await db.all(`SELECT customer_id, status, source FROM consent_events WHERE status = 'revoked' ORDER BY 1`)).toEqual([
      { customer_id: 25, status: 'revoked', source: 'sms_reply' },
      { customer_id: 26, status: 'revoked', source: 'sms_reply' },
    ]);
  });

  it('one-click email unsubscribe: a cookie-less POST suppresses the address; forged links change nothing', async () => {
    const token = unsubscribeToken('test-secret', 1, 'c3@example.com');
    const ok = await fetch(`${inbound.url}/u/${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(ok.status).toBe(200);
    expect(await db.all(`SELECT channel, address FROM suppressions WHERE channel = 'email'`)).toEqual([{ channel: 'email', address: 'c3@example.com' }]);
    const forged = unsubscribeToken('wrong-secret', 1, 'c4@example.com');
    expect((await fetch(`${inbound.url}/u/${forged}`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${inbound.url}/inbound/aliyun`, { method: 'POST', body: '{not json' })).status).toBe(400);
    expect((await fetch(`${inbound.url}/inbound/aliyun`, { method: 'POST', body: 'x'.repeat(200_000) })).status).toBe(413);
    expect(await db.all(`SELECT count(*) AS n FROM suppressions WHERE channel = 'email'`)).toEqual([{ n: 1 }]);
  });
});
