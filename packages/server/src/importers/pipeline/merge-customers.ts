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
    `CREATE TEMP TABLE m_keys AS
     SELECT key_kind, key_value, CAST(NULL AS VARCHAR) AS nick, name, phone, phone_masked, email, province, city,
            district, birthday, CAST($1 AS DOUBLE PRECISION) AS order_ms, accepts_email, accepts_sms, tags,
            CAST(NULL AS BIGINT) AS customer_id, false AS is_new
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
  const total = await getOneOrThrow<{ n: number }>(db, `SELECT count(*) AS n FROM m_keys`);
  return { customersNew, customersUpdated: total.n - customersNew };
}
