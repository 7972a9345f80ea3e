/**
 * One customer's profile: identity and identities, stored analysis (facts, labels, tier and its history,
 * predictions, replenishment states), the latest orders with their lines, consent, suppressions and the
 * touches received or skipped. A dozen point queries on one customer id, each bounded; no per-row work.
 */
import { validStatusSqlList } from '@huitou/core';
import type { Db } from '../database.ts';
import { findOne } from '../database.ts';
import { numberOrNull, textOrNull } from '../row-values.ts';

export interface ProfileIdentity {
  readonly customerId: number;
  readonly keyKind: string;
  readonly keyValue: string;
  readonly nick: string | null;
  readonly name: string | null;
  readonly phone: string | null;
  readonly phoneMasked: string | null;
  readonly email: string | null;
  readonly province: string | null;
  readonly city: string | null;
  readonly district: string | null;
  readonly birthday: string | null;
  readonly timeZone: string | null;
}

export interface ProfileOrder {
  readonly platform: string;
  readonly orderNo: string;
  readonly orderTimeMs: number;
  readonly paidTimeMs: number | null;
  readonly status: string;
  readonly valid: boolean;
  readonly amount: number;
  readonly refund: number;
  readonly couponCode: string | null;
  readonly lines: { sku: string; title: string | null; quantity: number; amount: number | null; refund: number }[];
}

export interface ProfileTouch {
  readonly touchId: number;
  readonly campaignKey: string;
  readonly campaignName: string;
  readonly occurrenceKey: string;
  readonly channel: string;
  readonly kind: string;
  readonly variant: string | null;
  readonly status: string;
  readonly skipReason: string | null;
  readonly offerCode: string | null;
  readonly notBeforeMs: number;
  readonly sentAtMs: number | null;
  readonly createdAtMs: number;
  readonly lastError: string | null;
}

export interface CustomerProfileData {
  readonly identity: ProfileIdentity;
  readonly identities: { kind: string; value: string }[];
  /** The customer_analysis row (snake_case columns), or undefined before the first analysis. */
  readonly analysis: Record<string, unknown> | undefined;
  readonly tierHistory: { changedOn: string; from: string; to: string; direction: string }[];
  readonly due: { sku: string; title: string | null; state: string; dueOn: string; lastPurchase: string }[];
  readonly skuTitles: ReadonlyMap<string, string | null>;
  readonly orders: { total: number; rows: ProfileOrder[] };
  readonly consent: { channel: string; status: string; source: string; wording: string | null; recordedAtMs: number }[];
  readonly suppressions: { channel: string; address: string; reason: string; createdAtMs: number }[];
  readonly touches: { total: number; rows: ProfileTouch[] };
}

const ms = (col: string) => `CAST(extract(epoch FROM ${col}) * 1000 AS DOUBLE PRECISION)`;

