/**
 * The set-based merge of one staged import unit into the store: dedupe staged orders, apply contact sheets,
 * attach lines, resolve customers through their identities, classify each order as new, updated or
 * unchanged by a content hash, and write. Runs inside the caller's transaction; SQL that PostgreSQL also
 * accepts.
 */
import type { Db } from '../../store/database.ts';
import { findOne } from '../../store/database.ts';
import { sqlFor } from '../../store/sql-dialect.ts';
import { resolveCustomers } from './resolve-customers.ts';
import { writeMergedOrders } from './write-orders.ts';

export interface MergeScope {
  readonly shopId: number;
  readonly platform: string;
  readonly batchId: number;
  /** What was staged; lets the merge skip steps that cannot apply (no contact sheet, no lines). */
  readonly staged?: { readonly lines: number; readonly contacts: number };
}

export interface MergeCounts {
  readonly ordersNew: number;
  readonly ordersUpdated: number;
  readonly ordersUnchanged: number;
  readonly linesWritten: number;
  readonly customersNew: number;
}

const FIRST_PER_ORDER = (table: string) =>
  `SELECT * FROM (SELECT s.*, row_number() OVER (PARTITION BY order_no ORDER BY file_idx, line) AS rn FROM ${table} s) d WHERE rn = 1`;

const HASHED_LINE_COLUMNS = [
  'line_id', 'sku', 'title', 'quantity', 'unit_price_cents', 'amount_cents', 'refund_cents', 'status',
];
/** Largest storable money in cents (DECIMAL(14,2)) and quantity (INTEGER). */
const MAX_CENTS = 1e14;
const MAX_INT = 2_147_483_647;
const big = (e: string) => `abs(coalesce(${e}, 0)) >= ${MAX_CENTS}`;
/** A line whose quantity or money cannot be stored (its order is left out). */
const UNSTORABLE_LINE = `abs(coalesce(quantity, 0)) > ${MAX_INT} OR ${big('unit_price_cents')} OR ${big('refund_cents')}
  OR ${big('coalesce(amount_cents, unit_price_cents * quantity)')}`;

/**
 * An order whose amounts or quantities cannot be stored (an id pasted into a money column, a quantity of
 * three billion, a line total past DECIMAL(14,2)) is reported as an error on its row and left out; the
 * rest of the file lands. Without this, one such cell failed the whole file with a database cast error.
 */
async function dropUnstorableOrders(db: Db, batchId: number): Promise<void> {
  await db.run(`DROP TABLE IF EXISTS m_unstorable`);
  await db.run(
    `CREATE TEMP TABLE m_unstorable AS
     SELECT m.order_no, m.file_idx, m.line FROM m_orders m
     WHERE ${big('m.amount_cents')} OR ${big('m.refund_cents')} OR ${big('m.discount_cents')} OR ${big('m.shipping_cents')}
        OR m.order_no IN (SELECT order_no FROM m_lsum WHERE unstorable)`,
  );
  if ((await findOne(db, `SELECT 1 AS x FROM m_unstorable LIMIT 1`)) === undefined) {
    await db.run(`DROP TABLE m_unstorable`);
    return;
  }
  await db.run(
    `INSERT INTO import_issues (batch_id, file, line, column_name, code, severity, message)
     SELECT $1, coalesce(f.file, ''), u.line, NULL, 'bad_amount', 'error',
            'order ' || u.order_no || ' has an amount or quantity too large to store (over 999,999,999,999.99 or 2,147,483,647 units); it was left out'
     FROM m_unstorable u LEFT JOIN stg_files f ON f.file_idx = u.file_idx`,
    [batchId],
  );
  await db.run(`DELETE FROM m_lines WHERE order_no IN (SELECT order_no FROM m_unstorable)`);
  await db.run(`DELETE FROM m_orders WHERE order_no IN (SELECT order_no FROM m_unstorable)`);
  await db.run(`DROP TABLE m_unstorable`);
}

/** Statuses of an order whose money was received (valid ones); refunds can only apply to these. */
const PAID_STATUSES = `'paid', 'shipped', 'completed', 'partially_refunded'`;

