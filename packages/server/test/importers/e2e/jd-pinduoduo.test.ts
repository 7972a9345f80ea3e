/**
 * JD (京东 POP, one row per SKU) and Pinduoduo (拼多多, one row per order) exports through the pipeline:
 * JD multi-row orders, `(删除)` / `(锁定)` statuses, 商家应收 with a text suffix, a masked 联系电话 that is
 * never a key; PDD `(元)` and `（元）` headers, `\t`-terminated values, 退款成功, a masked 省.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../src/importers/read/xlsx/xlsx-writer.ts';
import { tempDir } from '../../support/paths.ts';
import type { TestStore } from './e2e-support.ts';
import { cst, csvText, NOTHING_CHANGED, openTestStore, orderOf, rowsOf, storedCustomers, storedIssues, storedLines, storedOrders, reimport, writeFixture } from './e2e-support.ts';

const JD_HEADER = '订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,商家应收,余额支付,应付金额,订单状态,订单类型,订单标签,下单帐号,客户姓名,客户地址,联系电话,虚拟号过期时间,订单备注,发票类型,发票抬头,发票内容,商家备注,商家备注等级（等级1-5为由高到低）,运费金额,付款确认时间,货号,订单完成时间,订单来源,订单渠道,送装服务,服务费,仓库id,仓库名称,商家SKUID,邮箱地址,邮政编码'.split(',');

function jd(orderNo: string, fields: Record<string, string>): Record<string, string> {
  return { 订单号: orderNo, 支付方式: '在线支付', 余额支付: '0.00', 订单类型: 'SOP', 订单来源: '京东', 运费金额: '0.00', 发票类型: '电子发票', ...fields };
}

describe('JD order export (xlsx, one row per SKU)', () => {
  const tmp = tempDir();
  let store: TestStore;
  let report: Awaited<ReturnType<TestStore['import']>>;

  beforeAll(async () => {
    const order1 = { 下单时间: '2024-06-01 09:00:00', 付款确认时间: '2024-06-01 09:01:00', 订单金额: '199.00', 商家应收: '199.00（系统计算中，该值仅供参考）', 应付金额: '199.00', 订单状态: '完成', 下单帐号: 'jd_测试甲', 客户姓名: '张三', 客户地址: '北京 北京市 朝阳区 建国路1号', 联系电话: '1******0001', 邮箱地址: 'zhangsan@example.com' };
    const rows = rowsOf(JD_HEADER, [
      jd('300000000001', { ...order1, 商品ID: '100001', 商品名称: '保温杯 500ml', 订购数量: '1', 京东价: '99.00', 商家SKUID: 'JD-CUP', 货号: 'CUP-500' }),
      jd('300000000001', { ...order1, 商品ID: '100002', 商品名称: '湿巾 80抽', 订购数量: '2', 京东价: '50.00', 商家SKUID: '', 货号: 'WIPE-80' }),
      jd('300000000002', { 下单时间: '2024-06-02 09:00:00', 付款确认时间: '2024-06-02 09:01:00', 订单金额: '50.00', 商家应收: '50.00', 应付金额: '50.00', 订单状态: '(删除)等待出库', 下单帐号: 'jd_测试乙', 客户姓名: '李四', 客户地址: '上海 上海市 浦东新区 张江路2号', 联系电话: '1******0002', 商品ID: '100002', 商品名称: '湿巾 80抽', 订购数量: '1', 京东价: '50.00', 商家SKUID: 'JD-WIPE' }),
      jd('300000000003', { 下单时间: '2024-06-03 09:00:00', 付款确认时间: '2024-06-03 09:01:00', 订单金额: '99.00', 商家应收: '99.00', 应付金额: '99.00', 订单状态: '等待确认收货', 下单帐号: '', 客户姓名: '王五', 客户地址: '广东省 深圳市 南山区 科技园3号', 联系电话: '1******0003', 商品ID: '100001', 商品名称: '保温杯 500ml', 订购数量: '1', 京东价: '99.00', 商家SKUID: 'JD-CUP' }),
      jd('300000000004', { 下单时间: '2024-06-04 09:00:00', 付款确认时间: '2024-06-04 09:01:00', 订单金额: '99.00', 商家应收: '99.00', 应付金额: '99.00', 订单状态: '(锁定)等待出库', 下单帐号: 'jd_测试甲', 客户姓名: '张三', 客户地址: '北京 北京市 朝阳区 建国路1号', 联系电话: '1******0001', 商品ID: '100001', 商品名称: '保温杯 500ml', 订购数量: '1', 京东价: '99.00', 商家SKUID: 'JD-CUP' }),
      jd('300000000005', { 下单时间: '2024-06-05 09:00:00', 付款确认时间: '', 订单金额: '99.00', 商家应收: '99.00', 应付金额: '99.00', 订单状态: '等待付款', 下单帐号: 'jd_测试丙', 客户地址: '四川省 成都市 武侯区 某街道5号', 联系电话: '1******0005', 商品ID: '100001', 商品名称: '保温杯 500ml', 订购数量: '1', 京东价: '99.00' }),
      jd('300000000006', { 下单时间: '2024-06-06 09:00:00', 付款确认时间: '', 订单金额: '99.00', 商家应收: '99.00', 应付金额: '99.00', 订单状态: '已取消', 下单帐号: 'jd_测试丙', 客户地址: '四川省 成都市 武侯区 某街道5号', 联系电话: '1******0005', 商品ID: '100001', 商品名称: '保温杯 500ml', 订购数量: '1', 京东价: '99.00' }),
    ]);
    store = await openTestStore();
    report = await store.import([writeFixture(tmp.path, 'jd-orders.xlsx', writeXlsx([{ name: 'Sheet1', rows }]))]);
  });
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  it('groups SKU rows into orders and maps the statuses', async () => {
    expect(report.units[0]).toMatchObject({ status: 'committed', format: 'jd', ordersNew: 6, lines: 7, errors: 0, warnings: 0 });
    const orders = await storedOrders(store.db);
    expect([...orders.values()].map((o) => [o.order_no, o.status, o.raw_status])).toEqual([
      ['300000000001', 'completed', '完成'],
      ['300000000002', 'cancelled', '(删除)等待出库'],
      ['300000000003', 'shipped', '等待确认收货'],
      ['300000000004', 'paid', '(锁定)等待出库'],
      ['300000000005', 'unpaid', '等待付款'],
      ['300000000006', 'cancelled', '已取消'],
    ]);
    expect(orderOf(orders, '300000000001')).toMatchObject({ amount: 199, shipping: 0, item_count: 3, order_ms: cst(2024, 6, 1, 9), paid_ms: cst(2024, 6, 1, 9, 1) });
    const lines = await storedLines(store.db, '300000000001');
    expect(lines.map((l) => [l.sku, l.title, l.quantity, l.unit_price])).toEqual([
      ['JD-CUP', '保温杯 500ml', 1, 99],
      ['WIPE-80', '湿巾 80抽', 2, 50],
    ]);
  });

  it('re-importing the export changes nothing', async () => {
    expect(await reimport(store, [`${tmp.path}/jd-orders.xlsx`])).toEqual(NOTHING_CHANGED);
  });

  it('keys on 下单帐号, else the address; the masked 联系电话 is kept for display only', async () => {
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, '300000000001')).toMatchObject({ key_kind: 'platform_id', key_value: 'jd_测试甲' });
    expect(orderOf(orders, '300000000004').customer_id).toBe(orderOf(orders, '300000000001').customer_id);
    expect(orderOf(orders, '300000000003')).toMatchObject({ key_kind: 'address', key_value: '广东省深圳市南山区科技园3号' });
    const customers = await storedCustomers(store.db);
    expect(customers.get('platform_id:jd_测试甲')).toMatchObject({ name: '张三', phone: null, phone_masked: '1******0001' });
    expect([...customers.values()].some((c) => c.key_kind === 'phone' || (c.key_value.includes('*')))).toBe(false);
  });

  // Once a bug: within one import a customer's contact came from their latest order only.
  it('across two files the earlier order\'s 邮箱地址 is kept', async () => {
    const base = { 下单时间: '2024-06-01 09:00:00', 订单金额: '99.00', 商家应收: '99.00', 应付金额: '99.00', 订单状态: '完成', 下单帐号: 'jd_测试甲', 客户地址: '北京 北京市 朝阳区 建国路1号', 商品名称: '保温杯 500ml', 订购数量: '1', 京东价: '99.00' };
    const first = rowsOf(JD_HEADER, [jd('400000000001', { ...base, 邮箱地址: 'zhangsan@example.com' })]);
    const second = rowsOf(JD_HEADER, [jd('400000000002', { ...base, 下单时间: '2024-06-04 09:00:00' })]);
    const s2 = await openTestStore();
    await s2.import([writeFixture(tmp.path, 'jd-a.csv', csvText(first))]);
    await s2.import([writeFixture(tmp.path, 'jd-b.csv', csvText(second))]);
    expect((await storedCustomers(s2.db)).get('platform_id:jd_测试甲')?.email).toBe('zhangsan@example.com');
    s2.close();
  });

  it('keeps a contact detail that only an earlier order of the same file carries (as it does across files)', async () => {
    const customers = await storedCustomers(store.db);
    expect(customers.get('platform_id:jd_测试甲')?.email).toBe('zhangsan@example.com');
  });

  it('reads 商家应收 with its text suffix when it is the only amount column', async () => {
    const header = JD_HEADER.filter((h) => h !== '应付金额' && h !== '订单金额');
    const rows = rowsOf(header, [
      jd('300000000007', { 下单时间: '2024-06-07 09:00:00', 商家应收: '499.00（系统计算中，该值仅供参考）', 订单状态: '等待出库', 下单帐号: 'jd_测试丁', 客户地址: '湖北省 武汉市 洪山区 某路7号', 联系电话: '1******0007', 商品名称: '电饭煲', 订购数量: '1', 京东价: '499.00', 商家SKUID: 'JD-RICE' }),
    ]);
    const r = await store.import([writeFixture(tmp.path, 'jd-receivable.csv', csvText(rows), 'gbk')]);
    expect(r.units[0]).toMatchObject({ status: 'committed', ordersNew: 1, errors: 0, warnings: 0 });
    expect(orderOf(await storedOrders(store.db), '300000000007')).toMatchObject({ amount: 499, status: 'paid' });
  });
});

const PDD_RECENT = '订单成交时间,商品,订单号,订单状态,商品总价(元),邮费(元),店铺优惠折扣(元),平台优惠折扣(元),多多支付立减金额(元),用户实付金额(元),商家实收金额(元),商品数量(件),发货时间,确认收货时间,商品id,商品规格,样式ID,商家编码-规格维度,商家编码-商品维度,商家备注,售后状态,快递单号,快递公司'.split(',');
const PDD_OLD = [...PDD_RECENT.map((h) => h.replace('(元)', '（元）')), '收货人', '手机', '是否异常', '省', '市', '区', '街道', '支付时间', '拼单成功时间', '用户购买手机号', '支付方式', '买家留言'];
const T = '\t';

function pdd(orderNo: string, status: string, afterSale: string, paid: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    订单成交时间: `2024-07-01 10:00:00${T}`, 商品: '湿巾 80抽 家庭装', 订单号: `${orderNo}${T}`, 订单状态: status, '商品总价(元)': '60.00', '邮费(元)': '0.00',
    '店铺优惠折扣(元)': '5.00', '平台优惠折扣(元)': '3.00', '多多支付立减金额(元)': '2.00', '用户实付金额(元)': paid, '商家实收金额(元)': '55.00',
    '商品数量(件)': '2', 商品id: `88001${T}`, 商品规格: '80抽*2', '商家编码-规格维度': `WIPE-80x2${T}`, 售后状态: afterSale, ...extra,
  };
}

describe('Pinduoduo order export', () => {
  const tmp = tempDir();
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  it('recent header with (元): strips \\t tails, maps 订单状态 and 售后状态, refunds what was paid; anonymous buyers', async () => {
    const rows = rowsOf(PDD_RECENT, [
      pdd('240701-100000000000001', '待发货', '无售后或售后取消', '50.00'),
      pdd('240701-100000000000002', '已发货，待签收', '无售后或售后取消', '50.00'),
      pdd('240701-100000000000003', '已签收', '无售后或售后取消', '50.00'),
      pdd('240701-100000000000004', '已取消', '无售后或售后取消', '50.00'),
      pdd('240701-100000000000005', '未发货，退款成功', '退款成功', '50.00'),
      pdd('240701-100000000000006', '已签收', '退款成功', '50.00'),
      pdd('240701-100000000000007', '已收货', '售后处理中', '50.00'),
    ]);
    const report = await store.import([writeFixture(tmp.path, 'pdd-recent.csv', csvText(rows), 'gbk')]);
    expect(report.units[0]).toMatchObject({ status: 'committed', format: 'pinduoduo', ordersNew: 7, lines: 7, errors: 0, warnings: 0 });
    const orders = await storedOrders(store.db);
    expect([...orders.values()].map((o) => [o.order_no, o.status, o.refund])).toEqual([
      ['240701-100000000000001', 'paid', 0],
      ['240701-100000000000002', 'shipped', 0],
      ['240701-100000000000003', 'completed', 0],
      ['240701-100000000000004', 'cancelled', 0],
      ['240701-100000000000005', 'refunded', 50],
      ['240701-100000000000006', 'refunded', 50],
      ['240701-100000000000007', 'completed', 0],
    ]);
    expect(orderOf(orders, '240701-100000000000001')).toMatchObject({
      amount: 50, discount: 10, shipping: 0, item_count: 2, titles: '湿巾 80抽 家庭装', order_ms: cst(2024, 7, 1, 10),
      key_kind: 'anonymous', key_value: 'order:240701-100000000000001',
    });
    const lines = await storedLines(store.db, '240701-100000000000001');
    expect(lines.map((l) => [l.sku, l.quantity, l.unit_price, l.amount])).toEqual([['WIPE-80x2', 2, 30, 60]]);
    expect(await reimport(store, [`${tmp.path}/pdd-recent.csv`])).toEqual(NOTHING_CHANGED);
  });

  it('old full header with （元）: the unmasked 手机 is the key, a masked 省 is dropped', async () => {
    const rows = rowsOf(PDD_OLD, [
      { ...Object.fromEntries(Object.entries(pdd('240702-200000000000001', '已签收', '无售后或售后取消', '50.00')).map(([k, v]) => [k.replace('(元)', '（元）'), v])), 收货人: '张三', 手机: `13800000001${T}`, 省: '****', 市: '南京市', 区: '建邺区', 街道: '沙洲街道', 支付时间: '2024-07-02 10:00:05' },
      { ...Object.fromEntries(Object.entries(pdd('240702-200000000000002', '已签收', '无售后或售后取消', '30.00')).map(([k, v]) => [k.replace('(元)', '（元）'), v])), 收货人: '张三', 手机: `13800000001${T}`, 省: '江苏省', 市: '南京市', 区: '建邺区', 街道: '沙洲街道', 支付时间: '2024-07-03 10:00:05' },
    ]);
    const report = await store.import([writeFixture(tmp.path, 'pdd-old.csv', csvText(rows), 'utf-8-bom')]);
    expect(report.units[0]).toMatchObject({ status: 'committed', ordersNew: 2, errors: 0, warnings: 0 });
    const orders = await storedOrders(store.db);
    const a = orderOf(orders, '240702-200000000000001');
    expect(a).toMatchObject({ key_kind: 'phone', key_value: '13800000001', province: null, city: '南京市' });
    expect(orderOf(orders, '240702-200000000000002').customer_id).toBe(a.customer_id);
    expect(orderOf(orders, '240702-200000000000002').province).toBe('江苏省');
    const customers = await storedCustomers(store.db);
    expect(customers.get('phone:13800000001')).toMatchObject({ name: '张三', phone: '13800000001' });
    expect(await storedIssues(store.db)).toEqual([]);
  });
});
