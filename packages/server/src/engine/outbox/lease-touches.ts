/**
 * Leasing: a sender claims due touches by marking them `sending` with its name and a lease deadline, in
 * one statement. A touch whose lease expired (its sender died) is due again. Each lease counts as an
 * attempt, so a touch that keeps killing its sender ends in dead-letter instead of looping forever.
 * Concurrent senders on other connections conflict on the same rows and retry (DuckDB), or skip locked
 * rows (PostgreSQL, later).
 */
import type { Db } from '../../store/database.ts';

export interface LeasedTouch {
  readonly touchId: number;
  readonly shopId: number;
  readonly campaignId: number;
  readonly customerId: number;
  readonly channel: string;
  readonly kind: 'care' | 'marketing';
  readonly recipient: string | null;
  readonly subject: string | null;
  readonly body: string | null;
  readonly idempotencyKey: string;
  readonly attempts: number;
  readonly segments: number;
  /** The recipient's zone when known (quiet hours follow it), else null: the sender's default zone. */
  readonly timeZone: string | null;
}

export interface LeaseRequest {
  readonly owner: string;
  readonly limit: number;
  readonly leaseMs: number;
  readonly nowMs: number;
  /** Only these channels (the ones this sender can deliver). */
  readonly channels: readonly string[];
}

export async function leaseTouches(db: Db, r: LeaseRequest): Promise<LeasedTouch[]> {
  const channelList = r.channels.map((_, i) => `$${i + 5}`).join(', ');
  const rows = await db.all(
    `UPDATE touches SET status = 'sending', lease_owner = $1, lease_until = to_timestamp($2 / 1000.0), attempts = attempts + 1
     WHERE touch_id IN (
       SELECT t.touch_id FROM touches t JOIN campaigns c ON c.campaign_id = t.campaign_id
       WHERE c.status = 'active' AND t.channel IN (${channelList})
         AND ((t.status = 'queued' AND t.not_before <= to_timestamp($3 / 1000.0))
           OR (t.status = 'sending' AND t.lease_until < to_timestamp($3 / 1000.0)))
       ORDER BY t.priority DESC, t.not_before, t.touch_id
       LIMIT $4)
     RETURNING touch_id, shop_id, campaign_id, customer_id, channel, kind, recipient, subject, body, idempotency_key, attempts, segments, time_zone`,
    [r.owner, r.nowMs + r.leaseMs, r.nowMs, Math.floor(r.limit), ...r.channels],
  );
  return rows.map((row) => ({
    touchId: Number(row['touch_id']),
    shopId: Number(row['shop_id']),
    campaignId: Number(row['campaign_id']),
    customerId: Number(row['customer_id']),
    channel: String(row['channel']),
    kind: row['kind'] === 'care' ? 'care' : 'marketing',
    recipient: row['recipient'] === null ? null : String(row['recipient']),
    subject: row['subject'] === null ? null : String(row['subject']),
    body: row['body'] === null ? null : String(row['body']),
    idempotencyKey: String(row['idempotency_key']),
    attempts: Number(row['attempts']),
    segments: Number(row['segments']),
    timeZone: row['time_zone'] === null || row['time_zone'] === undefined ? null : String(row['time_zone']),
  }));
}

/** Extends the leases of touches still in flight (a heartbeat), so a slow provider does not cause re-leasing. */
export async function renewLeases(db: Db, owner: string, touchIds: readonly number[], untilMs: number): Promise<void> {
  if (touchIds.length === 0) return;
  await db.run(
    `UPDATE touches SET lease_until = to_timestamp($2 / 1000.0)
     WHERE lease_owner = $1 AND status = 'sending' AND touch_id IN (${touchIds.map((_, i) => `$${i + 3}`).join(', ')})`,
    [owner, untilMs, ...touchIds],
  );
}

/** Hands leased touches that were never tried back to the queue (the lease did not count as an attempt). */
export async function releaseLeases(db: Db, owner: string, touchIds: readonly number[]): Promise<void> {
  if (touchIds.length === 0) return;
  await db.run(
    `UPDATE touches SET status = 'queued', lease_owner = NULL, lease_until = NULL, attempts = attempts - 1
     WHERE lease_owner = $1 AND status = 'sending' AND touch_id IN (${touchIds.map((_, i) => `$${i + 2}`).join(', ')})`,
    [owner, ...touchIds],
  );
}

/**
 * Among leased touches, those that must not go out any more: the address was suppressed (an SMS 退订 or
 * an unsubscribe), or — for marketing — the customer's latest consent on that channel is not `granted`.
 */
export async function findBlocked(db: Db, touches: readonly LeasedTouch[]): Promise<Map<number, string>> {
  const blocked = new Map<number, string>();
  if (touches.length === 0) return blocked;
  const ids = touches.map((t) => t.touchId);
  const rows = await db.all(
    `SELECT t.touch_id,
       EXISTS (SELECT 1 FROM suppressions s WHERE s.shop_id = t.shop_id AND s.channel = t.channel AND s.address = t.recipient) AS suppressed,
       (SELECT e.status FROM consent_events e WHERE e.shop_id = t.shop_id AND e.customer_id = t.customer_id AND e.channel = t.channel
        ORDER BY e.recorded_at DESC, e.event_id DESC LIMIT 1) AS consent
     FROM touches t WHERE t.touch_id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`,
    ids,
  );
  const kind = new Map(touches.map((t) => [t.touchId, t.kind]));
  for (const r of rows) {
    const id = Number(r['touch_id']);
    if (r['suppressed'] === true) blocked.set(id, 'opted_out');
    else if (kind.get(id) === 'marketing' && r['consent'] !== 'granted') blocked.set(id, r['consent'] === null ? 'no_consent' : 'consent_revoked');
  }
  return blocked;
}
