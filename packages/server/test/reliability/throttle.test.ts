/**
 * reliability.md §6.6 — throttle. The Aliyun client declares N = 50 msgs/s; the sender's token bucket must
 * keep every 1-second window of sends at or under N × 1.1: exactly so at dispatch, and within 5 messages of
 * network jitter as the simulator received them (the bucket's worst case is N × 1.1 itself, no margin).
 * A provider that enforces N over a rolling second may answer some of the first burst with 429; they are
 * retried and nothing is lost.
 *
 * The limit is per sender (each runSender builds its own RateLimiter): two senders on two connections
 * sharing one provider account each keep to N, so together they reach ~2N. That is today's behaviour and
 * it is asserted as such below; a limit shared across senders (reliability.md §6.6: 50/s over 3 workers)
 * does not exist yet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/engine/channels/channel.ts';
import { createAliyunSmsChannel } from '../../src/engine/channels/sms/index.ts';
import { runSender } from '../../src/engine/outbox/sender.ts';
import { startSmsSimulator } from '../../src/engine/sms-sim/index.ts';
import type { SimMessage, SmsSimulator } from '../../src/engine/sms-sim/index.ts';
import { outboxFixture } from '../engine/outbox-fixture.ts';
import { tempDir } from '../support/paths.ts';

const N = 50;

/** Most messages received within any 1-second window [t, t + 1000). */
function peakPerSecond(times: readonly number[]): number {
  const s = [...times].sort((a, b) => a - b);
  let peak = 0;
  let i = 0;
  for (let j = 0; j < s.length; j++) {
    while (s[j]! - s[i]! >= 1000) i++;
    peak = Math.max(peak, j - i + 1);
  }
  return peak;
}

const received = (messages: readonly SimMessage[]) => messages.map((m) => Date.parse(m.time));

describe('throttle', () => {
  const dir = tempDir();
  let sim: SmsSimulator;
  beforeAll(async () => {
    sim = await startSmsSimulator({ failures: { invalidSuffixes: [] } });
  });
  afterAll(async () => {
    await sim.close();
    dir.remove();
  });

  const aliyun = (): Channel => createAliyunSmsChannel({ endpoint: sim.url, signName: 't', ...sim.credentials.aliyun, providerDedupes: true, maxPerSecond: N });

  it(`one sender: no 1-second window of dispatches exceeds ${N} × 1.1 (at the provider: within jitter)`, async () => {
    sim.reset();
    const db = await outboxFixture(`${dir.path}/one.duckdb`, 200);
    const t0 = Date.now();
    const dispatched: number[] = [];
    const inner = aliyun();
    const timed: Channel = { capabilities: inner.capabilities, send: (m, signal) => (dispatched.push(Date.now()), inner.send(m, signal)) };
    const stats = await runSender(db, { owner: 'a', channels: new Map([['sms', timed]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, batchSize: 50, concurrency: 16 });
    const seconds = (Date.now() - t0) / 1000;
    db.close();
    expect(stats.sent).toBe(200);
    const peak = peakPerSecond(received(sim.messages()));
    console.log(JSON.stringify({ senders: 1, sent: stats.sent, seconds, rate: stats.sent / seconds, peakPerSecond: peak, peakDispatched: peakPerSecond(dispatched) }));
    // The sender's own dispatch times keep to N × 1.1: the token bucket allows N/s plus a burst of N/10,
    // so its worst case is exactly N × 1.1 in a second. At the provider the first requests (new
    // connections) arrive late and bunch with later ones: 56 every run on this machine. So the strict
    // bound holds at dispatch; at the provider we allow 5 messages of network jitter (56–58 seen here).
    expect(peakPerSecond(dispatched)).toBeLessThanOrEqual(N * 1.1);
    expect(peak).toBeLessThanOrEqual(N * 1.1 + 5);
    // And the limit is used, not undershot by much (the run is ≈ 200 / 50 = 4 s).
    expect(seconds).toBeGreaterThan(3.3);
    expect(seconds).toBeLessThan(8);
  });

  it(`a provider enforcing ${N}/s over a rolling second may throttle part of the first burst; all are still sent, once each`, async () => {
    sim.reset();
    sim.setFailures({ invalidSuffixes: [], maxPerSecond: N });
    const db = await outboxFixture(`${dir.path}/limited.duckdb`, 100);
    const backoff = { baseMs: 200, maxMs: 1000, maxAttempts: 8 };
    let stats = await runSender(db, { owner: 'a', channels: new Map([['sms', aliyun()]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, batchSize: 50, concurrency: 16, backoff });
    const first = { ...stats };
    for (let round = 0; round < 20 && (await db.all(`SELECT 1 FROM touches WHERE status <> 'sent' LIMIT 1`)).length > 0; round++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      stats = await runSender(db, { owner: 'a', channels: new Map([['sms', aliyun()]]), timeZone: 'Asia/Shanghai', stopWhenIdle: true, batchSize: 50, concurrency: 16, backoff });
    }
    sim.setFailures({ invalidSuffixes: [] });
    expect(await db.all(`SELECT status, count(*) AS n FROM touches GROUP BY status`)).toEqual([{ status: 'sent', n: 100 }]);
    db.close();
    console.log(JSON.stringify({ providerLimit: N, throttled429: sim.stats().rateLimited, retriedFirstRun: first.retried }));
    expect(new Set(sim.messages().map((m) => m.idempotencyKey)).size).toBe(100);
  });

  it('two senders sharing one provider account: each keeps to N, together they exceed it (the limit is per sender)', async () => {
    sim.reset();
    const db = await outboxFixture(`${dir.path}/two.duckdb`, 300);
    const other = await db.fork();
    const keys = { a: new Set<string>(), b: new Set<string>() };
    const tagged = (set: Set<string>): Channel => {
      const inner = aliyun();
      return { capabilities: inner.capabilities, send: (m, signal) => (set.add(m.idempotencyKey), inner.send(m, signal)) };
    };
    const common = { timeZone: 'Asia/Shanghai', stopWhenIdle: true, batchSize: 25, concurrency: 8 } as const;
    const [a, b] = await Promise.all([
      runSender(db, { ...common, owner: 'a', channels: new Map([['sms', tagged(keys.a)]]) }),
      runSender(other, { ...common, owner: 'b', channels: new Map([['sms', tagged(keys.b)]]) }),
    ]);
    other.close();
    db.close();
    expect(a.sent + b.sent).toBe(300);
    const messages = sim.messages();
    expect(new Set(messages.map((m) => m.idempotencyKey)).size).toBe(300);
    const peakA = peakPerSecond(received(messages.filter((m) => keys.a.has(m.idempotencyKey ?? ''))));
    const peakB = peakPerSecond(received(messages.filter((m) => keys.b.has(m.idempotencyKey ?? ''))));
    const peakAll = peakPerSecond(received(messages));
    console.log(JSON.stringify({ senders: 2, sentA: a.sent, sentB: b.sent, peakA, peakB, peakAll }));
    expect(peakA).toBeLessThanOrEqual(N * 1.1);
    expect(peakB).toBeLessThanOrEqual(N * 1.1);
    // Today's gap, asserted so that it is noticed when a shared limit lands: together they pass N × 1.1.
    expect(peakAll).toBeGreaterThan(N * 1.1);
  });
});
