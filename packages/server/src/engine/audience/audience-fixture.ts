/**
 * Test fixture: a small shop (id 1) whose six customers each exercise some labels, facts, orders, SKU
 * due states, consents and suppressions, plus a second shop (id 2) with a look-alike customer that no
 * rule of shop 1 may select. As-of date: 2026-06-18, time zone Asia/Shanghai.
 */
import type { Db, SqlValue } from '../../store/database.ts';
import { openStore } from '../../store/open-store.ts';

export const FIXTURE_AS_OF = '2026-06-18';

interface Customer {
  readonly id: number;
  readonly shop?: number;
  readonly phone?: string;
  readonly email?: string;
  readonly province?: string;
  readonly city?: string;
  readonly district?: string;
  readonly birthday?: string;
  readonly tags?: string;
  readonly acceptsSms?: boolean;
}

const CUSTOMERS: readonly Customer[] = [
  { id: 1, phone: '13800000001', email: 'a@example.com', province: '浙江省', city: '杭州市', district: '西湖区', birthday: '1990-06-20', tags: 'vip, 老客', acceptsSms: true },
  { id: 2, phone: '13800000002', email: 'b@example.com', province: '江苏省', city: '南京市', birthday: '1985-12-30', tags: '老客，回购', acceptsSms: false },
  { id: 3, phone: '13800000003', province: '广东省', city: '深圳市', birthday: '2000-02-29' },
  { id: 4, email: 'd@example.com', province: '浙江省', city: '宁波市', tags: 'VIP' },
  { id: 5, email: 'e5@example.com', tags: ' big spender , vip ' },
  { id: 6, phone: '13800000006', province: '广东省', city: '广州市', birthday: '1995-01-03', tags: "'; DROP TABLE customers; --、新客" },
  { id: 100, shop: 2, phone: '13800000001', email: 'a@example.com', province: '浙江省', city: '杭州市', birthday: '1990-06-20', tags: 'vip', acceptsSms: true },
];

/** customer_analysis rows: [id, segment, lifecycle, type, tier, r, f, m, net_spend, valid_orders, first, last, p_alive, churn, next_order, clv]. */
type AnalysisRow = [number, string, string, string, string, number, number, number, number, number, string, string, number | null, string | null, string | null, number | null];
const ANALYSIS: readonly AnalysisRow[] = [
  [1, 'important_value', 'active', 'loyal', 'vip', 5, 5, 5, 5000, 12, '2024-01-10', '2026-06-01', 0.95, 'low', '2026-06-25', 3000],
  [2, 'important_retain', 'silent', 'repeat', 'advanced', 2, 4, 4, 800, 4, '2025-05-01', '2026-03-10', 0.4, 'high', '2026-05-01', 600],
  [3, 'general_win_back', 'lost', 'one_time', 'normal', 1, 1, 1, 59.9, 1, '2025-01-05', '2025-01-05', 0.05, 'lost', null, 10],
  [5, 'important_develop', 'silent', 'new', 'none', 4, 1, 3, 300, 1, '2026-04-19', '2026-04-19', null, null, null, null],
  [6, 'general_value', 'sleeping', 'repeat', 'normal', 3, 2, 2, 120, 2, '2025-06-01', '2025-12-20', 0.6, 'medium', '2026-07-30', 90],
  [100, 'important_value', 'active', 'loyal', 'vip', 5, 5, 5, 5000, 12, '2024-01-10', '2026-06-01', 0.95, 'low', '2026-06-25', 3000],
];

/** Orders: [shop, customer, order_no, order time (UTC ISO), status, product keys]. */
const ORDERS: readonly [number, number, string, string, string, readonly string[]][] = [
  [1, 1, 'T1', '2026-06-01 02:00:00+00', 'paid', ['SKU-WIPES-80']],
  [1, 1, 'T0', '2025-01-01 02:00:00+00', 'completed', ['SKU-CREAM']],
  [1, 2, 'T2', '2026-03-10 02:00:00+00', 'shipped', ['SKU-WIPES-80']],
  [1, 2, 'T3', '2025-05-01 02:00:00+00', 'refunded', ['SKU-TOWEL']],
  [1, 3, 'T4', '2025-01-05 02:00:00+00', 'completed', ['SKU-CREAM']],
  // 2026-06-18 00:30 in Shanghai: on the as-of day.
  [1, 5, 'T5', '2026-06-17 16:30:00+00', 'paid', ['SKU-GIFT', 'title:湿巾']],
  // 2026-06-19 00:30 in Shanghai: after the as-of day.
  [1, 4, 'T6', '2026-06-18 16:30:00+00', 'paid', ['SKU-GIFT']],
  [1, 6, 'T7', '2026-06-20 02:00:00+00', 'paid', ['SKU-TOWEL']],
  [1, 6, 'T8', '2025-12-20 02:00:00+00', 'completed', ['SKU-BAG']],
  [2, 100, 'T1', '2026-06-01 02:00:00+00', 'paid', ['SKU-WIPES-80']],
];

/** customer_sku_due: [shop, customer, product key, state]. */
const DUE: readonly [number, number, string, string][] = [
  [1, 1, 'SKU-WIPES-80', 'due_soon'],
  [1, 1, 'SKU-CREAM', 'not_due'],
  [1, 2, 'SKU-WIPES-80', 'overdue'],
  [1, 3, 'SKU-CREAM', 'due'],
  [2, 100, 'SKU-WIPES-80', 'due_soon'],
];

