import { describe, expect, it } from 'vitest';
import type { CanonicalLine, CanonicalOrder } from '../../src/importers/canonical.ts';
import type { UnitFill } from '../../src/importers/pipeline/run-unit.ts';
import { runImportUnit } from '../../src/importers/pipeline/run-unit.ts';
import type { Db } from '../../src/store/database.ts';
import { openStore } from '../../src/store/open-store.ts';
import { ensureShop } from '../../src/store/repositories/shop.repository.ts';

const NO_CONTACT = { name: null, phone: null, phoneMasked: null, email: null, province: null, city: null, district: null, birthday: null };

function order(orderNo: string, over: Partial<CanonicalOrder> = {}): CanonicalOrder {
  return {
    orderNo, line: 2, buyer: { kind: 'platform_id', value: 'nick-a' }, buyerNick: 'nick-a', contact: NO_CONTACT,
    orderTime: Date.UTC(2024, 0, 1, 2), paidTime: Date.UTC(2024, 0, 1, 3), status: 'shipped', rawStatus: '卖家已发货，等待买家确认',
    amountCents: 12_345, refundCents: 0, discountCents: null, shippingCents: 0, couponCode: null, itemCount: 1, titles: null,
    ...over,
  };
}

function line(orderNo: string, over: Partial<CanonicalLine> = {}): CanonicalLine {
  return { orderNo, line: 2, lineId: null, sku: 'SKU-1', title: '湿巾 80抽', quantity: 1, unitPriceCents: 12_345, amountCents: null, refundCents: 0, status: null, ...over };
}

function fill(orders: CanonicalOrder[], lines: CanonicalLine[] = []): UnitFill {
  return async (staging) => {
    for (const o of orders) staging.order(0, o);
    for (const l of lines) staging.line(0, l);
    return { rowsRead: orders.length + lines.length, format: 'test', variants: ['test'], encoding: 'utf-8' };
  };
}

async function setup(): Promise<{ db: Db; shopId: number }> {
  const db = await openStore({ path: ':memory:' });
  const shop = await ensureShop(db, 'test shop', 'Asia/Shanghai');
  return { db, shopId: shop.shopId };
}

const opts = (shopId: number) => ({ shopId, platform: 'taobao', files: ['a.csv'], strict: false });

