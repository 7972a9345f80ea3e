/**
 * Re-imports of Taobao legacy exports: the same pair twice changes nothing; a later export where a shipped
 * order became 交易成功 and a refund appeared updates exactly those orders; an export overlapping the stored
 * ones gives the right new / unchanged counts; an older export imported after a newer one moves nothing back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/paths.ts';
import type { TestStore } from './e2e-support.ts';
import { csvText, openTestStore, orderOf, rowsOf, storedLines, storedOrders, tableCounts, writeFixture } from './e2e-support.ts';
import { LEGACY_DETAIL_HEADER, LEGACY_ORDER_HEADER } from './taobao-headers.ts';

interface Spec {
  readonly n: number;
  readonly status: string;
  /** Detail rows: [title, price, status]; quantity 1 each. */
  readonly lines: readonly (readonly [string, string, string])[];
  readonly reason?: string;
}

const no = (n: number): string => `52000000000000${String(n).padStart(5, '0')}`;

/** Writes an ExportOrderList/ExportOrderDetailList pair (GBK) for the specs; returns both paths. */
function writePair(dir: string, stamp: string, specs: readonly Spec[]): string[] {
  const orders = specs.map((s) => {
    const total = s.lines.reduce((sum, [, price]) => sum + Number(price), 0).toFixed(2);
    return {
      订单编号: `="${no(s.n)}"`, 买家会员名: `测试用户${s.n % 7}`, 买家支付宝账号: 'null', 买家应付货款: total, 买家应付邮费: '0.00', 总金额: total, 买家实际支付金额: total,
      订单状态: s.status, 收货人姓名: '张三', 收货地址: '江苏省 南京市 建邺区 沙洲街道****', 联系手机: `'138000${String(s.n).padStart(5, '0')}`,
      订单创建时间: `2024-01-${String((s.n % 28) + 1).padStart(2, '0')} 10:00:00`, 订单付款时间: s.status === '等待买家付款' ? 'null' : `2024-01-${String((s.n % 28) + 1).padStart(2, '0')} 10:01:00`,
      宝贝标题: s.lines.map(([t]) => t).join('，'), 宝贝总数量: String(s.lines.length), 订单关闭原因: s.reason ?? '订单未关闭',
    };
  });
  const items = specs.flatMap((s) => s.lines.map(([title, price, status]) => ({ 订单编号: `="${no(s.n)}"`, 标题: title, 价格: price, 购买数量: '1', 订单状态: status, 商家编码: `SKU-${title}` })));
  return [
    writeFixture(dir, `ExportOrderList${stamp}.csv`, csvText(rowsOf(LEGACY_ORDER_HEADER, orders)), 'gbk'),
    writeFixture(dir, `ExportOrderDetailList${stamp}.csv`, csvText(rowsOf(LEGACY_DETAIL_HEADER, items)), 'gbk'),
  ];
}

const shipped = (n: number): Spec => ({ n, status: '卖家已发货，等待买家确认', lines: [['茶叶', '60.00', '卖家已发货，等待买家确认'], ['茶杯', '40.00', '卖家已发货，等待买家确认']] });
const done = (n: number): Spec => ({ n, status: '交易成功', lines: [['茶叶', '60.00', '交易成功'], ['茶杯', '40.00', '交易成功']] });
const partlyRefunded = (n: number): Spec => ({ n, status: '交易成功', lines: [['茶叶', '60.00', '交易成功'], ['茶杯', '40.00', '交易关闭']] });

