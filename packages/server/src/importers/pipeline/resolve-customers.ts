/**
 * Customers behind the buyer keys of a unit: found through their identities, or created. Shared by the
 * order merge and the customer-file merge.
 */
import type { Db } from '../../store/database.ts';
import { getOneOrThrow } from '../../store/database.ts';
import { searchTextSql } from '../../store/customer-search.ts';
import { sqlFor } from '../../store/sql-dialect.ts';

/** Shop and batch of the unit being merged. */
export interface ResolveScope {
  readonly shopId: number;
  readonly batchId: number;
}

/**
 * Finds or creates the customer behind every buyer key of the unit: by the key's identity, then (for email
 * and address keys) by an unmasked phone already known; otherwise a new customer. Contact details move
 * forward only: each detail comes from the latest order of the unit that carries it (an email on an
 * earlier order is kept when a later one has none), and a customer keeps the details of their latest order.
 */
export async function resolveCustomers(db: Db, scope: ResolveScope): Promise<number> {
  const { shopId, batchId } = scope;
  const latest = (col: string) => `${sqlFor(db.dialect).latestNonNull(col, 'order_ms')} AS ${col}`;
  await db.run(
    `CREATE TEMP TABLE m_key_rows AS
     SELECT key_kind, key_value,
            ${['nick', 'name', 'phone', 'phone_masked', 'email', 'province', 'city', 'district', 'birthday'].map(latest).join(', ')},
            max(order_ms) AS order_ms
     FROM m_orders GROUP BY key_kind, key_value`,
  );
  return resolveKeys(db, shopId, batchId);
}

/**
 * Shared by order and customer-file merges: m_key_rows(key_kind, key_value, contact…, order_ms) becomes m_keys, the
 * same rows with their customer ids. The identity lookup is part of making m_keys: an UPDATE of a table made in the
 * same transaction is slow in DuckDB when it touches rows in join order (266k keys of a re-import: 1.2 s, 0.1 s as
 * a join).
 */
export async function resolveKeys(db: Db, shopId: number, batchId: number): Promise<number> {
  await db.run(
    `CREATE TEMP TABLE m_keys AS
     SELECT r.*, i.customer_id, false AS is_new
     FROM m_key_rows r LEFT JOIN customer_identities i ON i.shop_id = $1 AND i.kind = r.key_kind AND i.value = r.key_value`,
    [shopId],
  );
  await db.run(`DROP TABLE m_key_rows`);
  await db.run(
    `UPDATE m_keys SET customer_id = i.customer_id FROM customer_identities i
     WHERE m_keys.customer_id IS NULL AND m_keys.key_kind IN ('email', 'address')
       AND i.shop_id = $1 AND i.kind = 'phone' AND i.value = m_keys.phone`,
    [shopId],
  );
  await db.run(`UPDATE m_keys SET customer_id = nextval('customer_id_seq'), is_new = true WHERE customer_id IS NULL`);
  const contact = `nick, name, phone, phone_masked, email, province, city, district`;
  await db.run(
    `INSERT INTO customers (customer_id, shop_id, key_kind, key_value, ${contact}, birthday, contact_at, created_batch, updated_batch, search_text)
     SELECT customer_id, $1, key_kind, key_value, ${contact}, CAST(birthday AS DATE), to_timestamp(order_ms / 1000.0), $2, $2,
       ${searchTextSql((f) => f)}
     FROM m_keys WHERE is_new`,
    [shopId, batchId],
  );
  const contactFields = ['nick', 'name', 'phone', 'phone_masked', 'email', 'province', 'city', 'district'];
  const updated = (c: string) => `coalesce(k.${c}, customers.${c})`;
  const set = contactFields.map((c) => `${c} = ${updated(c)}`).join(', ');
  // A key whose latest order is the one the customer already has, with nothing new in it (a re-import), leaves the
  // row alone: 266k customers of a 1M-order re-import were rewritten as they were (0.25 s).
  const changes = [
    `customers.contact_at IS NULL`,
    `k.order_ms > extract(epoch FROM customers.contact_at) * 1000`,
    ...contactFields.map((c) => `(k.${c} IS NOT NULL AND k.${c} IS DISTINCT FROM customers.${c})`),
    `(k.birthday IS NOT NULL AND CAST(k.birthday AS DATE) IS DISTINCT FROM customers.birthday)`,
  ].join(' OR ');
  // The search text follows the fields it is made of (the right-hand sides read the row before the update).
  const search = searchTextSql((f) => (f === 'key_value' ? 'customers.key_value' : updated(f)));
  await db.run(
    `UPDATE customers SET ${set}, search_text = ${search}, birthday = coalesce(CAST(k.birthday AS DATE), customers.birthday),
       contact_at = to_timestamp(k.order_ms / 1000.0), updated_batch = $1
     FROM m_keys k
     WHERE k.customer_id = customers.customer_id AND NOT k.is_new AND k.order_ms IS NOT NULL
       AND (customers.contact_at IS NULL OR k.order_ms >= extract(epoch FROM customers.contact_at) * 1000)
       AND (${changes})`,
    [batchId],
  );
  await db.run(
    `INSERT INTO customer_identities (shop_id, kind, value, customer_id, batch_id)
     SELECT $1, kind, value, customer_id, $2 FROM (
       SELECT kind, value, customer_id, row_number() OVER (PARTITION BY kind, value ORDER BY pri, customer_id) AS rn FROM (
         SELECT key_kind AS kind, key_value AS value, customer_id, 0 AS pri FROM m_keys
         UNION ALL SELECT 'phone', phone, customer_id, 1 FROM m_keys WHERE phone IS NOT NULL AND key_kind <> 'phone'
         UNION ALL SELECT 'email', email, customer_id, 1 FROM m_keys WHERE email IS NOT NULL AND key_kind <> 'email'
       ) u
     ) d WHERE rn = 1 ORDER BY kind, value ON CONFLICT DO NOTHING`,
    [shopId, batchId],
  );
  const row = await getOneOrThrow<{ n: number }>(db, `SELECT count(*) AS n FROM m_keys WHERE is_new`);
  return row.n;
}
