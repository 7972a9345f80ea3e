/**
 * The numeric order key and the customer search text across re-imports: every order and line gets a key at
 * its first import, an updated order keeps its key (its re-written lines carry it), a new order gets a new one;
 * a customer's search text follows a changed name and phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCustomers } from '../../../src/store/repositories/customer.repository.ts';
import { tempDir } from '../../support/paths.ts';
import type { TestStore } from './e2e-support.ts';
import { csvText, openTestStore, rowsOf, writeFixture } from './e2e-support.ts';
import { LEGACY_DETAIL_HEADER, LEGACY_ORDER_HEADER } from './taobao-headers.ts';

interface Spec {
  readonly n: number;
  readonly status: string;
  readonly day: number;
  readonly buyer: string;
  readonly name: string;
  readonly phone: string;
}

const no = (n: number): string => `52100000000000${String(n).padStart(5, '0')}`;

function writePair(dir: string, stamp: string, specs: readonly Spec[]): string[] {
  const time = (s: Spec, minute: string) => `2024-01-${String(s.day).padStart(2, '0')} 10:${minute}:00`;
  const orders = specs.map((s) => ({
    订单编号: `="${no(s.n)}"`, 买家会员名: s.buyer, 买家支付宝账号: 'null', 买家应付货款: '100.00', 买家应付邮费: '0.00', 总金额: '100.00', 买家实际支付金额: '100.00',
    订单状态: s.status, 收货人姓名: s.name, 收货地址: '江苏省 南京市 建邺区 沙洲街道****', 联系手机: `'${s.phone}`,
    订单创建时间: time(s, '00'), 订单付款时间: time(s, '01'), 宝贝标题: '茶叶，茶杯', 宝贝总数量: '2', 订单关闭原因: '订单未关闭',
  }));
  const items = specs.flatMap((s) => [['茶叶', '60.00'], ['茶杯', '40.00']].map(([title, price]) => ({ 订单编号: `="${no(s.n)}"`, 标题: title!, 价格: price!, 购买数量: '1', 订单状态: s.status, 商家编码: `SKU-${title}` })));
  return [
    writeFixture(dir, `ExportOrderList${stamp}.csv`, csvText(rowsOf(LEGACY_ORDER_HEADER, orders)), 'gbk'),
    writeFixture(dir, `ExportOrderDetailList${stamp}.csv`, csvText(rowsOf(LEGACY_DETAIL_HEADER, items)), 'gbk'),
  ];
}

const SHIPPED = '卖家已发货，等待买家确认';
const DONE = '交易成功';

async function keys(store: TestStore): Promise<{ orders: Map<string, number>; lines: [string, number][] }> {
  const orders = await store.db.all(`SELECT order_no, order_key FROM orders ORDER BY order_no`);
  const lines = await store.db.all(`SELECT order_no, order_key FROM order_lines ORDER BY order_no, line_seq`);
  return {
    orders: new Map(orders.map((r) => [String(r['order_no']), Number(r['order_key'])])),
    lines: lines.map((r) => [String(r['order_no']), Number(r['order_key'])]),
  };
}

describe('order keys and search text across imports', () => {
  const tmp = tempDir();
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  it('keys every order and its lines, keeps them on an update, and gives new orders new keys', async () => {
    const buyer = { buyer: '茶友甲', name: '张三', phone: '13800000001' };
    await store.import(writePair(tmp.path, '202401312359', [1, 2, 3].map((n) => ({ n, status: SHIPPED, day: n, ...buyer }))));
    const first = await keys(store);
    expect([...first.orders.values()].every((k) => Number.isInteger(k) && k > 0)).toBe(true);
    expect(new Set(first.orders.values()).size).toBe(3);
    expect(first.lines).toHaveLength(6);
    for (const [orderNo, key] of first.lines) expect(key).toBe(first.orders.get(orderNo));

    // Order 1 completes (an update: its lines are re-written), 2 and 3 are unchanged, 4 is new.
    const r = await store.import(writePair(tmp.path, '202402292359', [
      { n: 1, status: DONE, day: 1, ...buyer }, { n: 2, status: SHIPPED, day: 2, ...buyer }, { n: 3, status: SHIPPED, day: 3, ...buyer },
      { n: 4, status: DONE, day: 4, ...buyer },
    ]));
    expect(r.totals).toMatchObject({ ordersNew: 1, ordersUpdated: 1, ordersUnchanged: 2 });
    const second = await keys(store);
    for (const n of [1, 2, 3]) expect(second.orders.get(no(n))).toBe(first.orders.get(no(n)));
    const fourth = second.orders.get(no(4))!;
    expect([...first.orders.values()]).not.toContain(fourth);
    expect(second.lines).toHaveLength(8);
    for (const [orderNo, key] of second.lines) expect(key).toBe(second.orders.get(orderNo));
  });

  it('a later order with a new name and phone updates the search text, and search follows it', async () => {
    const search = async (text: string) =>
      (await listCustomers(store.db, store.shopId, { search: text }, { sort: 'id', descending: false, limit: 10, offset: 0 })).rows.map((c) => c.name);
    expect(await search('张三')).toEqual(['张三']);
    expect(await search('13800000001')).toEqual(['张三']);
    await store.import(writePair(tmp.path, '202403312359', [{ n: 5, status: DONE, day: 20, buyer: '茶友甲', name: '李四', phone: '13900000002' }]));
    const [row] = await store.db.all(`SELECT name, phone, search_text FROM customers`);
    expect(row).toMatchObject({ name: '李四', phone: '13900000002', search_text: '茶友甲\n李四\n13900000002\n\n茶友甲' });
    expect(await search('李四')).toEqual(['李四']);
    expect(await search('13900000002')).toEqual(['李四']);
    expect(await search('张三')).toEqual([]);
    expect(await search('13800000001')).toEqual([]);
  });
});
