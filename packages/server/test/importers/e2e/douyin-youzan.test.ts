/**
 * Douyin (抖店, one row per 子订单) and Youzan (有赞, one row per order, and the item-level export) through the
 * pipeline: amounts from 子订单 lines, a refunded 子订单 making the order partially refunded, 已关闭 without a
 * payment, masked receiver phones; Youzan 订单已退款金额, 交易关闭 unpaid vs refunded, the receiver phone key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../src/importers/read/xlsx/xlsx-writer.ts';
import { tempDir } from '../../support/paths.ts';
import type { TestStore } from './e2e-support.ts';
import { cst, csvText, NOTHING_CHANGED, openTestStore, orderOf, rowsOf, storedCustomers, storedIssues, storedLines, storedOrders, reimport, writeFixture } from './e2e-support.ts';

const DOUYIN_HEADER = '主订单编号,子订单编号,支付方式,选购商品,货号,商品ID,商家编码,商品数量,商品金额,订单提交时间,支付完成时间,订单完成时间,承诺发货时间,预约发货时间,买家留言,旗帜颜色,商家备注,APP渠道,订单状态,取消原因,售后状态,订单类型,发货时间,车型,是否是以旧换新,换新额外补贴,换新额外补贴发放状态,订单应付金额,运费,优惠总金额,平台优惠,商家优惠,达人优惠,商家改价,支付优惠,手续费,红包抵扣,降价类优惠,平台实际承担优惠金额,商家实际承担优惠金额,达人实际承担优惠金额,收件人,收件人手机号,省,市,区,街道,详细地址,是否修改过地址,快递信息,序列号,达人ID,达人昵称'.split(',');

function dy(main: string, sub: string, fields: Record<string, string>): Record<string, string> {
  return { 主订单编号: main, 子订单编号: sub, 支付方式: '抖音支付', APP渠道: '抖音', 订单类型: '普通订单', 运费: '0.00', 优惠总金额: '0.00', ...fields };
}

describe('Douyin order export (one row per 子订单)', () => {
  const tmp = tempDir();
  let store: TestStore;
  beforeAll(async () => {
    const d1 = { 订单提交时间: '2024-08-01 20:00:00', 支付完成时间: '2024-08-01 20:00:10', 订单状态: '已完成', 收件人: '张*', 收件人手机号: '13800000001', 省: '江苏省', 市: '南京市', 区: '建邺区', 街道: '沙洲街道', 详细地址: '某路1号', 运费: '5.00', 优惠总金额: '10.00' };
    const rows = rowsOf(DOUYIN_HEADER, [
      dy('6900000000000000001', '6900000000000000101', { ...d1, 选购商品: '保温杯 500ml', 商家编码: 'DY-CUP', 商品数量: '1', 商品金额: '99.00', 订单应付金额: '89.00', 售后状态: '' }),
      dy('6900000000000000001', '6900000000000000102', { ...d1, 选购商品: '湿巾 80抽', 商家编码: 'DY-WIPE', 商品数量: '2', 商品金额: '15.00', 订单应付金额: '30.00', 售后状态: '同意退款,退款成功' }),
      dy('6900000000000000002', '6900000000000000201', { 订单提交时间: '2024-08-02 20:00:00', 支付完成时间: '', 订单状态: '已关闭', 取消原因: '超时未支付', 收件人: '李*', 收件人手机号: '138****0002', 省: '浙江省', 市: '杭州市', 区: '西湖区', 街道: '文三路', 详细地址: '2号', 选购商品: '湿巾 80抽', 商家编码: 'DY-WIPE', 商品数量: '1', 商品金额: '15.00', 订单应付金额: '15.00' }),
      dy('6900000000000000003', '6900000000000000301', { 订单提交时间: '2024-08-03 20:00:00', 支付完成时间: '2024-08-03 20:00:05', 订单状态: '备货中', 收件人: '王*', 收件人手机号: '138****0003', 省: '广东省', 市: '深圳市', 区: '南山区', 街道: '科技园', 详细地址: '3号', 选购商品: '保温杯 500ml', 商家编码: 'DY-CUP', 商品数量: '1', 商品金额: '99.00', 订单应付金额: '99.00', 售后状态: '售后中' }),
      dy('6900000000000000004', '6900000000000000401', { ...d1, 订单提交时间: '2024-08-04 20:00:00', 支付完成时间: '2024-08-04 20:00:10', 订单状态: '已发货', 运费: '0.00', 优惠总金额: '0.00', 选购商品: '保温杯 500ml', 商家编码: 'DY-CUP', 商品数量: '1', 商品金额: '99.00', 订单应付金额: '99.00', 售后状态: '同意退款,退款成功' }),
      dy('6900000000000000005', '6900000000000000501', { 订单提交时间: '2024-08-05 20:00:00', 支付完成时间: '', 订单状态: '待支付', 收件人: '赵*', 收件人手机号: '138****0005', 省: '四川省', 市: '成都市', 区: '武侯区', 街道: '某街道', 详细地址: '5号', 选购商品: '湿巾 80抽', 商家编码: 'DY-WIPE', 商品数量: '1', 商品金额: '15.00', 订单应付金额: '15.00' }),
    ]);
    store = await openTestStore();
    const report = await store.import([writeFixture(tmp.path, 'douyin.xlsx', writeXlsx([{ name: '订单', rows }]))]);
    expect(report.units[0]).toMatchObject({ status: 'committed', format: 'douyin', ordersNew: 5, lines: 6, errors: 0, warnings: 0 });
  });

  it('re-importing the export changes nothing', async () => {
    expect(await reimport(store, [`${tmp.path}/douyin.xlsx`])).toEqual(NOTHING_CHANGED);
  });
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  it('sums 订单应付金额 of the 子订单 into the order and rolls up a refunded 子订单', async () => {
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, '6900000000000000001')).toMatchObject({
      status: 'partially_refunded', amount: 119, refund: 30, shipping: 5, discount: 10, item_count: 3,
      order_ms: cst(2024, 8, 1, 20), paid_ms: cst(2024, 8, 1, 20, 0, 10),
    });
    const lines = await storedLines(store.db, '6900000000000000001');
    expect(lines.map((l) => [l.line_id, l.sku, l.quantity, l.unit_price, l.amount, l.refund, l.status])).toEqual([
      ['6900000000000000101', 'DY-CUP', 1, 99, 89, 0, null],
      ['6900000000000000102', 'DY-WIPE', 2, 15, 30, 30, 'refunded'],
    ]);
  });

  it('maps 已关闭 unpaid, 备货中 + 售后中, a fully refunded order and 待支付', async () => {
    const orders = await storedOrders(store.db);
    expect([2, 3, 4, 5].map((n) => orderOf(orders, `690000000000000000${n}`)).map((o) => [o.status, o.refund])).toEqual([
      ['closed_unpaid', 0],
      ['paid', 0],
      ['refunded', 99],
      ['unpaid', 0],
    ]);
  });

  it('keys on an unmasked 收件人手机号, else the address; masked phones are display only', async () => {
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, '6900000000000000001')).toMatchObject({ key_kind: 'phone', key_value: '13800000001' });
    expect(orderOf(orders, '6900000000000000004').customer_id).toBe(orderOf(orders, '6900000000000000001').customer_id);
    expect(orderOf(orders, '6900000000000000003')).toMatchObject({ key_kind: 'address', key_value: '广东省深圳市南山区科技园3号' });
    const customers = await storedCustomers(store.db);
    expect(customers.get('address:广东省深圳市南山区科技园3号')).toMatchObject({ phone: null, phone_masked: '138****0003', province: '广东省', city: '深圳市', district: '南山区' });
  });
});

const YOUZAN_HEADER = '订单号,归属店铺,订单类型,订单状态,推广方式,订单来源,订单创建时间,买家付款时间,交易成功时间,付款方式,外部支付流水号,支付流水号,商品金额合计,运费,店铺优惠合计,支付营销优惠,应收订单金额,订单实付金额,店铺优惠方式,全部商品名称,商品种类数,订单配送方式,预约同城送达时间/预约自提时间,收货人/提货人,收货人手机号/提货人手机号,收货人省份,收货人城市,收货人地区,详细收货地址/提货地址,买家备注,订单星级,买家昵称,买家是否会员,买家手机号,下单网点,订单退款状态,订单已退款金额,商家订单备注,优惠券码名称'.split(',');

function yz(orderNo: string, fields: Record<string, string>): Record<string, string> {
  return { 订单号: orderNo, 归属店铺: '回头客测试店', 订单类型: '普通订单', 订单来源: '微信', 付款方式: '微信支付', 运费: '0.00', 店铺优惠合计: '0.00', 订单配送方式: '快递发货', 买家是否会员: '是', 收货人省份: '江苏省', 收货人城市: '南京市', 收货人地区: '建邺区', ...fields };
}

describe('Youzan order export', () => {
  const tmp = tempDir();
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  it('one row per order: statuses, 订单已退款金额, coupons, the receiver phone key (买家手机号 masked)', async () => {
    const rows = rowsOf(YOUZAN_HEADER, [
      yz('E20240901000000000001', { 订单状态: '交易成功', 订单创建时间: '2024-09-01 12:00:00', 买家付款时间: '2024-09-01 12:00:09', 商品金额合计: '120.00', 店铺优惠合计: '20.00', 运费: '8.00', 订单实付金额: '108.00', 全部商品名称: '保温杯;湿巾', '收货人/提货人': '张三', '收货人手机号/提货人手机号': '13800000001', '详细收货地址/提货地址': '沙洲街道1号', 买家昵称: '小张', 买家手机号: '186******05', 订单已退款金额: '18.00', 优惠券码名称: '满100减20' }),
      yz('E20240901000000000002', { 订单状态: '交易关闭', 订单创建时间: '2024-09-02 12:00:00', 买家付款时间: '', 订单实付金额: '30.00', '收货人/提货人': '张三', '收货人手机号/提货人手机号': '13800000001', 买家昵称: '小张', 订单已退款金额: '0.00' }),
      yz('E20240901000000000003', { 订单状态: '交易关闭', 订单创建时间: '2024-09-03 12:00:00', 买家付款时间: '2024-09-03 12:00:09', 订单实付金额: '30.00', '收货人/提货人': '李四', '收货人手机号/提货人手机号': '13800000002', 订单已退款金额: '30.00' }),
      yz('E20240901000000000004', { 订单状态: '待发货', 订单创建时间: '2024-09-04 12:00:00', 买家付款时间: '2024-09-04 12:00:09', 订单实付金额: '30.00', '收货人/提货人': '李四', '收货人手机号/提货人手机号': '13800000002' }),
      yz('E20240901000000000005', { 订单状态: '已发货', 订单创建时间: '2024-09-05 12:00:00', 买家付款时间: '2024-09-05 12:00:09', 订单实付金额: '30.00', '收货人/提货人': '王五', '收货人手机号/提货人手机号': '138****0005', '详细收货地址/提货地址': '江东中路5号' }),
      yz('E20240901000000000006', { 订单状态: '待付款', 订单创建时间: '2024-09-06 12:00:00', 订单实付金额: '30.00', '收货人/提货人': '王五', '收货人手机号/提货人手机号': '13800000005' }),
    ]);
    const report = await store.import([writeFixture(tmp.path, 'youzan.csv', csvText(rows), 'utf-8-bom')]);
    expect(report.units[0]).toMatchObject({ status: 'committed', format: 'youzan', variants: ['youzan-orders'], ordersNew: 6, errors: 0, warnings: 0 });
    const orders = await storedOrders(store.db);
    expect([...orders.values()].map((o) => [o.status, o.refund])).toEqual([
      ['partially_refunded', 18],
      ['closed_unpaid', 0],
      ['refunded', 30],
      ['paid', 0],
      ['shipped', 0],
      ['unpaid', 0],
    ]);
    expect(orderOf(orders, 'E20240901000000000001')).toMatchObject({
      amount: 108, discount: 20, shipping: 8, coupon_code: '满100减20', titles: '保温杯;湿巾', key_kind: 'phone', key_value: '13800000001',
    });
    expect(orderOf(orders, 'E20240901000000000005')).toMatchObject({ key_kind: 'address', key_value: '江苏省南京市建邺区江东中路5号' });
    const customers = await storedCustomers(store.db);
    expect(customers.get('phone:13800000001')).toMatchObject({ name: '张三', nick: '小张', phone: '13800000001' });
    expect([...customers.values()].every((c) => !c.key_value.includes('*'))).toBe(true);
    expect(await reimport(store, [`${tmp.path}/youzan.csv`])).toEqual(NOTHING_CHANGED);
  });

  it('the item-level export gives lines with 商品已退款金额', async () => {
    const header = [...YOUZAN_HEADER, '商品名称', '商品规格', '商品编码', '商品单价', '商品数量', '商品退款状态', '商品已退款金额'];
    const order = { 订单状态: '交易成功', 订单创建时间: '2024-09-10 12:00:00', 买家付款时间: '2024-09-10 12:00:09', 订单实付金额: '70.00', '收货人/提货人': '赵六', '收货人手机号/提货人手机号': '13800000006', 订单已退款金额: '30.00' };
    const rows = rowsOf(header, [
      yz('E20240910000000000001', { ...order, 商品名称: '保温杯', 商品编码: 'YZ-CUP', 商品单价: '40.00', 商品数量: '1', 商品已退款金额: '0.00' }),
      yz('E20240910000000000001', { ...order, 商品名称: '湿巾', 商品编码: 'YZ-WIPE', 商品单价: '15.00', 商品数量: '2', 商品退款状态: '退款成功', 商品已退款金额: '30.00' }),
    ]);
    const report = await store.import([writeFixture(tmp.path, 'youzan-items.csv', csvText(rows), 'gbk')]);
    expect(report.units[0]).toMatchObject({ status: 'committed', variants: ['youzan-items'], ordersNew: 1, lines: 2, errors: 0, warnings: 0 });
    expect(orderOf(await storedOrders(store.db), 'E20240910000000000001')).toMatchObject({ status: 'partially_refunded', amount: 70, refund: 30 });
    const lines = await storedLines(store.db, 'E20240910000000000001');
    expect(lines.map((l) => [l.sku, l.quantity, l.unit_price, l.refund])).toEqual([
      ['YZ-CUP', 1, 40, 0],
      ['YZ-WIPE', 2, 15, 30],
    ]);
    expect(await storedIssues(store.db)).toEqual([]);
    expect(await reimport(store, [`${tmp.path}/youzan-items.csv`])).toEqual(NOTHING_CHANGED);
  });
});