/** Merges stg_orders / stg_lines / stg_contacts into orders, order_lines, customers and products. */
export async function mergeStagedOrders(db: Db, scope: MergeScope): Promise<MergeCounts> {
  const { shopId, platform, batchId } = scope;
  const p = [shopId, platform] as const;
  // Steps that only matter when the store already holds orders of this shop and platform are skipped for a
  // first import: they would find nothing (no stored order to bring in, update or compare against).
  const stored = await findOne(db, `SELECT 1 AS x FROM orders WHERE shop_id = $1 AND platform = $2 LIMIT 1`, [...p]);
  const storeEmpty = stored === undefined;
  const hasContacts = scope.staged === undefined || scope.staged.contacts > 0;

  // 1. One staged row per order number; later repeats are reported and ignored. Without repeats (the usual
  // case: one hash aggregate tells) the staged table itself becomes m_orders, with no copy and no window.
  const dup = await findOne(db, `SELECT 1 AS x FROM stg_orders GROUP BY order_no HAVING count(*) > 1 LIMIT 1`);
  if (dup === undefined) {
    await db.run(`ALTER TABLE stg_orders RENAME TO m_orders`);
  } else {
    await db.run(
      `INSERT INTO import_issues (batch_id, file, line, column_name, code, severity, message)
       SELECT $1, f.file, d.line, NULL, 'duplicate_order_row', 'warning',
              'order ' || d.order_no || ' appears again; the first row is kept'
       FROM (SELECT s.*, row_number() OVER (PARTITION BY order_no ORDER BY file_idx, line) AS rn FROM stg_orders s) d
       JOIN stg_files f ON f.file_idx = d.file_idx WHERE d.rn > 1`,
      [batchId],
    );
    await db.run(`CREATE TEMP TABLE m_orders AS ${FIRST_PER_ORDER('stg_orders')}`);
  }

  // 2. Receiver sheets fill contact details and upgrade weak buyer keys to an unmasked phone.
  if (hasContacts) await db.run(
    `UPDATE m_orders SET
       name = coalesce(c.name, m_orders.name), phone = coalesce(c.phone, m_orders.phone),
       phone_masked = coalesce(c.phone_masked, m_orders.phone_masked), email = coalesce(c.email, m_orders.email),
       province = coalesce(c.province, m_orders.province), city = coalesce(c.city, m_orders.city),
       district = coalesce(c.district, m_orders.district),
       key_kind = CASE WHEN m_orders.key_kind IN ('address', 'anonymous') AND c.phone IS NOT NULL THEN 'phone' ELSE m_orders.key_kind END,
       key_value = CASE WHEN m_orders.key_kind IN ('address', 'anonymous') AND c.phone IS NOT NULL THEN c.phone ELSE m_orders.key_value END
     FROM (${FIRST_PER_ORDER('stg_contacts')}) c WHERE c.order_no = m_orders.order_no`,
  );

  // 3. Lines of orders stored earlier (a detail file imported on its own) bring their order in. Looked for only
  // when some staged line has no order in this unit (a re-import of 1M orders with their lines: −0.6 s).
  const lineWithoutOrder = !storeEmpty && scope.staged?.lines !== 0
    && (await findOne(db, `SELECT 1 AS x FROM stg_lines WHERE order_no NOT IN (SELECT order_no FROM m_orders) LIMIT 1`)) !== undefined;
  if (lineWithoutOrder) await db.run(
    `INSERT INTO m_orders (file_idx, line, order_no, key_kind, key_value, nick, name, phone, phone_masked, email,
       province, city, district, birthday, order_ms, paid_ms, status, raw_status, amount_cents, refund_cents,
       discount_cents, shipping_cents, coupon_code, item_count, titles)
     SELECT -1, 0, o.order_no, c.key_kind, c.key_value, c.nick, c.name, c.phone, c.phone_masked, c.email,
       o.province, o.city, c.district, NULL, extract(epoch FROM o.order_time) * 1000,
       extract(epoch FROM o.paid_time) * 1000, o.status, o.raw_status, o.amount * 100, o.refund * 100,
       o.discount * 100, o.shipping * 100, o.coupon_code, o.item_count, o.titles
     FROM orders o JOIN customers c ON c.customer_id = o.customer_id
     WHERE o.shop_id = $1 AND o.platform = $2
       AND o.order_no IN (SELECT order_no FROM stg_lines)
       AND o.order_no NOT IN (SELECT order_no FROM m_orders)`,
    [...p],
  );
  await db.run(
    `INSERT INTO import_issues (batch_id, file, line, column_name, code, severity, message)
     SELECT $1, f.file, l.line, NULL, 'orphan_line', 'error',
            'item row for order ' || l.order_no || ' has no order in this import or in the store'
     FROM stg_lines l JOIN stg_files f ON f.file_idx = l.file_idx
     WHERE l.order_no NOT IN (SELECT order_no FROM m_orders)`,
    [batchId],
  );

  // 4. The lines of each order: the staged ones, or else the stored ones (an order file re-imported alone).
  await db.run(
    `CREATE TEMP TABLE m_lines AS
     SELECT l.order_no, l.line_id, l.sku, l.title, l.quantity, l.unit_price_cents, l.amount_cents, l.refund_cents,
            l.status, row_number() OVER (PARTITION BY l.order_no ORDER BY l.file_idx, l.line) AS line_seq
     FROM stg_lines l WHERE l.order_no IN (SELECT order_no FROM m_orders)`,
  );
  if (!storeEmpty) await db.run(
    `INSERT INTO m_lines
     SELECT ol.order_no, ol.line_id, ol.sku, ol.title, ol.quantity, ol.unit_price * 100, ol.amount * 100,
            ol.refund * 100, ol.status, ol.line_seq
     FROM order_lines ol
     WHERE ol.shop_id = $1 AND ol.platform = $2 AND ol.order_no IN (SELECT order_no FROM m_orders)
       AND ol.order_no NOT IN (SELECT order_no FROM stg_lines)`,
    [...p],
  );

  // 5. Refunds recorded on lines only (legacy Taobao: a 交易关闭 item inside a 交易成功 order, which has no
  // refund column): a closed line of a paid order is a refunded line worth its amount. (This only touches
  // refund and status of lines, so it can come before the line totals below, and an order it marks is left
  // out anyway when its lines are unstorable: a refund set here equals the amount that check already reads.)
  await db.run(
    `UPDATE m_lines SET refund_cents = coalesce(amount_cents, unit_price_cents * quantity), status = 'refunded'
     WHERE status IN ('cancelled', 'refunded') AND coalesce(refund_cents, 0) = 0
       AND order_no IN (SELECT order_no FROM m_orders WHERE status IN (${PAID_STATUSES}))`,
  );
  // One pass over the lines gives every per-order figure the merge needs from them: amount and item count
  // (for orders whose row lacks them), refund total, whether a line cannot be stored, and the lines' part of
  // the content hash.
  const sql = sqlFor(db.dialect);
  await db.run(
    `CREATE TEMP TABLE m_lsum AS
     SELECT order_no, sum(coalesce(amount_cents, unit_price_cents * quantity)) AS total,
            CASE WHEN abs(sum(quantity)) <= ${MAX_INT} THEN CAST(sum(quantity) AS INTEGER) END AS items,
            sum(coalesce(refund_cents, 0)) AS refund, bool_or(${UNSTORABLE_LINE}) AS unstorable,
            ${sql.groupHash(['line_seq', ...HASHED_LINE_COLUMNS])} AS sig
     FROM m_lines GROUP BY order_no`,
  );
  // Amounts and item counts the order row does not carry come from its lines.
  await db.run(
    `UPDATE m_orders SET
       amount_cents = coalesce(m_orders.amount_cents, t.total),
       item_count = coalesce(m_orders.item_count, t.items)
     FROM m_lsum t
     WHERE t.order_no = m_orders.order_no AND (m_orders.amount_cents IS NULL OR m_orders.item_count IS NULL)`,
  );
  await dropUnstorableOrders(db, batchId);
  await db.run(
    `INSERT INTO import_issues (batch_id, file, line, column_name, code, severity, message)
     SELECT $1, f.file, m.line, NULL, 'bad_amount', 'warning', 'order ' || m.order_no || ' has no amount and no lines; stored as 0'
     FROM m_orders m JOIN stg_files f ON f.file_idx = m.file_idx WHERE m.amount_cents IS NULL`,
    [batchId],
  );
  await db.run(`UPDATE m_orders SET amount_cents = 0 WHERE amount_cents IS NULL`);

  // 5b. Line refunds roll up to the order; a paid order refunded below its amount is partially refunded, at
  // or above it refunded.
  await db.run(
    `UPDATE m_orders SET refund_cents = t.refund,
       status = CASE
         WHEN t.refund >= m_orders.amount_cents AND m_orders.amount_cents > 0 THEN 'refunded'
         ELSE 'partially_refunded' END
     FROM m_lsum t
     WHERE t.order_no = m_orders.order_no AND t.refund > coalesce(m_orders.refund_cents, 0)
       AND m_orders.status IN (${PAID_STATUSES})`,
  );

  // An order stored earlier under a strong key (a phone found through 发货报表, a platform id) keeps its
  // customer when this export only carries a weak key for it (a masked address, nothing).
  if (!storeEmpty) await db.run(
    `UPDATE m_orders SET key_kind = c.key_kind, key_value = c.key_value
     FROM orders o JOIN customers c ON c.customer_id = o.customer_id
     WHERE m_orders.key_kind IN ('address', 'anonymous') AND o.shop_id = $1 AND o.platform = $2
       AND o.order_no = m_orders.order_no AND c.key_kind NOT IN ('address', 'anonymous')`,
    [...p],
  );

  const customersNew = await resolveCustomers(db, scope);

  const written = await writeMergedOrders(db, scope, storeEmpty);
  return { ...written, customersNew };
}
