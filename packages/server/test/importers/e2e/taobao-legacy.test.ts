/**
 * Taobao 卖家中心 legacy export pair (ExportOrderList + ExportOrderDetailList) in GBK, through importFiles into
 * DuckDB: `="…"` ids, `'` phones, `null` cells, trailing-space headers, full-width-comma statuses, 交易关闭 told
 * apart by 订单关闭原因, a partial refund as a 交易关闭 detail row inside a 交易成功 order; then the newer
 * 67-column order file with its 子订单编号 detail file, and the 支付交易号 / 买家手机号 variant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/paths.ts';
import type { StoredOrder, TestStore } from './e2e-support.ts';
import { LEGACY_DETAIL_HEADER, LEGACY_ORDER_HEADER } from './taobao-headers.ts';
import { cst, csvText, openTestStore, orderOf, rowsOf, storedCustomers, storedIssues, storedLines, storedOrders, writeFixture } from './e2e-support.ts';


const FILLER: Record<string, string> = {
  买家支付宝账号: 'null', 买家支付积分: '0', 返点积分: '0', 买家实际支付积分: '0', 买家留言: 'null', 运送方式: '快递',
  联系电话: "'null", 宝贝种类: '1', 物流单号: 'null', 物流公司: 'null', 订单备注: 'null', 店铺Id: '0', 店铺名称: '回头客测试店',
  订单关闭原因: '订单未关闭', 卖家服务费: '0', 买家服务费: '0', 发票抬头: 'null', 是否手机订单: '手机订单',
};
const id = (n: number): string => `="51180000000000000${String(n).padStart(2, '0')}"`;
const no = (n: number): string => `51180000000000000${String(n).padStart(2, '0')}`;

function order(n: number, fields: Record<string, string>): Record<string, string> {
  return { ...FILLER, 订单编号: id(n), ...fields };
}
function item(n: number, title: string, price: string, qty: string, status: string, sku: string): Record<string, string> {
  return { 订单编号: id(n), 标题: title, 价格: price, 购买数量: qty, 外部系统编号: sku, 商品属性: '颜色分类:白色', 套餐信息: 'null', 备注: 'null', 订单状态: status, 商家编码: 'null' };
}

const ORDERS = [
  order(1, { 买家会员名: '测试用户甲', 买家应付货款: '100.00', 买家应付邮费: '10.00', 总金额: '110.00', 买家实际支付金额: '110.00', 订单状态: '交易成功', 买家留言: '请发顺丰,谢谢', 收货人姓名: '张三', 收货地址: '江苏省 南京市 建邺区 沙洲街道****', 联系手机: "'13800000001", 订单创建时间: '2024-01-02 10:00:00', 订单付款时间: '2024-01-02 10:05:00', 宝贝标题: '湿巾 80抽，棉柔巾', 宝贝总数量: '3' }),
  order(2, { 买家会员名: '测试用户乙', 买家应付货款: '59.00', 买家应付邮费: '0.00', 总金额: '59.00', 买家实际支付金额: '59.00', 订单状态: '交易关闭', 订单关闭原因: '买家未付款', 收货人姓名: '李四', 收货地址: '浙江省 杭州市 西湖区 文三路****', 联系手机: "'13800000002", 订单创建时间: '2024-01-03 09:00:00', 订单付款时间: 'null', 宝贝标题: '湿巾 80抽', 宝贝总数量: '1' }),
  order(3, { 买家会员名: '测试用户乙', 买家应付货款: '45.00', 买家应付邮费: '0.00', 总金额: '45.00', 买家实际支付金额: '45.00', 订单状态: '交易关闭', 订单关闭原因: '退款', 收货人姓名: '李四', 收货地址: '浙江省 杭州市 西湖区 文三路****', 联系手机: "'13800000002", 订单创建时间: '2024-01-04 09:00:00', 订单付款时间: '2024-01-04 09:01:00', 宝贝标题: '棉柔巾', 宝贝总数量: '1' }),
  order(4, { 买家会员名: '测试用户丙', 买家应付货款: '100.00', 买家应付邮费: '0.00', 总金额: '100.00', 买家实际支付金额: '100.00', 订单状态: '交易成功', 收货人姓名: '王五', 收货地址: '广东省 深圳市 南山区 科技园****', 联系手机: "'13800000003", 订单创建时间: '2024-01-05 20:30:00', 订单付款时间: '2024-01-05 20:31:00', 宝贝标题: '湿巾 80抽，保温杯', 宝贝总数量: '2' }),
  order(5, { 买家会员名: '测试用户甲', 买家应付货款: '30.00', 买家应付邮费: '0.00', 总金额: '30.00', 买家实际支付金额: '30.00', 订单状态: '买家已付款，等待卖家发货', 收货人姓名: '张三', 收货地址: '江苏省 南京市 建邺区 沙洲街道****', 联系手机: "'13800000001", 订单创建时间: '2024-02-01 08:00:00', 订单付款时间: '2024-02-01 08:00:30', 宝贝标题: '湿巾 80抽', 宝贝总数量: '1' }),
  order(6, { 买家会员名: '测试用户丁', 买家应付货款: '40.00', 买家应付邮费: '0.00', 总金额: '40.00', 买家实际支付金额: '40.00', 订单状态: '卖家已发货，等待买家确认', 收货人姓名: '赵六', 收货地址: '北京 北京市 朝阳区 某某路****', 联系手机: 'null', 联系电话: "'010-12345678", 订单创建时间: '2024-02-02 08:00:00', 订单付款时间: '2024-02-02 08:01:00', 宝贝标题: '棉柔巾', 宝贝总数量: '1' }),
  order(7, { 买家会员名: '测试用户戊', 买家应付货款: '30.00', 买家应付邮费: '0.00', 总金额: '30.00', 买家实际支付金额: '30.00', 订单状态: '等待买家付款', 收货人姓名: '孙七', 收货地址: '四川省 成都市 武侯区 某街道****', 联系手机: "'13800000007", 订单创建时间: '2024-02-03 23:59:59', 订单付款时间: 'null', 宝贝标题: '湿巾 80抽', 宝贝总数量: '1' }),
];
const ITEMS = [
  item(1, '湿巾 80抽', '30.00', '2', '交易成功', 'SKU-WIPE'),
  item(1, '棉柔巾', '40.00', '1', '交易成功', 'SKU-TOWEL'),
  item(2, '湿巾 80抽', '59.00', '1', '交易关闭', 'SKU-WIPE'),
  item(3, '棉柔巾', '45.00', '1', '交易关闭', 'SKU-TOWEL'),
  item(4, '湿巾 80抽', '60.00', '1', '交易成功', 'SKU-WIPE'),
  item(4, '保温杯', '40.00', '1', '交易关闭', 'SKU-CUP'),
  item(5, '湿巾 80抽', '30.00', '1', '买家已付款，等待卖家发货', 'SKU-WIPE'),
  item(6, '棉柔巾', '40.00', '1', '卖家已发货，等待买家确认', 'SKU-TOWEL'),
  item(7, '湿巾 80抽', '30.00', '1', '等待买家付款', 'SKU-WIPE'),
];

describe('Taobao legacy pair (GBK, 44 columns)', () => {
  const tmp = tempDir();
  let store: TestStore;
  let orders: Map<string, StoredOrder>;
  let report: Awaited<ReturnType<TestStore['import']>>;

  beforeAll(async () => {
    const orderFile = writeFixture(tmp.path, 'ExportOrderList202402041200.csv', csvText(rowsOf(LEGACY_ORDER_HEADER, ORDERS)), 'gbk');
    const detailFile = writeFixture(tmp.path, 'ExportOrderDetailList202402041200.csv', csvText(rowsOf(LEGACY_DETAIL_HEADER, ITEMS)), 'gbk');
    store = await openTestStore();
    report = await store.import([orderFile, detailFile]);
    orders = await storedOrders(store.db);
  });
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  it('imports the pair as one GBK unit with no issues', () => {
    expect(report.units).toHaveLength(1);
    const unit = report.units[0]!;
    expect(unit).toMatchObject({ status: 'committed', format: 'taobao', encoding: 'gb18030', ordersNew: 7, lines: 9, errors: 0, warnings: 0 });
    expect(unit.files).toEqual(['ExportOrderList202402041200.csv', 'ExportOrderDetailList202402041200.csv']);
    expect(unit.variants).toEqual(['taobao-legacy-orders', 'taobao-legacy-items']);
  });

  it('strips ="…" from ids and maps every status (full-width commas, 交易关闭 by 订单关闭原因, partial refund)', () => {
    expect([...orders.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7].map(no));
    expect([...orders.values()].map((o) => [o.status, o.raw_status])).toEqual([
      ['completed', '交易成功'],
      ['closed_unpaid', '交易关闭'],
      ['refunded', '交易关闭'],
      ['partially_refunded', '交易成功'],
      ['paid', '买家已付款，等待卖家发货'],
      ['shipped', '卖家已发货，等待买家确认'],
      ['unpaid', '等待买家付款'],
    ]);
  });

  it('stores amounts, postage, times in China time, titles and item counts', () => {
    expect(orderOf(orders, no(1))).toMatchObject({
      amount: 110, refund: 0, shipping: 10, item_count: 3, titles: '湿巾 80抽，棉柔巾',
      order_ms: cst(2024, 1, 2, 10), paid_ms: cst(2024, 1, 2, 10, 5), province: '江苏省', city: '南京市',
    });
    expect(orderOf(orders, no(2)).paid_ms).toBeNull();
    expect(orderOf(orders, no(7)).order_ms).toBe(cst(2024, 2, 3, 23, 59, 59));
  });

  it('a 交易关闭 detail row inside a 交易成功 order is a partial refund worth that row', async () => {
    expect(orderOf(orders, no(4))).toMatchObject({ amount: 100, refund: 40, status: 'partially_refunded' });
    const lines = await storedLines(store.db, no(4));
    expect(lines.map((l) => [l.title, l.unit_price, l.quantity, l.refund, l.status])).toEqual([
      ['湿巾 80抽', 60, 1, 0, 'completed'],
      ['保温杯', 40, 1, 40, 'refunded'],
    ]);
  });

  it('交易关闭 + 退款 is refunded; the 44-column file has no refund amount, so the stored refund stays 0', () => {
    expect(orderOf(orders, no(3))).toMatchObject({ status: 'refunded', amount: 45, refund: 0, paid_ms: cst(2024, 1, 4, 9, 1) });
  });

  it('closed lines of unpaid orders are not refunds', async () => {
    const lines = await storedLines(store.db, no(2));
    expect(lines.map((l) => [l.refund, l.status])).toEqual([[0, 'cancelled']]);
    expect(orderOf(orders, no(2)).refund).toBe(0);
  });

  it('joins lines on the cleaned order number, with sku from 外部系统编号', async () => {
    const lines = await storedLines(store.db, no(1));
    expect(lines.map((l) => [l.line_seq, l.sku, l.title, l.quantity, l.unit_price])).toEqual([
      [1, 'SKU-WIPE', '湿巾 80抽', 2, 30],
      [2, 'SKU-TOWEL', '棉柔巾', 1, 40],
    ]);
  });

  it('keys customers on 买家会员名; contact details come from the latest order; null cells stay empty', async () => {
    const customers = await storedCustomers(store.db);
    expect([...customers.keys()].sort()).toEqual(['测试用户丁', '测试用户丙', '测试用户乙', '测试用户戊', '测试用户甲'].map((n) => `platform_id:${n}`).sort());
    expect(orderOf(orders, no(1)).customer_id).toBe(orderOf(orders, no(5)).customer_id);
    const jia = customers.get('platform_id:测试用户甲')!;
    expect(jia).toMatchObject({ nick: '测试用户甲', name: '张三', phone: '13800000001', phone_masked: null, email: null, province: '江苏省', city: '南京市', district: '建邺区' });
    // 联系手机 `null`, 联系电话 `'010-12345678`: the landline is used, dash removed.
    expect(customers.get('platform_id:测试用户丁')).toMatchObject({ phone: '01012345678', province: '北京', city: '北京市', district: '朝阳区' });
    const all = [...customers.values()];
    expect(all.some((c) => Object.values(c).some((v) => v === 'null' || v === "'null"))).toBe(false);
  });

  it('importing the pair again changes nothing', async () => {
    const again = await store.import([
      `${tmp.path}/ExportOrderList202402041200.csv`,
      `${tmp.path}/ExportOrderDetailList202402041200.csv`,
    ]);
    expect(again.totals).toMatchObject({ ordersNew: 0, ordersUpdated: 0, ordersUnchanged: 7, lines: 0, customersNew: 0 });
    expect(await storedOrders(store.db)).toEqual(orders);
  });
});

/** The 67-column order header: 支付单号,支付详情 inserted, 退款金额 … 主订单编号 appended. */
const HEADER_67 = [
  ...LEGACY_ORDER_HEADER.slice(0, 3), '支付单号', '支付详情', ...LEGACY_ORDER_HEADER.slice(3),
  '满返红包金额', '新零售交易类型', '新零售导购门店名称', '新零售导购门店id', '新零售发货门店名称', '新零售发货门店id', '退款金额', '预约门店',
  '确认收货时间', '打款商家金额', '含应开票给个人的个人红包', '是否信用购', '体验期结束时间', '前N有礼', '配送类型', '直播返现状态', '返现金额',
  '新零售成交门店昵称', '新零售成交门店id', '新零售成交经销商id', '主订单编号',
];
const NEWER_DETAIL_HEADER = '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,订单状态,商家编码,买家应付货款,退款状态,退款金额,订单创建时间,支付单号'.split(',');

