import { describe, expect, it } from 'vitest';
import { openDuckDb } from '../../src/store/dialects/duckdb/duckdb-db.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { migrateToLatest } from '../../src/store/migrations/migrator.ts';

describe('migrations', () => {
  it('apply once, then report already applied', async () => {
    const db = await openDuckDb({ path: ':memory:' });
    const first = await migrateToLatest(db, MIGRATIONS);
    expect(first.error).toBeUndefined();
    expect(first.results.map((r) => r.status)).toEqual(MIGRATIONS.map(() => 'applied'));
    const second = await migrateToLatest(db, MIGRATIONS);
    expect(second.results.map((r) => r.status)).toEqual(MIGRATIONS.map(() => 'already_applied'));
    const tables = await db.all<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1",
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['customers', 'customer_identities', 'import_batches', 'import_issues', 'order_lines', 'orders', 'products', 'shops']),
    );
    db.close();
  });

  it('adds customers.time_zone to a store made before the column existed, and leaves newer stores alone', async () => {
    const db = await openDuckDb({ path: ':memory:' });
    const upTo = MIGRATIONS.findIndex((m) => m.id === '2026_11_26_01_customer_time_zone');
    expect(upTo).toBeGreaterThan(0);
    expect((await migrateToLatest(db, MIGRATIONS.slice(0, upTo))).error).toBeUndefined();
    await db.run('ALTER TABLE customers DROP COLUMN time_zone'); // as an early build created it
    expect((await migrateToLatest(db, MIGRATIONS)).error).toBeUndefined();
    const cols = await db.all("SELECT 1 FROM information_schema.columns WHERE table_name = 'customers' AND column_name = 'time_zone'");
    expect(cols).toHaveLength(1);
    db.close();
  });

  it('back-fills order keys, search texts and due columns on a store made before they existed', async () => {
    const db = await openDuckDb({ path: ':memory:' });
    const upTo = MIGRATIONS.findIndex((m) => m.id === '2026_11_27_01_order_key');
    expect(upTo).toBeGreaterThan(0);
    expect((await migrateToLatest(db, MIGRATIONS.slice(0, upTo))).error).toBeUndefined();
    await db.run(`INSERT INTO shops (name, time_zone) VALUES ('a', 'Asia/Shanghai'), ('b', 'Asia/Shanghai')`);
    await db.run(
      `INSERT INTO customers (customer_id, shop_id, key_kind, key_value, nick, name, phone, email, created_batch, updated_batch) VALUES
         (1, 1, 'nick', 'Tea Fan', 'Tea Fan', '张三', '13800000001', 'A@Example.com', 1, 1),
         (2, 2, 'phone', '13900000002', NULL, NULL, '13900000002', NULL, 1, 1)`,
    );
    // The same order number in two shops and on two platforms: each order its own key.
    await db.run(
      `INSERT INTO orders (shop_id, platform, order_no, customer_id, order_time, status, raw_status, amount, refund, content_hash, created_batch, updated_batch)
       SELECT s, p, 'o' || i, s, TIMESTAMPTZ '2024-01-01 00:00:00+00', 'completed', 'x', 10, 0, 'h', 1, 1
       FROM range(1, 3) a(s), (VALUES ('taobao'), ('jd')) b(p), range(1, 4) c(i)`,
    );
    await db.run(
      `INSERT INTO order_lines (shop_id, platform, order_no, line_seq, product_key, quantity, refund)
       SELECT shop_id, platform, order_no, q, 'SKU' || q, 1, 0 FROM orders, range(1, 3) t(q)`,
    );
    await db.run(
      `INSERT INTO customer_analysis (shop_id, customer_id, run_id, orders, valid_orders, purchase_days, net_spend, items, refund_orders, refund_amount, customer_type, tier)
       VALUES (1, 1, 1, 6, 6, 1, 60, 12, 0, 0, 'repeat', 'none'), (2, 2, 1, 6, 6, 1, 60, 12, 0, 0, 'repeat', 'none')`,
    );
    await db.run(
      `INSERT INTO customer_sku_due (shop_id, customer_id, product_key, last_purchase, last_quantity, due_on, state) VALUES
         (1, 1, 'SKU1', DATE '2024-01-01', 1, DATE '2024-03-01', 'due'), (1, 1, 'SKU2', DATE '2024-01-01', 1, DATE '2024-02-01', 'overdue'),
         (1, 1, 'SKU3', DATE '2024-01-01', 1, DATE '2024-04-01', 'due_soon')`,
    );
    expect((await migrateToLatest(db, MIGRATIONS)).error).toBeUndefined();
    const orders = await db.all(`SELECT count(*) AS n, count(order_key) AS keyed, count(DISTINCT order_key) AS distinct_keys FROM orders`);
    expect(orders[0]).toMatchObject({ n: 12, keyed: 12, distinct_keys: 12 });
    const mismatched = await db.all(
      `SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.shop_id = l.shop_id AND o.platform = l.platform AND o.order_no = l.order_no
       WHERE l.order_key IS DISTINCT FROM o.order_key`,
    );
    expect(mismatched[0]).toMatchObject({ n: 0 });
    expect(await db.all(`SELECT count(order_key) AS n FROM order_lines`)).toEqual([{ n: 24 }]);
    // Orders written later without naming the column still get a fresh key from the sequence.
    await db.run(
      `INSERT INTO orders (shop_id, platform, order_no, customer_id, order_time, status, raw_status, amount, refund, content_hash, created_batch, updated_batch)
       VALUES (1, 'taobao', 'new', 1, TIMESTAMPTZ '2024-02-01 00:00:00+00', 'completed', 'x', 10, 0, 'h', 2, 2)`,
    );
    expect(await db.all(`SELECT count(DISTINCT order_key) AS n FROM orders`)).toEqual([{ n: 13 }]);
    expect(await db.all(`SELECT customer_id, search_text FROM customers ORDER BY 1`)).toEqual([
      { customer_id: 1, search_text: 'tea fan\n张三\n13800000001\na@example.com\ntea fan' },
      { customer_id: 2, search_text: '\n\n13900000002\n\n13900000002' },
    ]);
    expect(await db.all(`SELECT customer_id, due_state, CAST(next_due AS VARCHAR) AS next_due, due_soon_skus, due_skus, overdue_skus FROM customer_analysis ORDER BY 1`)).toEqual([
      { customer_id: 1, due_state: 'overdue', next_due: '2024-02-01', due_soon_skus: 1, due_skus: 1, overdue_skus: 1 },
      { customer_id: 2, due_state: null, next_due: null, due_soon_skus: 0, due_skus: 0, overdue_skus: 0 },
    ]);
    db.close();
  });

  it('stops at a failing migration, rolls it back and does not run later ones', async () => {
    const db = await openDuckDb({ path: ':memory:' });
    const bad = { id: '9999_12_31_01_bad', up: () => ['CREATE TABLE half_done (x INTEGER)', 'THIS IS NOT SQL'] };
    const later = { id: '9999_12_31_02_later', up: () => ['CREATE TABLE later (x INTEGER)'] };
    const result = await migrateToLatest(db, [...MIGRATIONS, bad, later]);
    expect(result.error).toBeDefined();
    expect(result.results.at(-2)?.status).toBe('failed');
    expect(result.results.at(-1)?.status).toBe('not_run');
    const leftovers = await db.all("SELECT table_name FROM information_schema.tables WHERE table_name IN ('half_done','later')");
    expect(leftovers).toEqual([]);
    db.close();
  });
});
