/**
 * The sender: leases due touches, drops the ones that may no longer go (opt-out, consent withdrawn),
 * defers marketing outside quiet hours, sends each with its idempotency key under the channel's rate limit
 * and a concurrency cap, and records the outcomes batch by batch. Delivery is at-least-once towards the
 * provider; the idempotency key makes it exactly-once at the provider even when the process is killed
 * between the provider's answer and our record of it. Transient failures retry with jittered exponential
 * backoff (Retry-After honoured), permanent ones go straight to dead-letter, and a campaign whose recent
 * error rate passes the threshold is paused.
 */
import type { Channel, OutboundMessage, SendOutcome } from '../channels/channel.ts';
import type { Db } from '../../store/database.ts';
import { DEFAULT_BACKOFF, retryDelayMs } from './backoff.ts';
import type { BackoffPolicy } from './backoff.ts';
import { findBlocked, leaseTouches, releaseLeases, renewLeases } from './lease-touches.ts';
import type { LeasedTouch } from './lease-touches.ts';
import { DEFAULT_QUIET_HOURS, nextSendableInstant } from './quiet-hours.ts';
import type { QuietHours } from './quiet-hours.ts';
import { OneAtATime } from './one-at-a-time.ts';
import { RateLimiter } from './rate-limiter.ts';
import { recordOutcomes } from './record-outcomes.ts';
import type { TouchOutcome } from './record-outcomes.ts';

export interface SenderOptions {
  /** Unique per sender process/loop: leases carry it. */
  readonly owner: string;
  readonly channels: ReadonlyMap<string, Channel>;
  readonly timeZone: string;
  readonly batchSize?: number;
  readonly concurrency?: number;
  readonly leaseMs?: number;
  readonly pollMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly quietHours?: QuietHours;
  /** Pause a campaign when at least `minSends` recent sends failed at more than `threshold`. */
  readonly pauseOnErrorRate?: { readonly threshold: number; readonly minSends: number };
  /** Return when nothing is due (tests, `huitou send --once`); otherwise poll until the signal aborts. */
  readonly stopWhenIdle?: boolean;
  readonly signal?: AbortSignal;
  readonly now?: () => number;
  readonly onBatch?: (stats: SenderStats) => void;
  /**
   * SMS providers send approved templates, not free text: the rendered text goes as the `content` parameter
   * of this template (register e.g. `【签名】${content}` with the provider). Default HUITOU_TEXT.
   */
  readonly smsTemplateId?: string;
  /** The RFC 8058 unsubscribe URL for a marketing email to this address (email channels refuse marketing without one). */
  readonly unsubscribeUrl?: (shopId: number, address: string) => string | null;
}

export interface SenderStats {
  sent: number;
  retried: number;
  dead: number;
  skipped: number;
  deferred: number;
  paused: number[];
}