describe('merge of a staged unit', () => {
  it('stores new orders, lines and customers; the same unit again is all unchanged', async () => {
    const { db, shopId } = await setup();
    const orders = [order('1001'), order('1002', { buyer: { kind: 'platform_id', value: 'nick-b' }, buyerNick: 'nick-b' })];
    const lines = [line('1001'), line('1002', { sku: 'SKU-2', quantity: 2, unitPriceCents: 5000 })];
    const first = await runImportUnit(db, opts(shopId), fill(orders, lines));
    expect(first).toMatchObject({ status: 'committed', ordersNew: 2, ordersUpdated: 0, ordersUnchanged: 0, lines: 2, customersNew: 2 });
    const again = await runImportUnit(db, opts(shopId), fill(orders, lines));
    expect(again).toMatchObject({ status: 'committed', ordersNew: 0, ordersUpdated: 0, ordersUnchanged: 2, lines: 0, customersNew: 0 });
    const counts = await db.all(`SELECT (SELECT count(*) FROM orders) o, (SELECT count(*) FROM order_lines) l, (SELECT count(*) FROM customers) c, (SELECT count(*) FROM products) p`);
    expect(counts[0]).toEqual({ o: 2, l: 2, c: 2, p: 2 });
    db.close();
  });

  it('a later export of the same order that adds a contact detail updates the customer; the same again leaves it alone', async () => {
    const { db, shopId } = await setup();
    await runImportUnit(db, opts(shopId), fill([order('1001')], [line('1001')]));
    const batchOf = async () => (await db.all<{ b: number; name: string | null; birthday: string | null; search: string }>(
      `SELECT updated_batch AS b, name, CAST(birthday AS VARCHAR) AS birthday, search_text AS search FROM customers`))[0]!;
    const before = await batchOf();
    expect(before.name).toBeNull();
    // Same order, same time; the export now carries the receiver's name and a birthday.
    const richer = order('1001', { contact: { ...NO_CONTACT, name: '张三', birthday: '1990-05-01' } });
    await runImportUnit(db, opts(shopId), fill([richer], [line('1001')]));
    const after = await batchOf();
    expect(after).toMatchObject({ name: '张三', birthday: '1990-05-01' });
    expect(after.search).toContain('张三');
    expect(after.b).toBeGreaterThan(before.b);
    // Nothing new: the customer row is not rewritten (its batch stays).
    await runImportUnit(db, opts(shopId), fill([richer], [line('1001')]));
    expect((await batchOf()).b).toBe(after.b);
    db.close();
  });

  it('a later export of the same order updates it; an older one does not move it back', async () => {
    const { db, shopId } = await setup();
    await runImportUnit(db, opts(shopId), fill([order('1001')], [line('1001')]));
    const later = await runImportUnit(db, opts(shopId), fill([order('1001', { status: 'completed', rawStatus: '交易成功' })], [line('1001')]));
    expect(later).toMatchObject({ ordersNew: 0, ordersUpdated: 1 });
    const older = await runImportUnit(db, opts(shopId), fill([order('1001')], [line('1001')]));
    expect(older).toMatchObject({ ordersNew: 0, ordersUpdated: 0, ordersUnchanged: 1 });
    const refunded = await runImportUnit(db, opts(shopId), fill([order('1001', { status: 'partially_refunded', rawStatus: '交易成功', refundCents: 2345 })], [line('1001')]));
    expect(refunded).toMatchObject({ ordersUpdated: 1 });
    const rows = await db.all(`SELECT status, CAST(amount AS DOUBLE) amount, CAST(refund AS DOUBLE) refund FROM orders`);
    expect(rows).toEqual([{ status: 'partially_refunded', amount: 123.45, refund: 23.45 }]);
    expect(await db.all(`SELECT count(*) n FROM order_lines`)).toEqual([{ n: 1 }]);
    db.close();
  });

  it('computes amounts from lines when the order row has none', async () => {
    const { db, shopId } = await setup();
    await runImportUnit(db, opts(shopId), fill([order('9', { amountCents: null, itemCount: null })], [line('9', { quantity: 3, unitPriceCents: 199 }), line('9', { sku: 'X', quantity: 1, unitPriceCents: 1 })]));
    expect(await db.all(`SELECT CAST(amount AS DOUBLE) a, item_count FROM orders`)).toEqual([{ a: 5.98, item_count: 4 }]);
    db.close();
  });

  it('reports item rows without an order and duplicate order rows with their lines', async () => {
    const { db, shopId } = await setup();
    const r = await runImportUnit(db, opts(shopId), fill([order('1'), order('1', { line: 7 })], [line('2', { line: 5 })]));
    expect(r.status).toBe('committed');
    expect(r.issues.map((i) => [i.code, i.line, i.severity])).toEqual([
      ['orphan_line', 5, 'error'],
      ['duplicate_order_row', 7, 'warning'],
    ]);
    db.close();
  });

  it('strict mode lands nothing when a row is bad and records the rejected batch', async () => {
    const { db, shopId } = await setup();
    const r = await runImportUnit(db, { ...opts(shopId), strict: true }, fill([order('1')], [line('2', { line: 5 })]));
    expect(r.status).toBe('rejected');
    expect(r.issues.map((i) => i.code)).toEqual(['orphan_line']);
    expect(await db.all(`SELECT count(*) n FROM orders`)).toEqual([{ n: 0 }]);
    expect(await db.all(`SELECT status, errors FROM import_batches`)).toEqual([{ status: 'rejected', errors: 1 }]);
    db.close();
  });

  it('a failure mid-unit leaves the store as it was', async () => {
    const { db, shopId } = await setup();
    const failing: UnitFill = async (staging) => {
      staging.order(0, order('1'));
      throw new Error('disk on fire');
    };
    const r = await runImportUnit(db, opts(shopId), failing);
    expect(r).toMatchObject({ status: 'failed', message: 'disk on fire' });
    expect(await db.all(`SELECT count(*) n FROM orders`)).toEqual([{ n: 0 }]);
    expect(await db.all(`SELECT count(*) n FROM customers`)).toEqual([{ n: 0 }]);
    db.close();
  });

  it('keeps one customer across keys: an order keyed by email finds the customer by a known phone', async () => {
    const { db, shopId } = await setup();
    await runImportUnit(db, opts(shopId), fill([order('1', { contact: { ...NO_CONTACT, phone: '13800000001' } })]));
    const r = await runImportUnit(db, opts(shopId), fill([order('2', { buyer: { kind: 'email', value: 'a@example.com' }, contact: { ...NO_CONTACT, phone: '13800000001', email: 'a@example.com' } })]));
    expect(r.customersNew).toBe(0);
    expect(await db.all(`SELECT count(DISTINCT customer_id) n FROM orders`)).toEqual([{ n: 1 }]);
    db.close();
  });

  it('anonymous buyers stay one customer per order across re-imports', async () => {
    const { db, shopId } = await setup();
    const anon = [order('7', { buyer: { kind: 'anonymous', value: 'order:7' } })];
    await runImportUnit(db, opts(shopId), fill(anon));
    const again = await runImportUnit(db, opts(shopId), fill(anon));
    expect(again.customersNew).toBe(0);
    expect(await db.all(`SELECT count(*) n FROM customers`)).toEqual([{ n: 1 }]);
    db.close();
  });
});

describe('refunds on lines', () => {
  it('roll up to the order and make a completed order partially refunded', async () => {
    const { db, shopId } = await setup();
    await runImportUnit(db, opts(shopId), fill(
      [order('5', { status: 'completed', rawStatus: '交易成功', amountCents: 10_000 })],
      [line('5', { unitPriceCents: 6000 }), line('5', { sku: 'B', unitPriceCents: 4000, refundCents: 4000, status: 'refunded' })],
    ));
    expect(await db.all(`SELECT status, CAST(refund AS DOUBLE) refund FROM orders`)).toEqual([{ status: 'partially_refunded', refund: 40 }]);
    db.close();
  });
});

describe('consent from customer exports', () => {
  it('records the platform marketing flags as consent events once, and a change as a new event', async () => {
    const { db, shopId } = await setup();
    const customer = (accepts: boolean | null) => ({
      line: 2, buyer: { kind: 'email' as const, value: 'a@example.com' }, contact: { ...NO_CONTACT, email: 'a@example.com' },
      acceptsEmailMarketing: accepts, acceptsSmsMarketing: null, tags: null,
    });
    const fillCustomers = (accepts: boolean | null): UnitFill => async (staging) => {
      staging.customer(0, customer(accepts));
      return { rowsRead: 1, format: 'shopify', variants: ['shopify-customers'], encoding: 'utf-8' };
    };
    await runImportUnit(db, opts(shopId), fillCustomers(true));
    await runImportUnit(db, opts(shopId), fillCustomers(true));
    await runImportUnit(db, opts(shopId), fillCustomers(false));
    expect(await db.all(`SELECT channel, status, source FROM consent_events ORDER BY event_id`)).toEqual([
      { channel: 'email', status: 'granted', source: 'import' },
      { channel: 'email', status: 'revoked', source: 'import' },
    ]);
    db.close();
  });
});
