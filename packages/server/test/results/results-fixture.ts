/**
 * Test support for campaign results: a store with hand-written campaigns, occurrences, touches and orders
 * (SQL, no planner), so every expected figure can be computed by hand.
 */
import type { Db } from '../../src/store/database.ts';
import { openStore } from '../../src/store/open-store.ts';

export const DAY_MS = 86_400_000;
/** The send time of the fixture's occurrences: 2026-06-01 10:00 in Shanghai. */
export const SEND_MS = Date.UTC(2026, 5, 1, 2, 0);

export interface TouchSpec {
  readonly id: number;
  readonly campaignId: number;
  readonly occurrenceId: number;
  readonly customerId: number;
  readonly status: 'queued' | 'sent' | 'dead' | 'holdout' | 'skipped';
  readonly variant?: string;
  readonly offerCode?: string;
  /** touches.offer: the offer the coupon was issued under (JSON); absent for touches from before it was recorded. */
  readonly offer?: string;
  /** Planning queued it (a rendered body); false for holdout and planner skips. */
  readonly queued?: boolean;
  readonly sentAtMs?: number;
  readonly notBeforeMs?: number;
  readonly costCents?: number;
}

export interface OrderSpec {
  readonly no: string;
  readonly customerId: number;
  readonly atMs: number;
  readonly amount: number;
  readonly refund?: number;
  readonly status?: string;
  readonly coupon?: string;
  readonly discount?: number;
}

export async function resultsStore(path = ':memory:'): Promise<Db> {
  const db = await openStore({ path });
  await db.run(`INSERT INTO shops (name, time_zone) VALUES ('t', 'Asia/Shanghai')`);
  return db;
}

export async function addCampaign(db: Db, id: number, key: string, definition: Record<string, unknown>, holdout: number): Promise<void> {
  await db.run(
    `INSERT INTO campaigns (campaign_id, shop_id, campaign_key, name, kind, priority, holdout_share, definition, status)
     VALUES ($1, 1, $2, $2, $3, 50, $4, $5, 'active')`,
    [id, key, definition['kind'] === 'care' ? 'care' : 'marketing', holdout, JSON.stringify({ key, ...definition })],
  );
}

export async function addOccurrence(db: Db, id: number, campaignId: number, key: string): Promise<void> {
  await db.run(
    `INSERT INTO campaign_occurrences (occurrence_id, campaign_id, occurrence_key, planned_at, audience, queued, holdout, skipped)
     VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), 0, 0, 0, 0)`,
    [id, campaignId, key, SEND_MS - 3_600_000],
  );
}

export async function addTouches(db: Db, touches: readonly TouchSpec[]): Promise<void> {
  for (const t of touches) {
    const queued = t.queued ?? (t.status !== 'holdout' && t.status !== 'skipped');
    await db.run(
      `INSERT INTO touches (touch_id, shop_id, campaign_id, occurrence_id, customer_id, channel, kind, priority, variant, offer_code, body, status,
         not_before, sent_at, cost_cents, idempotency_key, episode_key, offer)
       VALUES ($1, 1, $2, $3, $4, 'sms', 'marketing', 50, $5, $6, $7, $8, to_timestamp($9 / 1000.0),
         CASE WHEN $10 IS NULL THEN NULL ELSE to_timestamp($10 / 1000.0) END, $11, 'k' || $1, 'e', $12)`,
      [t.id, t.campaignId, t.occurrenceId, t.customerId, t.variant ?? null, t.offerCode ?? null, queued ? 'hello' : null, t.status, t.notBeforeMs ?? SEND_MS, t.sentAtMs ?? null, t.costCents ?? null, t.offer ?? null],
    );
  }
}

export async function addOrders(db: Db, orders: readonly OrderSpec[]): Promise<void> {
  for (const o of orders) {
    await db.run(
      `INSERT INTO orders (shop_id, platform, order_no, customer_id, order_time, status, raw_status, amount, refund, discount, coupon_code, content_hash, created_batch, updated_batch)
       VALUES (1, 'test', $1, $2, to_timestamp($3 / 1000.0), $4, $4, $5, $6, $7, $8, 'h', 1, 1)`,
      [o.no, o.customerId, o.atMs, o.status ?? 'paid', o.amount, o.refund ?? 0, o.discount ?? null, o.coupon ?? null],
    );
  }
}