export async function runSender(db: Db, options: SenderOptions): Promise<SenderStats> {
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? 500;
  const concurrency = options.concurrency ?? 32;
  const leaseMs = options.leaseMs ?? 30_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const quiet = options.quietHours ?? DEFAULT_QUIET_HOURS;
  const pause = options.pauseOnErrorRate ?? { threshold: 0.5, minSends: 50 };
  const limiters = new Map([...options.channels].map(([name, ch]) => [name, new RateLimiter(ch.capabilities.maxPerSecond)]));
  const health = new Map<number, { sends: number; failures: number }>();
  const stats: SenderStats = { sent: 0, retried: 0, dead: 0, skipped: 0, deferred: 0, paused: [] };
  const channelNames = [...options.channels.keys()];

  // Leasing runs on its own connection so that the next batch is leased while the current one is in flight.
  const leaseDb = await db.fork();
  // While a batch is in flight the heartbeat, the batch's checks and the outcome flushes share `db`; they take
  // turns, since a statement run beside another on one connection can break its pending result or appender.
  const onDb = new OneAtATime();
  const lease = () => leaseWithRetry(leaseDb, { owner: options.owner, limit: batchSize, leaseMs, nowMs: now(), channels: channelNames });
  let prefetched: Promise<LeasedTouch[]> | null = null;
  let held: readonly LeasedTouch[] = [];
  try {
    while (options.signal?.aborted !== true) {
      const leased = await (prefetched ?? lease());
      prefetched = null;
      if (leased.length === 0) {
        if (options.stopWhenIdle === true) break;
        await sleep(options.pollMs ?? 1000, options.signal);
        continue;
      }
      held = leased;
      prefetched = lease().then((next) => {
        held = [...held, ...next];
        return next;
      });
      // One heartbeat keeps every lease this sender holds (the batch in flight and the one waiting) alive.
      const heartbeat = setInterval(() => {
        void onDb.run(() => renewLeases(db, options.owner, held.map((t) => t.touchId), now() + leaseMs)).catch(() => undefined);
      }, Math.max(200, leaseMs / 3));
      const recorder = new OutcomeRecorder(db, options.owner, concurrency, onDb);
      try {
        await processBatch(leased, recorder);
        await recorder.close();
      } finally {
        clearInterval(heartbeat);
        recorder.stop();
        await onDb.idle();
      }
      const done = new Set(leased.map((t) => t.touchId));
      held = held.filter((t) => !done.has(t.touchId));
      await pauseUnhealthy();
      options.onBatch?.(stats);
    }
  } finally {
    // A batch leased ahead but never started goes back to the queue at once (no wait for its lease to expire).
    const left = prefetched === null ? [] : await prefetched.catch(() => []);
    await releaseLeases(db, options.owner, left.map((t) => t.touchId)).catch(() => undefined);
    leaseDb.close();
  }
  return stats;

  async function processBatch(all: readonly LeasedTouch[], outcomes: OutcomeRecorder): Promise<void> {
    // A campaign paused since this batch was leased (by hand, or by the error-rate check): its touches go back.
    const ids = [...new Set(all.map((t) => t.campaignId))];
    const { leased, blocked } = await onDb.run(async () => {
      const paused = new Set(
        (await db.all<{ id: number }>(`SELECT campaign_id AS id FROM campaigns WHERE status <> 'active' AND campaign_id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`, ids)).map((r) => Number(r.id)),
      );
      const active = all.filter((t) => !paused.has(t.campaignId));
      await releaseLeases(db, options.owner, all.filter((t) => paused.has(t.campaignId)).map((t) => t.touchId));
      return { leased: active, blocked: await findBlocked(db, active) };
    });
    const toSend: LeasedTouch[] = [];
    for (const t of leased) {
      const reason = blocked.get(t.touchId) ?? (t.recipient === null || t.body === null ? 'no_recipient' : undefined);
      const channel = options.channels.get(t.channel);
      if (reason !== undefined) {
        outcomes.push({ touchId: t.touchId, status: 'skipped', reason });
        stats.skipped++;
      } else if (t.attempts > backoff.maxAttempts) {
        outcomes.push({ touchId: t.touchId, status: 'dead', error: `gave up after ${t.attempts - 1} attempts` });
        stats.dead++;
      } else if (t.kind === 'marketing' && channel?.capabilities.quietHours === true && nextSendableInstant(now(), t.timeZone ?? options.timeZone, quiet) > now()) {
        outcomes.push({ touchId: t.touchId, status: 'queued', notBeforeMs: nextSendableInstant(now(), t.timeZone ?? options.timeZone, quiet), error: null, refundAttempt: true });
        stats.deferred++;
      } else toSend.push(t);
    }
    let next = 0;
    const worker = async () => {
      while (next < toSend.length) {
        const t = toSend[next++]!;
        outcomes.push(await sendOne(t));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, toSend.length) }, worker));
  }

  async function sendOne(t: LeasedTouch): Promise<TouchOutcome> {
    const channel = options.channels.get(t.channel)!;
    await limiters.get(t.channel)?.acquire();
    const message: OutboundMessage = {
      idempotencyKey: t.idempotencyKey,
      touchId: t.touchId,
      kind: t.kind,
      to: t.recipient ?? '',
      subject: t.subject,
      body: t.body ?? '',
      unsubscribeUrl: t.kind === 'marketing' && channel.capabilities.kind === 'email' ? (options.unsubscribeUrl?.(t.shopId, t.recipient ?? '') ?? null) : null,
      template: channel.capabilities.kind === 'sms' ? { id: options.smsTemplateId ?? 'HUITOU_TEXT', params: { content: t.body ?? '' } } : null,
      metadata: { campaignId: String(t.campaignId), customerId: String(t.customerId) },
    };
    let result: SendOutcome;
    try {
      result = await channel.send(message, options.signal);
    } catch (error) {
      result = { ok: false, failure: { type: 'transient', reason: 'network', retryAfterMs: null, message: error instanceof Error ? error.message : String(error) } };
    }
    const h = health.get(t.campaignId) ?? { sends: 0, failures: 0 };
    health.set(t.campaignId, h);
    h.sends++;
    if (result.ok) {
      stats.sent++;
      return { touchId: t.touchId, status: 'sent', providerMessageId: result.providerMessageId, costCents: result.segments * channel.capabilities.costPerMessageCents, atMs: now() };
    }
    h.failures++;
    const f = result.failure;
    if (f.type === 'permanent' || t.attempts >= backoff.maxAttempts) {
      stats.dead++;
      return { touchId: t.touchId, status: 'dead', error: `${f.type}:${f.reason}: ${f.message}` };
    }
    stats.retried++;
    return { touchId: t.touchId, status: 'queued', notBeforeMs: now() + retryDelayMs(t.attempts, backoff, f.retryAfterMs), error: `${f.reason}: ${f.message}`, refundAttempt: false };
  }

  async function pauseUnhealthy(): Promise<void> {
    for (const [campaignId, h] of health) {
      if (h.sends >= pause.minSends && h.failures / h.sends > pause.threshold) {
        await db.run(
          `UPDATE campaigns SET status = 'paused', status_reason = $2, updated_at = current_timestamp WHERE campaign_id = $1 AND status = 'active'`,
          [campaignId, `error rate ${(100 * h.failures / h.sends).toFixed(0)}% over ${h.sends} sends`],
        );
        stats.paused.push(campaignId);
        health.delete(campaignId);
      }
    }
  }
}