describe('idempotency and updates across exports', () => {
  const tmp = tempDir();
  let store: TestStore;
  let january: string[];
  let february: string[];

  beforeAll(async () => {
    store = await openTestStore();
    // January: orders 1–10; 1–5 shipped, 6–10 complete.
    january = writePair(tmp.path, '202401312359', [...[1, 2, 3, 4, 5].map(shipped), ...[6, 7, 8, 9, 10].map(done)]);
    // February: 1–3 now complete, 6 got a partial refund; 4, 5, 7–10 as before.
    february = writePair(tmp.path, '202402292359', [done(1), done(2), done(3), shipped(4), shipped(5), partlyRefunded(6), ...[7, 8, 9, 10].map(done)]);
  });
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  it('the same export twice: the second import is all unchanged and writes nothing', async () => {
    const first = await store.import(january);
    expect(first.totals).toMatchObject({ units: 1, ordersNew: 10, ordersUpdated: 0, ordersUnchanged: 0, lines: 20 });
    const before = await storedOrders(store.db);
    const second = await store.import(january);
    expect(second.totals).toMatchObject({ ordersNew: 0, ordersUpdated: 0, ordersUnchanged: 10, lines: 0, customersNew: 0 });
    expect(await storedOrders(store.db)).toEqual(before);
    expect(await tableCounts(store.db)).toMatchObject({ orders: 10, lines: 20, batches: 2 });
  });

  it('a later export: shipped → 交易成功 and a new refund are updates; the rest is unchanged', async () => {
    const r = await store.import(february);
    expect(r.totals).toMatchObject({ ordersNew: 0, ordersUpdated: 4, ordersUnchanged: 6 });
    const orders = await storedOrders(store.db);
    expect([1, 2, 3, 4, 5, 6].map((n) => orderOf(orders, no(n)).status)).toEqual(['completed', 'completed', 'completed', 'shipped', 'shipped', 'partially_refunded']);
    expect(orderOf(orders, no(6))).toMatchObject({ amount: 100, refund: 40 });
    expect((await storedLines(store.db, no(6))).map((l) => [l.title, l.refund, l.status])).toEqual([['茶叶', 0, 'completed'], ['茶杯', 40, 'refunded']]);
    expect(await tableCounts(store.db)).toMatchObject({ orders: 10, lines: 20 });
  });

  it('an overlapping export (half stored, half new) gives 10 new and 10 unchanged', async () => {
    const march = writePair(tmp.path, '202403312359', [
      done(1), done(2), done(3), shipped(4), shipped(5), partlyRefunded(6), ...[7, 8, 9, 10].map(done),
      ...Array.from({ length: 10 }, (_, i) => done(11 + i)),
    ]);
    const r = await store.import(march);
    expect(r.totals).toMatchObject({ ordersNew: 10, ordersUpdated: 0, ordersUnchanged: 10, lines: 20 });
    expect(await tableCounts(store.db)).toMatchObject({ orders: 20, lines: 40 });
    // The order file alone, without its detail file: lines come from the store, nothing changes.
    const alone = await store.import([march[0]!]);
    expect(alone.totals).toMatchObject({ ordersNew: 0, ordersUpdated: 0, ordersUnchanged: 20 });
    expect(await tableCounts(store.db)).toMatchObject({ orders: 20, lines: 40 });
  });

  it('an older export imported after a newer one moves no order back', async () => {
    const before = await storedOrders(store.db);
    const r = await store.import(january);
    expect(r.totals).toMatchObject({ ordersNew: 0, ordersUpdated: 0, ordersUnchanged: 10 });
    const after = await storedOrders(store.db);
    expect(after).toEqual(before);
    expect(orderOf(after, no(1)).status).toBe('completed');
    expect(orderOf(after, no(6))).toMatchObject({ status: 'partially_refunded', refund: 40 });
    expect((await storedLines(store.db, no(6))).map((l) => l.status)).toEqual(['completed', 'refunded']);
  });
});

describe('exports split across calls and files', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('two monthly pairs in one call, newest first: each pair is its own batch and the older one moves nothing back', async () => {
    const store = await openTestStore();
    const jan = writePair(tmp.path, '202401312359', [shipped(1), shipped(2), done(3)]);
    const feb = writePair(tmp.path, '202402292359', [done(1), partlyRefunded(2), done(3), done(4)]);
    const r = await store.import([...feb, ...jan]);
    expect(r.units.map((u) => [u.files.join(' + '), u.ordersNew, u.ordersUpdated, u.ordersUnchanged])).toEqual([
      ['ExportOrderList202402292359.csv + ExportOrderDetailList202402292359.csv', 4, 0, 0],
      ['ExportOrderList202401312359.csv + ExportOrderDetailList202401312359.csv', 0, 0, 3],
    ]);
    const orders = await storedOrders(store.db);
    expect([1, 2, 3, 4].map((n) => orderOf(orders, no(n)).status)).toEqual(['completed', 'partially_refunded', 'completed', 'completed']);
    store.close();
  });

  it('the order file first, its detail file later: the lines attach to the stored orders; the pair again is unchanged', async () => {
    const store = await openTestStore();
    const [orderFile, detailFile] = writePair(tmp.path, '202403312359', [done(1), partlyRefunded(2)]);
    const first = await store.import([orderFile!]);
    expect(first.totals).toMatchObject({ ordersNew: 2, lines: 0 });
    expect(orderOf(await storedOrders(store.db), no(2))).toMatchObject({ status: 'completed', refund: 0 });
    const second = await store.import([detailFile!]);
    expect(second.units[0]).toMatchObject({ status: 'committed', ordersNew: 0, ordersUpdated: 2, lines: 4, errors: 0 });
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, no(2))).toMatchObject({ status: 'partially_refunded', amount: 100, refund: 40 });
    expect(orderOf(orders, no(1))).toMatchObject({ status: 'completed', amount: 100, refund: 0 });
    expect(await tableCounts(store.db)).toMatchObject({ orders: 2, lines: 4 });
    const pair = await store.import([orderFile!, detailFile!]);
    expect(pair.totals).toMatchObject({ ordersNew: 0, ordersUnchanged: 2, lines: 0 });
    store.close();
  });

  it('a detail file whose orders were never imported reports every row as orphan_line and stores nothing', async () => {
    const store = await openTestStore();
    const [, detailFile] = writePair(tmp.path, '202404302359', [done(7)]);
    const r = await store.import([detailFile!]);
    expect(r.units[0]).toMatchObject({ status: 'committed', ordersNew: 0, lines: 0, errors: 2 });
    expect(r.units[0]!.issues.map((i) => [i.line, i.code])).toEqual([[2, 'orphan_line'], [3, 'orphan_line']]);
    expect(await tableCounts(store.db)).toMatchObject({ orders: 0, lines: 0 });
    store.close();
  });
});
