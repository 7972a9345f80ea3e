import { describe, expect, it } from 'vitest';
import { runSender } from '../../src/engine/outbox/sender.ts';
import { tempDir } from '../support/paths.ts';
import { outboxFixture, RecordingChannel, statusCounts } from './outbox-fixture.ts';

const NOON_SHANGHAI = Date.UTC(2026, 10, 22, 4, 0); // 12:00 in Asia/Shanghai
const NIGHT_SHANGHAI = Date.UTC(2026, 10, 22, 15, 0); // 23:00 in Asia/Shanghai

describe('sender', () => {
  it('sends every queued touch once and records provider ids and cost', async () => {
    const dir = tempDir();
    const db = await outboxFixture(`${dir.path}/o.duckdb`, 300);
    const sms = new RecordingChannel();
    const stats = await runSender(db, { owner: 'a', channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, batchSize: 64, now: () => NOON_SHANGHAI });
    expect(stats.sent).toBe(300);
    expect(new Set(sms.calls.map((c) => c.idempotencyKey)).size).toBe(300);
    expect(await statusCounts(db)).toEqual({ sent: 300 });
    expect(await db.all(`SELECT sum(cost_cents) AS cost, count(provider_message_id) AS ids FROM touches`)).toEqual([{ cost: 1500, ids: 300 }]);
    db.close();
    dir.remove();
  });

  it('retries transient failures later with backoff, honours Retry-After, dead-letters permanent ones', async () => {
    const dir = tempDir();
    const db = await outboxFixture(`${dir.path}/o.duckdb`, 3);
    let t = NOON_SHANGHAI;
    const sms = new RecordingChannel((m) => {
      if (m.idempotencyKey === 'k-1') return { ok: false, failure: { type: 'transient', reason: 'rate_limited', retryAfterMs: 60_000, message: '429' } };
      if (m.idempotencyKey === 'k-2') return { ok: false, failure: { type: 'permanent', reason: 'invalid_recipient', message: 'bad number' } };
      return { ok: true, providerMessageId: 'x', segments: 2 };
    });
    await runSender(db, { owner: 'a', channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, now: () => t });
    const rows = await db.all(`SELECT touch_id, status, attempts, extract(epoch FROM not_before) * 1000 AS nb, last_error FROM touches ORDER BY touch_id`);
    expect(rows.map((r) => [r['touch_id'], r['status']])).toEqual([[1, 'queued'], [2, 'dead'], [3, 'sent']]);
    expect(Number(rows[0]!['nb'])).toBeGreaterThanOrEqual(NOON_SHANGHAI + 60_000);
    expect(String(rows[1]!['last_error'])).toContain('invalid_recipient');
    // Not due yet: nothing happens; after the delay it is retried.
    await runSender(db, { owner: 'a', channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, now: () => t });
    expect(sms.calls.filter((c) => c.idempotencyKey === 'k-1')).toHaveLength(1);
    t += 11 * 60_000;
    await runSender(db, { owner: 'a', channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, now: () => t });
    expect(sms.calls.filter((c) => c.idempotencyKey === 'k-1')).toHaveLength(2);
    db.close();
    dir.remove();
  });

  it('gives up after the maximum attempts', async () => {
    const dir = tempDir();
    const db = await outboxFixture(`${dir.path}/o.duckdb`, 1);
    let t = NOON_SHANGHAI;
    const sms = new RecordingChannel(() => ({ ok: false, failure: { type: 'transient', reason: 'server_error', retryAfterMs: null, message: '500' } }));
    for (let i = 0; i < 6; i++) {
      await runSender(db, { owner: 'a', channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, now: () => t, backoff: { baseMs: 1000, maxMs: 1000, maxAttempts: 3 } });
      t += 2000;
    }
    expect(sms.calls).toHaveLength(3);
    expect(await statusCounts(db)).toEqual({ dead: 1 });
    db.close();
    dir.remove();
  });

  it('defers marketing outside quiet hours to 08:00 local and sends care at once', async () => {
    const dir = tempDir();
    const marketing = await outboxFixture(`${dir.path}/m.duckdb`, 5, { kind: 'marketing' });
    await marketing.run(`INSERT INTO consent_events (shop_id, customer_id, channel, status, source) SELECT 1, touch_id, 'sms', 'granted', 'test' FROM touches`);
    const sms = new RecordingChannel();
    const stats = await runSender(marketing, { owner: 'a', channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, now: () => NIGHT_SHANGHAI });
    expect(stats).toMatchObject({ sent: 0, deferred: 5 });
    const nb = await marketing.all(`SELECT DISTINCT extract(epoch FROM not_before) * 1000 AS nb, max(attempts) AS a FROM touches GROUP BY 1`);
    expect(nb).toEqual([{ nb: Date.UTC(2026, 10, 23, 0, 0), a: 0 }]); // 08:00 Shanghai next day
    marketing.close();
    const care = await outboxFixture(`${dir.path}/c.duckdb`, 5, { kind: 'care' });
    const s2 = await runSender(care, { owner: 'a', channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, now: () => NIGHT_SHANGHAI });
    expect(s2.sent).toBe(5);
    care.close();
    dir.remove();
  });

  it('quiet hours follow the recipient: noon in Shanghai goes out, 23:00 in New York waits for 08:00 there', async () => {
    const dir = tempDir();
    const db = await outboxFixture(`${dir.path}/z.duckdb`, 2, { kind: 'marketing' });
    await db.run(`INSERT INTO consent_events (shop_id, customer_id, channel, status, source) SELECT 1, touch_id, 'sms', 'granted', 'test' FROM touches`);
    await db.run(`UPDATE touches SET time_zone = CASE touch_id WHEN 1 THEN 'Asia/Shanghai' ELSE 'America/New_York' END`);
    const sms = new RecordingChannel();
    const stats = await runSender(db, { owner: 'a', channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, now: () => NOON_SHANGHAI });
    expect(stats).toMatchObject({ sent: 1, deferred: 1 });
    expect(sms.calls.map((c) => c.to)).toEqual(['13800000001']);
    // 2026-11-22 04:00 UTC is 23:00 on the 21st in New York (EST, UTC−5): next opening 08:00 EST = 13:00 UTC.
    expect(await db.all(`SELECT extract(epoch FROM not_before) * 1000 AS nb FROM touches WHERE touch_id = 2`)).toEqual([{ nb: Date.UTC(2026, 10, 22, 13, 0) }]);
    db.close();
    dir.remove();
  });

  it('an opt-out arriving mid-campaign stops the rest for that customer; marketing without consent is refused', async () => {
    const dir = tempDir();
    const db = await outboxFixture(`${dir.path}/o.duckdb`, 40, { kind: 'marketing' });
    await db.run(`INSERT INTO consent_events (shop_id, customer_id, channel, status, source) SELECT 1, touch_id, 'sms', 'granted', 'test' FROM touches WHERE touch_id <> 40`);
    // Customer 7 also has a second touch from another occurrence, planned later.
    await db.run(`INSERT INTO touches (touch_id, shop_id, campaign_id, occurrence_id, customer_id, channel, kind, priority, recipient, body, status, not_before, idempotency_key, episode_key)
                  VALUES (41, 1, 1, 2, 7, 'sms', 'marketing', 10, '13800000007', 'again', 'queued', TIMESTAMPTZ '2020-01-01 00:00:00+00', 'k-41', 'e2')`);
    const sms = new RecordingChannel(async (m, call) => {
      if (call === 1) await db.fork().then(async (other) => {
        await other.run(`INSERT INTO suppressions (shop_id, channel, address, reason, source) VALUES (1, 'sms', '13800000007', 'sms_reply', 'T')`);
        other.close();
      });
      return { ok: true, providerMessageId: m.idempotencyKey, segments: 1 };
    });
    await runSender(db, { owner: 'a', channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, batchSize: 5, concurrency: 1, now: () => NOON_SHANGHAI });
    const skipped = await db.all(`SELECT touch_id, skip_reason FROM touches WHERE status = 'skipped' ORDER BY touch_id`);
    expect(skipped).toEqual([{ touch_id: 7, skip_reason: 'opted_out' }, { touch_id: 40, skip_reason: 'no_consent' }, { touch_id: 41, skip_reason: 'opted_out' }]);
    expect(sms.calls.some((c) => c.to === '13800000007')).toBe(false);
    db.close();
    dir.remove();
  });

  it('pauses a campaign whose error rate passes the threshold', async () => {
    const dir = tempDir();
    const db = await outboxFixture(`${dir.path}/o.duckdb`, 100, { campaigns: 2 });
    const sms = new RecordingChannel((m) => (Number(m.metadata['campaignId']) === 1 ? { ok: false, failure: { type: 'permanent', reason: 'rejected_content', message: 'bad template' } } : { ok: true, providerMessageId: 'x', segments: 1 }));
    const stats = await runSender(db, { owner: 'a', channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, batchSize: 20, now: () => NOON_SHANGHAI, pauseOnErrorRate: { threshold: 0.5, minSends: 10 } });
    expect(stats.paused).toEqual([1]);
    expect(await db.all(`SELECT campaign_id, status FROM campaigns ORDER BY 1`)).toEqual([{ campaign_id: 1, status: 'paused' }, { campaign_id: 2, status: 'active' }]);
    expect(await db.all(`SELECT count(*) AS n FROM touches WHERE campaign_id = 2 AND status = 'sent'`)).toEqual([{ n: 50 }]);
    db.close();
    dir.remove();
  });

  it('two senders on one campaign never send a touch twice', async () => {
    const dir = tempDir();
    const db = await outboxFixture(`${dir.path}/o.duckdb`, 2000);
    const other = await db.fork();
    const sms = new RecordingChannel(async (m) => {
      await new Promise((r) => setTimeout(r, 1));
      return { ok: true, providerMessageId: m.idempotencyKey, segments: 1 };
    });
    const common = { channels: new Map([['sms', sms]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, batchSize: 50, concurrency: 8, now: () => NOON_SHANGHAI } as const;
    const [a, b] = await Promise.all([runSender(db, { ...common, owner: 'a' }), runSender(other, { ...common, owner: 'b' })]);
    expect(a.sent + b.sent).toBe(2000);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    expect(sms.calls).toHaveLength(2000);
    expect(new Set(sms.calls.map((c) => c.idempotencyKey)).size).toBe(2000);
    other.close();
    db.close();
    dir.remove();
  });
});
