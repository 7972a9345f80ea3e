import { describe, expect, it } from 'vitest';
import type { CanonicalLine, CanonicalOrder } from '../canonical.ts';
import type { Db } from '../../store/database.ts';
import { openStore } from '../../store/open-store.ts';
import { ensureShop } from '../../store/repositories/shop.repository.ts';
import type { UnitFill, UnitReport } from './run-unit.ts';
import { runImportUnit } from './run-unit.ts';

const NO_CONTACT = { name: null, phone: null, phoneMasked: null, email: null, province: null, city: null, district: null, birthday: null };

function order(orderNo: string, line: number, over: Partial<CanonicalOrder> = {}): CanonicalOrder {
  return {
    orderNo, line, buyer: { kind: 'platform_id', value: `nick-${orderNo}` }, buyerNick: `nick-${orderNo}`, contact: NO_CONTACT,
    orderTime: Date.UTC(2024, 0, 1, 2), paidTime: Date.UTC(2024, 0, 1, 3), status: 'completed', rawStatus: '交易成功',
    amountCents: 10_000, refundCents: 0, discountCents: null, shippingCents: 0, couponCode: null, itemCount: null, titles: null,
    ...over,
  };
}

function line(orderNo: string, n: number, over: Partial<CanonicalLine> = {}): CanonicalLine {
  return { orderNo, line: n, lineId: null, sku: `SKU-${n % 3}`, title: 't', quantity: 1, unitPriceCents: 5_000, amountCents: null, refundCents: 0, status: 'completed', ...over };
}

/** A unit with a duplicate order row, a refunded line, an orphan line and an order without amount. */
const UNIT: { orders: CanonicalOrder[]; lines: CanonicalLine[] } = {
  orders: [order('A1', 2), order('A2', 3, { amountCents: null }), order('A1', 4, { amountCents: 1 }), order('A3', 5)],
  lines: [line('A1', 2), line('A1', 3, { status: 'refunded' }), line('A2', 4), line('ZZ', 5), line('A3', 6)],
};

function fill(u: typeof UNIT): UnitFill {
  return async (staging) => {
    for (const o of u.orders) staging.order(0, o);
    for (const l of u.lines) staging.line(0, l);
    return { rowsRead: u.orders.length + u.lines.length, format: 'test', variants: ['test'], encoding: 'utf-8' };
  };
}

const run = (db: Db, shopId: number, u: typeof UNIT): Promise<UnitReport> =>
  runImportUnit(db, { shopId, platform: 'taobao', files: ['a.csv'], strict: false }, fill(u));

async function stored(db: Db, shopId: number): Promise<unknown[]> {
  const orders = await db.all(
    `SELECT order_no, order_time, status, amount, refund, item_count, content_hash FROM orders WHERE shop_id = $1 AND order_no LIKE 'A%' ORDER BY order_no`,
    [shopId],
  );
  const lines = await db.all(
    `SELECT l.order_no, l.line_seq, l.product_key, l.amount, l.refund, l.status,
            (SELECT o.order_no FROM orders o WHERE o.order_key = l.order_key) AS keyed_order
     FROM order_lines l WHERE l.shop_id = $1 AND l.order_no LIKE 'A%' ORDER BY l.order_no, l.line_seq`,
    [shopId],
  );
  return [orders, lines];
}

const counts = (r: UnitReport) => [r.ordersNew, r.ordersUpdated, r.ordersUnchanged, r.lines, r.errors, r.warnings, r.issues.map((i) => [i.line, i.code])];

describe('first import into an empty shop (merge steps skipped) vs a shop with stored orders', () => {
  it('stores and classifies the same, and a re-import is unchanged in both', async () => {
    const db = await openStore({ path: ':memory:' });
    const empty = (await ensureShop(db, 'empty', 'Asia/Shanghai')).shopId;
    const busy = (await ensureShop(db, 'busy', 'Asia/Shanghai')).shopId;
    await run(db, busy, { orders: [order('B1', 2)], lines: [line('B1', 2)] });

    const first = await run(db, empty, UNIT);
    const second = await run(db, busy, UNIT);
    expect(first.status).toBe('committed');
    expect(counts(first)).toEqual(counts(second));
    expect(first.ordersNew).toBe(3);
    expect(first.issues.map((i) => i.code).sort()).toEqual(['duplicate_order_row', 'orphan_line']);
    expect(await stored(db, empty)).toEqual(await stored(db, busy));
    const [, lines] = (await stored(db, empty)) as [unknown, { order_no: string; keyed_order: string }[]];
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.keyed_order).toBe(l.order_no);

    const again = await run(db, empty, UNIT);
    expect(counts(again)).toEqual(counts(await run(db, busy, UNIT)));
    expect(again.ordersUnchanged).toBe(3);
    db.close();
  });
});