export async function findCustomerProfile(db: Db, shopId: number, customerId: number, limits: { orders: number; touches: number }): Promise<CustomerProfileData | undefined> {
  const c = await findOne(
    db,
    `SELECT customer_id, key_kind, key_value, nick, name, phone, phone_masked, email, province, city, district,
       CAST(birthday AS VARCHAR) AS birthday, time_zone
     FROM customers WHERE shop_id = $1 AND customer_id = $2`,
    [shopId, customerId],
  );
  if (c === undefined) return undefined;
  const args = [shopId, customerId];
  const identities = await db.all(`SELECT kind, value FROM customer_identities WHERE shop_id = $1 AND customer_id = $2 ORDER BY kind, value LIMIT 50`, args);
  const analysis = await findOne(
    db,
    `SELECT orders, valid_orders, purchase_days, CAST(first_order AS VARCHAR) AS first_order, CAST(last_order AS VARCHAR) AS last_order,
       recency_days, CAST(net_spend AS DOUBLE PRECISION) AS net_spend, CAST(avg_order_value AS DOUBLE PRECISION) AS avg_order_value, items,
       refund_orders, CAST(refund_amount AS DOUBLE PRECISION) AS refund_amount, mean_interval_days, median_interval_days, top_skus,
       r_score, f_score, m_score, rfm_segment, lifecycle, customer_type, tier, tier_discount, CAST(tier_since AS VARCHAR) AS tier_since,
       cycle_days, p_alive, expected_30, expected_90, expected_365, expected_order_value, clv, CAST(next_order AS VARCHAR) AS next_order, churn_risk
     FROM customer_analysis WHERE shop_id = $1 AND customer_id = $2`,
    args,
  );
  const tierHistory = await db.all(
    `SELECT CAST(changed_on AS VARCHAR) AS changed_on, from_tier, to_tier, direction FROM customer_tier_history
     WHERE shop_id = $1 AND customer_id = $2 ORDER BY changed_on DESC LIMIT 50`,
    args,
  );
  const due = await db.all(
    `SELECT product_key, state, CAST(due_on AS VARCHAR) AS due_on, CAST(last_purchase AS VARCHAR) AS last_purchase FROM customer_sku_due
     WHERE shop_id = $1 AND customer_id = $2
     ORDER BY CASE state WHEN 'overdue' THEN 0 WHEN 'due' THEN 1 WHEN 'due_soon' THEN 2 ELSE 3 END, due_on LIMIT 20`,
    args,
  );
  const orderRows = await db.all(
    `SELECT platform, order_no, order_key, ${ms('order_time')} AS order_ms, ${ms('paid_time')} AS paid_ms, status, status IN (${validStatusSqlList()}) AS valid,
       CAST(amount AS DOUBLE PRECISION) AS amount, CAST(refund AS DOUBLE PRECISION) AS refund, coupon_code
     FROM orders WHERE shop_id = $1 AND customer_id = $2 ORDER BY order_time DESC, order_no LIMIT ${Math.floor(limits.orders)}`,
    args,
  );
  const lines = new Map<number, ProfileOrder['lines']>();
  if (orderRows.length > 0) {
    // The lines of the page's orders by their numeric order keys (at most limits.orders of them, bound).
    const keys = orderRows.map((o) => Number(o['order_key']));
    const lineRows = await db.all(
      `SELECT order_key, product_key, title, quantity, CAST(amount AS DOUBLE PRECISION) AS amount, CAST(refund AS DOUBLE PRECISION) AS refund
       FROM order_lines WHERE shop_id = $1 AND order_key IN (${keys.map((_, i) => `$${i + 2}`).join(', ')})
       ORDER BY order_key, line_seq`,
      [shopId, ...keys],
    );
    for (const l of lineRows) {
      const k = Number(l['order_key']);
      const list = lines.get(k) ?? [];
      list.push({ sku: String(l['product_key']), title: textOrNull(l['title']), quantity: Number(l['quantity']), amount: numberOrNull(l['amount']), refund: Number(l['refund']) });
      lines.set(k, list);
    }
  }
  const topSkus = parseTopSkus(textOrNull(analysis?.['top_skus']));
  const wanted = [...new Set([...due.map((d) => String(d['product_key'])), ...topSkus])].slice(0, 40);
  const skuTitles = new Map<string, string | null>();
  if (wanted.length > 0) {
    const t = await db.all(
      `SELECT product_key, title FROM products WHERE shop_id = $1 AND product_key IN (${wanted.map((_, i) => `$${i + 2}`).join(', ')})`,
      [shopId, ...wanted],
    );
    for (const r of t) skuTitles.set(String(r['product_key']), textOrNull(r['title']));
  }
  const consent = await db.all(
    `SELECT channel, status, source, wording, ${ms('recorded_at')} AS at_ms FROM consent_events
     WHERE shop_id = $1 AND customer_id = $2 ORDER BY recorded_at DESC, event_id DESC LIMIT 50`,
    args,
  );
  const addresses = [textOrNull(c['phone']), textOrNull(c['email'])].filter((a): a is string => a !== null);
  const suppressions =
    addresses.length === 0
      ? []
      : await db.all(
          `SELECT channel, address, reason, ${ms('created_at')} AS at_ms FROM suppressions
           WHERE shop_id = $1 AND address IN (${addresses.map((_, i) => `$${i + 2}`).join(', ')}) ORDER BY created_at DESC`,
          [shopId, ...addresses],
        );
  const touchRows = await db.all(
    `SELECT t.touch_id, c.campaign_key, c.name AS campaign_name, o.occurrence_key, t.channel, t.kind, t.variant, t.status, t.skip_reason,
       t.offer_code, ${ms('t.not_before')} AS not_before_ms, ${ms('t.sent_at')} AS sent_ms, ${ms('t.created_at')} AS created_ms, t.last_error,
       count(*) OVER () AS total
     FROM touches t JOIN campaigns c ON c.campaign_id = t.campaign_id JOIN campaign_occurrences o ON o.occurrence_id = t.occurrence_id
     WHERE t.shop_id = $1 AND t.customer_id = $2 ORDER BY t.created_at DESC, t.touch_id DESC LIMIT ${Math.floor(limits.touches)}`,
    args,
  );
  return {
    identity: {
      customerId: Number(c['customer_id']), keyKind: String(c['key_kind']), keyValue: String(c['key_value']), nick: textOrNull(c['nick']), name: textOrNull(c['name']),
      phone: textOrNull(c['phone']), phoneMasked: textOrNull(c['phone_masked']), email: textOrNull(c['email']), province: textOrNull(c['province']), city: textOrNull(c['city']),
      district: textOrNull(c['district']), birthday: textOrNull(c['birthday']), timeZone: textOrNull(c['time_zone']),
    },
    identities: identities.map((r) => ({ kind: String(r['kind']), value: String(r['value']) })),
    analysis,
    tierHistory: tierHistory.map((r) => ({ changedOn: String(r['changed_on']), from: String(r['from_tier']), to: String(r['to_tier']), direction: String(r['direction']) })),
    due: due.map((r) => ({ sku: String(r['product_key']), title: null, state: String(r['state']), dueOn: String(r['due_on']), lastPurchase: String(r['last_purchase']) })),
    skuTitles,
    orders: {
      // A separate count keeps the page a top-N (a window count would sort all of a heavy buyer's orders).
      total: orderRows.length < limits.orders ? orderRows.length : await countOrders(db, shopId, customerId),
      rows: orderRows.map((o) => ({
        platform: String(o['platform']), orderNo: String(o['order_no']), orderTimeMs: Number(o['order_ms']), paidTimeMs: numberOrNull(o['paid_ms']),
        status: String(o['status']), valid: o['valid'] === true, amount: Number(o['amount']), refund: Number(o['refund']), couponCode: textOrNull(o['coupon_code']),
        lines: lines.get(Number(o['order_key'])) ?? [],
      })),
    },
    consent: consent.map((r) => ({ channel: String(r['channel']), status: String(r['status']), source: String(r['source']), wording: textOrNull(r['wording']), recordedAtMs: Number(r['at_ms']) })),
    suppressions: suppressions.map((r) => ({ channel: String(r['channel']), address: String(r['address']), reason: String(r['reason']), createdAtMs: Number(r['at_ms']) })),
    touches: {
      total: Number(touchRows[0]?.['total'] ?? 0),
      rows: touchRows.map((t) => ({
        touchId: Number(t['touch_id']), campaignKey: String(t['campaign_key']), campaignName: String(t['campaign_name']), occurrenceKey: String(t['occurrence_key']),
        channel: String(t['channel']), kind: String(t['kind']), variant: textOrNull(t['variant']), status: String(t['status']), skipReason: textOrNull(t['skip_reason']),
        offerCode: textOrNull(t['offer_code']), notBeforeMs: Number(t['not_before_ms']), sentAtMs: numberOrNull(t['sent_ms']), createdAtMs: Number(t['created_ms']), lastError: textOrNull(t['last_error']),
      })),
    },
  };
}

async function countOrders(db: Db, shopId: number, customerId: number): Promise<number> {
  const row = await findOne<{ n: number }>(db, `SELECT count(*) AS n FROM orders WHERE shop_id = $1 AND customer_id = $2`, [shopId, customerId]);
  return Number(row?.n ?? 0);
}

/** customer_analysis.top_skus ("SKU413×10, SKU4644×10") → the SKUs, most bought first. */
export function parseTopSkus(text: string | null): string[] {
  if (text === null) return [];
  return text.split(', ').map((s) => s.replace(/×[\d.]+$/, '').trim()).filter((s) => s !== '');
}
