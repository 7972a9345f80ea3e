/**
 * Applies an opt-out: the address is suppressed for the shop (every later send to it is refused, whichever
 * customer it belongs to) and every customer with that address gets a `revoked` consent event, kept with the
 * rest of the consent history (append-only). Idempotent: a second "T" changes nothing.
 */
import type { Db } from '../../store/database.ts';

export interface OptOut {
  readonly shopId: number;
  readonly channel: 'sms' | 'email';
  readonly address: string;
  /** e.g. sms_reply, email_one_click, manual. */
  readonly reason: string;
  /** What arrived: the reply text, the unsubscribe URL. */
  readonly source: string;
}

/** Returns true when the address was not suppressed before. */
export async function applyOptOut(db: Db, o: OptOut): Promise<boolean> {
  return db.transaction(async () => {
    const before = await db.all(`SELECT 1 FROM suppressions WHERE shop_id = $1 AND channel = $2 AND address = $3`, [o.shopId, o.channel, o.address]);
    if (before.length > 0) return false;
    await db.run(`INSERT INTO suppressions (shop_id, channel, address, reason, source) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
      o.shopId, o.channel, o.address, o.reason, o.source.slice(0, 500),
    ]);
    const column = o.channel === 'sms' ? 'phone' : 'email';
    await db.run(
      `INSERT INTO consent_events (shop_id, customer_id, channel, status, source, wording)
       SELECT shop_id, customer_id, $2, 'revoked', $3, $4 FROM customers WHERE shop_id = $1 AND ${column} = $5`,
      [o.shopId, o.channel, o.reason, o.source.slice(0, 500), o.address],
    );
    return true;
  });
}