describe('Taobao newer variants (67 columns + 子订单编号 detail; 支付交易号 + 买家手机号)', () => {
  const tmp = tempDir();
  let store: TestStore;
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  it('reads 退款金额 from the order row and per-line refunds from 退款状态/退款金额', async () => {
    expect(HEADER_67).toHaveLength(67);
    const rows = rowsOf(HEADER_67, [
      order(11, { 支付单号: '="2024010122001"', 买家会员名: '测试用户甲', 买家实际支付金额: '80.00', 买家应付邮费: '0.00', 订单状态: '交易成功', 收货人姓名: '张三', 收货地址: '江苏省 南京市 建邺区 沙洲街道****', 联系手机: "'13800000001", 订单创建时间: '2024-03-01 12:00:00', 订单付款时间: '2024-03-01 12:01:00', 宝贝总数量: '2', 退款金额: '20.00', 主订单编号: id(11) }),
      order(12, { 支付单号: '="2024010122002"', 买家会员名: '测试用户乙', 买家实际支付金额: '35.00', 订单状态: '交易关闭', 订单关闭原因: '退款', 收货人姓名: '李四', 收货地址: '浙江省 杭州市 西湖区 文三路****', 联系手机: "'13800000002", 订单创建时间: '2024-03-02 12:00:00', 订单付款时间: '2024-03-02 12:01:00', 宝贝总数量: '1', 退款金额: '35.00', 主订单编号: id(12) }),
    ]);
    const details = rowsOf(NEWER_DETAIL_HEADER, [
      { 子订单编号: '="6001"', 主订单编号: id(11), 标题: '湿巾 80抽', 价格: '60.00', 购买数量: '1', 商家编码: 'SKU-WIPE', 订单状态: '交易成功', 退款状态: '没有申请退款', 退款金额: '无退款申请' },
      { 子订单编号: '="6002"', 主订单编号: id(11), 标题: '保温杯', 价格: '20.00', 购买数量: '1', 商家编码: 'SKU-CUP', 订单状态: '交易成功', 退款状态: '退款成功', 退款金额: '20.00' },
      { 子订单编号: '="6003"', 主订单编号: id(12), 标题: '棉柔巾', 价格: '35.00', 购买数量: '1', 商家编码: 'SKU-TOWEL', 订单状态: '交易关闭', 退款状态: '退款成功', 退款金额: '35.00' },
    ]);
    const a = writeFixture(tmp.path, 'ExportOrderList202403051200.csv', csvText(rows), 'gbk');
    const b = writeFixture(tmp.path, 'ExportOrderDetailList202403051200.csv', csvText(details), 'gbk');
    store = await openTestStore();
    const report = await store.import([a, b]);
    expect(report.units[0]).toMatchObject({ status: 'committed', variants: ['taobao-legacy-orders', 'taobao-items'], ordersNew: 2, lines: 3, errors: 0, warnings: 0 });
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, no(11))).toMatchObject({ status: 'partially_refunded', amount: 80, refund: 20 });
    expect(orderOf(orders, no(12))).toMatchObject({ status: 'refunded', amount: 35, refund: 35 });
    const lines = await storedLines(store.db);
    expect(lines.map((l) => [l.order_no, l.line_id, l.sku, l.refund, l.status])).toEqual([
      [no(11), '6001', 'SKU-WIPE', 0, 'completed'],
      [no(11), '6002', 'SKU-CUP', 20, 'refunded'],
      [no(12), '6003', 'SKU-TOWEL', 35, 'refunded'],
    ]);
  });

  it('the 支付交易号 variant ending in 买家姓名,买家身份证号,买家手机号 keys on 买家会员名 and reads the phone', async () => {
    const header = [...LEGACY_ORDER_HEADER.slice(0, 3), '支付交易号', ...LEGACY_ORDER_HEADER.slice(3), '买家姓名', '买家身份证号', '买家手机号'];
    const rows = rowsOf(header, [
      order(21, { 支付交易号: '="2024030122001"', 买家会员名: '测试用户己', 买家实际支付金额: '12.50', 订单状态: '交易成功', 收货人姓名: '周八', 收货地址: '上海 上海市 浦东新区 张江路****', 联系手机: "'13800000021", 订单创建时间: '2024-03-03 12:00:00', 订单付款时间: '2024-03-03 12:00:10', 买家姓名: '周八', 买家身份证号: 'null', 买家手机号: "'13800000021" }),
    ]);
    const file = writeFixture(tmp.path, 'ExportOrderList202403061200.csv', csvText(rows), 'gbk');
    const report = await store.import([file]);
    expect(report.units[0]).toMatchObject({ status: 'committed', ordersNew: 1, errors: 0, warnings: 0 });
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, no(21))).toMatchObject({ status: 'completed', amount: 12.5, key_kind: 'platform_id', key_value: '测试用户己' });
    const customers = await storedCustomers(store.db);
    expect(customers.get('platform_id:测试用户己')).toMatchObject({ name: '周八', phone: '13800000021', province: '上海', city: '上海市', district: '浦东新区' });
    expect(await storedIssues(store.db)).toEqual([]);
  });
});
