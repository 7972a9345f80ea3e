/**
 * Merges a staged customer file (Shopify customers, huitou members) into customers: contact details,
 * birthday, marketing consent flags and tags. Customers without orders are created too.
 */
import type { Db } from '../../store/database.ts';
import { getOneOrThrow } from '../../store/database.ts';
import { resolveKeys } from './resolve-customers.ts';

export interface CustomerMergeCounts {
  readonly customersNew: number;
  readonly customersUpdated: number;
}

export async function mergeStagedCustomers(db: Db, shopId: number, batchId: number, nowMs: number): Promise<CustomerMergeCounts> {
  await db.run(
    `CREATE TEMP TABLE m_key_rows AS
     SELECT key_kind, key_value, CAST(NULL AS VARCHAR) AS nick, name, phone, phone_masked, email, province, city,
            district, birthday, CAST($1 AS DOUBLE PRECISION) AS order_ms, accepts_email, accepts_sms, tags
     FROM (SELECT s.*, row_number() OVER (PARTITION BY key_kind, key_value ORDER BY file_idx DESC, line DESC) AS kr
           FROM stg_customers s) d WHERE kr = 1`,
    [nowMs],
  );
  const customersNew = await resolveKeys(db, shopId, batchId);
  await db.run(
    `UPDATE customers SET accepts_email = coalesce(k.accepts_email, customers.accepts_email),
       accepts_sms = coalesce(k.accepts_sms, customers.accepts_sms), tags = coalesce(k.tags, customers.tags)
     FROM m_keys k WHERE k.customer_id = customers.customer_id`,
  );
  // The platform's marketing flags become consent events (append-only), only when they change the customer's
  // current state on that channel, so re-importing the same customer file adds nothing.
  for (const [channel, flag] of [['email', 'accepts_email'], ['sms', 'accepts_sms']] as const) {
    await db.run(
      `INSERT INTO consent_events (shop_id, customer_id, channel, status, source, wording)
       SELECT $1, k.customer_id, $2, CASE WHEN k.${flag} THEN 'granted' ELSE 'revoked' END, 'import', $3
       FROM m_keys k
       WHERE k.${flag} IS NOT NULL
         AND coalesce((SELECT e.status FROM consent_events e WHERE e.shop_id = $1 AND e.customer_id = k.customer_id AND e.channel = $2
                       ORDER BY e.recorded_at DESC, e.event_id DESC LIMIT 1), 'none')
             <> CASE WHEN k.${flag} THEN 'granted' ELSE 'revoked' END`,
      [shopId, channel, `platform export: ${flag === 'accepts_email' ? 'Accepts Email Marketing' : 'Accepts SMS Marketing'}`],
    );
  }
  const total = await getOneOrThrow<{ n: number }>(db, `SELECT count(*) AS n FROM m_keys`);
  return { customersNew, customersUpdated: total.n - customersNew };
}