/** consent_events: [event id, shop, customer, channel, status, recorded at]. */
const CONSENTS: readonly [number, number, number, string, string, string][] = [
  [1, 1, 1, 'sms', 'granted', '2026-01-01 00:00:00+00'],
  [2, 1, 1, 'email', 'granted', '2026-01-01 00:00:00+00'],
  [3, 1, 2, 'sms', 'granted', '2026-01-01 00:00:00+00'],
  [4, 1, 2, 'sms', 'revoked', '2026-02-01 00:00:00+00'],
  [5, 1, 2, 'email', 'granted', '2026-01-01 00:00:00+00'],
  [6, 1, 3, 'sms', 'revoked', '2026-01-01 00:00:00+00'],
  [7, 1, 3, 'sms', 'granted', '2026-02-01 00:00:00+00'],
  [8, 1, 5, 'email', 'granted', '2026-01-01 00:00:00+00'],
  [9, 1, 6, 'sms', 'granted', '2026-03-01 00:00:00+00'],
  [10, 1, 6, 'sms', 'revoked', '2026-03-01 00:00:00+00'],
  [11, 2, 100, 'sms', 'granted', '2026-01-01 00:00:00+00'],
];

/** suppressions: [shop, channel, address]. */
const SUPPRESSIONS: readonly [number, string, string][] = [
  [1, 'sms', '13800000003'],
  [1, 'email', 'E5@Example.com'],
  [2, 'sms', '13800000001'],
];

/** Opens an in-memory store holding the fixture. */
export async function openAudienceFixture(): Promise<Db> {
  const db = await openStore({ path: ':memory:' });
  const run = (sql: string, params: SqlValue[]) => db.run(sql, params);
  await run(`INSERT INTO shops (shop_id, name, time_zone) VALUES (1, 'one', 'Asia/Shanghai'), (2, 'two', 'Asia/Shanghai')`, []);
  for (const c of CUSTOMERS) {
    await run(
      `INSERT INTO customers (customer_id, shop_id, key_kind, key_value, phone, email, province, city, district, birthday, tags, accepts_sms, created_batch, updated_batch)
       VALUES ($1, $2, 'platform_id', $3, $4, $5, $6, $7, $8, CAST($9 AS DATE), $10, $11, 1, 1)`,
      [c.id, c.shop ?? 1, `buyer-${c.id}`, c.phone ?? null, c.email ?? null, c.province ?? null, c.city ?? null, c.district ?? null, c.birthday ?? null, c.tags ?? null, c.acceptsSms ?? null],
    );
  }
  for (const [id, seg, life, type, tier, r, f, m, spend, valid, first, last, pAlive, churn, next, clv] of ANALYSIS) {
    await run(
      `INSERT INTO customer_analysis (shop_id, customer_id, run_id, orders, valid_orders, purchase_days, first_order, last_order, net_spend, items,
         refund_orders, refund_amount, r_score, f_score, m_score, rfm_segment, lifecycle, customer_type, tier, p_alive, churn_risk, next_order, clv)
       VALUES ($1, $2, 1, $3, $3, $3, CAST($4 AS DATE), CAST($5 AS DATE), $6, $3, 0, 0, $7, $8, $9, $10, $11, $12, $13, $14, $15, CAST($16 AS DATE), $17)`,
      [id === 100 ? 2 : 1, id, valid, first, last, spend, r, f, m, seg, life, type, tier, pAlive, churn, next, clv],
    );
  }
  for (const [shop, customer, orderNo, time, status, skus] of ORDERS) {
    await run(
      `INSERT INTO orders (shop_id, platform, order_no, customer_id, order_time, paid_time, status, raw_status, amount, refund, content_hash, created_batch, updated_batch)
       VALUES ($1, 'taobao', $2, $3, CAST($4 AS TIMESTAMPTZ), CAST($4 AS TIMESTAMPTZ), $5, $5, 100, 0, 'h', 1, 1)`,
      [shop, orderNo, customer, time, status],
    );
    for (const [i, sku] of skus.entries()) {
      await run(
        `INSERT INTO order_lines (shop_id, platform, order_no, order_key, line_seq, product_key, sku, quantity, refund)
         SELECT $1, 'taobao', $2, o.order_key, $3, $4, $4, 1, 0 FROM orders o WHERE o.shop_id = $1 AND o.platform = 'taobao' AND o.order_no = $2`,
        [shop, orderNo, i + 1, sku],
      );
    }
  }
  for (const [shop, customer, sku, state] of DUE) {
    await run(
      `INSERT INTO customer_sku_due (shop_id, customer_id, product_key, last_purchase, last_quantity, due_on, state) VALUES ($1, $2, $3, DATE '2026-01-01', 1, DATE '2026-07-01', $4)`,
      [shop, customer, sku, state],
    );
  }
  for (const [id, shop, customer, channel, status, at] of CONSENTS) {
    await run(
      `INSERT INTO consent_events (event_id, shop_id, customer_id, channel, status, source, recorded_at) VALUES ($1, $2, $3, $4, $5, 'test', CAST($6 AS TIMESTAMPTZ))`,
      [id, shop, customer, channel, status, at],
    );
  }
  for (const [shop, channel, address] of SUPPRESSIONS) {
    await run(`INSERT INTO suppressions (shop_id, channel, address, reason, source) VALUES ($1, $2, $3, 'unsubscribe', 'test')`, [shop, channel, address]);
  }
  return db;
}