/**
 * Records outcomes as they arrive — whenever `threshold` are pending and at least every 100 ms — instead of
 * once per batch: a sender killed mid-batch then re-sends only what was in flight or not yet recorded (the
 * outcomes of about one flush's duration), not the whole batch. One flush runs at a time on the sender's
 * connection and takes everything pending when it starts, so a slow database coalesces writes instead of
 * queueing them.
 */
class OutcomeRecorder {
  readonly #db: Db;
  readonly #owner: string;
  readonly #threshold: number;
  readonly #connection: OneAtATime;
  readonly #timer: ReturnType<typeof setInterval>;
  #pending: TouchOutcome[] = [];
  /** The flush in progress, if any: at most one at a time, and it takes everything pending when it starts. */
  #running: Promise<void> | null = null;
  #failure: unknown = null;

  constructor(db: Db, owner: string, threshold: number, connection: OneAtATime) {
    this.#db = db;
    this.#owner = owner;
    this.#threshold = Math.max(1, threshold);
    this.#connection = connection;
    this.#timer = setInterval(() => this.#flush(), 100);
  }

  push(outcome: TouchOutcome): void {
    this.#pending.push(outcome);
    if (this.#pending.length >= this.#threshold) this.#flush();
  }

  #flush(): void {
    if (this.#running !== null || this.#pending.length === 0 || this.#failure !== null) return;
    this.#running = (async () => {
      while (this.#pending.length > 0 && this.#failure === null) {
        const batch = this.#pending;
        this.#pending = [];
        try {
          await this.#connection.run(() => recordOutcomes(this.#db, this.#owner, batch));
        } catch (error) {
          this.#failure = error;
        }
      }
      this.#running = null;
    })();
  }

  /** Flushes what is left and waits for every write; throws if any write failed. */
  async close(): Promise<void> {
    this.stop();
    this.#flush();
    while (this.#running !== null) await this.#running;
    if (this.#failure !== null) throw this.#failure;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

async function leaseWithRetry(db: Db, request: Parameters<typeof leaseTouches>[1]): Promise<LeasedTouch[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(() => leaseTouches(db, request));
    } catch (error) {
      // Another sender leased the same rows at the same moment: DuckDB reports a write conflict.
      if (attempt >= 20 || !/conflict/i.test(error instanceof Error ? error.message : String(error))) throw error;
      await sleep(5 + Math.random() * 20 * (attempt + 1));
    }
  }
}

/** Waits ms, or until the signal aborts; the abort listener is removed either way (a long-running sender polls forever). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
