/**
 * 千牛 exports through the pipeline: the 订单报表 + 宝贝 (items) CSV pair, and the three-sheet workbook
 * (订单报表, 销售明细, 发货报表) whose 发货报表 holds the only receiver name and phone: an order keyed on its
 * masked address is upgraded to the unmasked phone from that sheet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../src/importers/read/xlsx/xlsx-writer.ts';
import { tempDir } from '../../support/paths.ts';
import type { TestStore } from './e2e-support.ts';
import { cst, csvText, openTestStore, orderOf, rowsOf, storedCustomers, storedIssues, storedLines, storedOrders, writeFixture } from './e2e-support.ts';

const ORDER_HEADER = '订单编号,支付单号,买家应付货款,买家应付邮费,总金额,买家实付金额,订单状态,收货地址,运送方式,订单创建时间,商品标题,宝贝种类,物流单号,物流公司,备注标签,商家备注,宝贝总数量,开票信息,手机订单,商品属性SKU,发货时间,订单付款时间,退款金额,订单关闭原因'.split(',');
const ITEM_HEADER = '子订单编号,主订单编号,商品标题,商品价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品ID'.split(',');
const SHIP_HEADER = ['主订单编号', '收货人姓名', '联系手机', '收货地址'];

const ADDRESS = '江苏省 南京市 建邺区 沙洲街道****';

const ORDERS = [
  { 订单编号: '3300000000000000001', 支付单号: '2024050122001', 买家应付货款: '90.00', 买家应付邮费: '5.00', 总金额: '100.00', 买家实付金额: '95.00', 订单状态: '买家已付款,等待卖家发货', 收货地址: ADDRESS, 订单创建时间: '2024-05-01 10:00:00', 订单付款时间: '2024-05-01 10:00:30', 商品标题: '湿巾 80抽', 宝贝总数量: '1', 退款金额: '0.00', 订单关闭原因: '订单未关闭' },
  { 订单编号: '3300000000000000002', 支付单号: '2024050122002', 买家应付货款: '50.00', 买家应付邮费: '0.00', 总金额: '50.00', 买家实付金额: '50.00', 订单状态: '交易成功', 收货地址: ADDRESS, 订单创建时间: '2024-05-02 10:00:00', 订单付款时间: '2024-05-02 10:00:30', 商品标题: '棉柔巾，保温杯', 宝贝总数量: '2', 退款金额: '20.00', 订单关闭原因: '订单未关闭' },
  { 订单编号: '3300000000000000003', 支付单号: '', 买家应付货款: '30.00', 买家应付邮费: '0.00', 总金额: '30.00', 买家实付金额: '30.00', 订单状态: '交易关闭', 收货地址: '浙江省 杭州市 西湖区 文三路****', 订单创建时间: '2024-05-03 10:00:00', 订单付款时间: '', 商品标题: '湿巾 80抽', 宝贝总数量: '1', 退款金额: '0.00', 订单关闭原因: '买家未付款' },
  { 订单编号: '3300000000000000004', 支付单号: '2024050122004', 买家应付货款: '40.00', 买家应付邮费: '0.00', 总金额: '40.00', 买家实付金额: '40.00', 订单状态: '卖家已发货,等待买家确认', 收货地址: ADDRESS, 订单创建时间: '2024-05-04 10:00:00', 订单付款时间: '2024-05-04 10:00:30', 商品标题: '保温杯', 宝贝总数量: '1', 退款金额: '0.00', 订单关闭原因: '订单未关闭' },
];
const ITEMS = [
  { 子订单编号: '4400000000000000001', 主订单编号: '3300000000000000001', 商品标题: '湿巾 80抽', 商品价格: '90.00', 购买数量: '1', 订单状态: '买家已付款,等待卖家发货', 商家编码: 'SKU-WIPE', 买家实付金额: '95.00', 退款状态: '没有申请退款', 退款金额: '无退款申请' },
  { 子订单编号: '4400000000000000002', 主订单编号: '3300000000000000002', 商品标题: '棉柔巾', 商品价格: '30.00', 购买数量: '1', 订单状态: '交易成功', 商家编码: 'SKU-TOWEL', 买家实付金额: '30.00', 退款状态: '没有申请退款', 退款金额: '无退款申请' },
  { 子订单编号: '4400000000000000003', 主订单编号: '3300000000000000002', 商品标题: '保温杯', 商品价格: '20.00', 购买数量: '1', 订单状态: '交易成功', 商家编码: 'SKU-CUP', 买家实付金额: '20.00', 退款状态: '退款成功', 退款金额: '20.00' },
  { 子订单编号: '4400000000000000004', 主订单编号: '3300000000000000003', 商品标题: '湿巾 80抽', 商品价格: '30.00', 购买数量: '1', 订单状态: '交易关闭', 商家编码: 'SKU-WIPE', 买家实付金额: '30.00', 退款状态: '没有申请退款', 退款金额: '无退款申请' },
  { 子订单编号: '4400000000000000005', 主订单编号: '3300000000000000004', 商品标题: '保温杯', 商品价格: '40.00', 购买数量: '1', 订单状态: '卖家已发货,等待买家确认', 商家编码: 'SKU-CUP', 买家实付金额: '40.00', 退款状态: '没有申请退款', 退款金额: '无退款申请' },
];

describe('千牛 order report + items report (CSV)', () => {
  const tmp = tempDir();
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  it('maps statuses (half-width commas), 实付, the new 总金额 discount and line refunds; keys on the masked address', async () => {
    const a = writeFixture(tmp.path, 'ExportOrderList202405051200.csv', csvText(rowsOf(ORDER_HEADER, ORDERS)), 'utf-8-bom');
    const b = writeFixture(tmp.path, 'ExportItemList202405051200.csv', csvText(rowsOf(ITEM_HEADER, ITEMS)), 'gbk');
    const report = await store.import([a, b]);
    expect(report.units).toHaveLength(1);
    expect(report.units[0]).toMatchObject({ status: 'committed', format: 'taobao', variants: ['taobao-qianniu-orders', 'taobao-items'], encoding: 'utf-8-bom,gb18030', ordersNew: 4, lines: 5, errors: 0, warnings: 0 });
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, '3300000000000000001')).toMatchObject({ status: 'paid', amount: 95, discount: 10, shipping: 5, order_ms: cst(2024, 5, 1, 10), key_kind: 'address', key_value: '江苏省南京市建邺区沙洲街道' });
    expect(orderOf(orders, '3300000000000000002')).toMatchObject({ status: 'partially_refunded', amount: 50, refund: 20 });
    expect(orderOf(orders, '3300000000000000003')).toMatchObject({ status: 'closed_unpaid', refund: 0 });
    expect(orderOf(orders, '3300000000000000004')).toMatchObject({ status: 'shipped' });
    // Same masked address: one customer for orders 1, 2 and 4.
    expect(new Set([1, 2, 4].map((n) => orderOf(orders, `330000000000000000${n}`).customer_id)).size).toBe(1);
    const lines = await storedLines(store.db, '3300000000000000002');
    expect(lines.map((l) => [l.line_id, l.sku, l.unit_price, l.amount, l.refund, l.status])).toEqual([
      ['4400000000000000002', 'SKU-TOWEL', 30, 30, 0, 'completed'],
      ['4400000000000000003', 'SKU-CUP', 20, 20, 20, 'refunded'],
    ]);
  });
});

describe('千牛 three-sheet workbook (订单报表, 销售明细, 发货报表)', () => {
  const tmp = tempDir();
  let store: TestStore;
  let report: Awaited<ReturnType<TestStore['import']>>;

  beforeAll(async () => {
    const ship = [
      ['3300000000000000001', '张三', '13800000001', '江苏省 南京市 建邺区 沙洲街道1号'],
      ['3300000000000000002', '张三', '13800000001', '江苏省 南京市 建邺区 沙洲街道1号'],
      ['3300000000000000003', '李四', '138****0002', '浙江省 杭州市 西湖区 文三路2号'],
      ['3300000000000000004', '王五', '13800000004', '江苏省 南京市 建邺区 沙洲街道9号'],
    ];
    const bytes = writeXlsx(
      [
        { name: '订单报表', rows: rowsOf(ORDER_HEADER, ORDERS) },
        { name: '销售明细', rows: rowsOf(ITEM_HEADER, ITEMS) },
        { name: '发货报表', rows: [SHIP_HEADER, ...ship] },
      ],
      { compression: 'store' },
    );
    store = await openTestStore();
    report = await store.import([writeFixture(tmp.path, '千牛订单导出.xlsx', bytes)]);
  });
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  it('imports the three sheets as one unit', () => {
    expect(report.units).toHaveLength(1);
    expect(report.units[0]).toMatchObject({
      status: 'committed', encoding: 'xlsx', variants: ['taobao-qianniu-orders', 'taobao-items', 'taobao-qianniu-contacts'],
      ordersNew: 4, lines: 5, errors: 0, warnings: 0,
    });
  });

  it('upgrades address keys to the unmasked phone from 发货报表 and splits one masked address into two buyers', async () => {
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, '3300000000000000001')).toMatchObject({ key_kind: 'phone', key_value: '13800000001' });
    expect(orderOf(orders, '3300000000000000002').customer_id).toBe(orderOf(orders, '3300000000000000001').customer_id);
    expect(orderOf(orders, '3300000000000000004')).toMatchObject({ key_kind: 'phone', key_value: '13800000004' });
    expect(orderOf(orders, '3300000000000000004').customer_id).not.toBe(orderOf(orders, '3300000000000000001').customer_id);
    // A masked phone in 发货报表 is never a key: the address key stays.
    expect(orderOf(orders, '3300000000000000003')).toMatchObject({ key_kind: 'address', key_value: '浙江省杭州市西湖区文三路' });
    const customers = await storedCustomers(store.db);
    expect(customers.get('phone:13800000001')).toMatchObject({ name: '张三', phone: '13800000001', province: '江苏省', city: '南京市', district: '建邺区' });
    expect(customers.get('address:浙江省杭州市西湖区文三路')).toMatchObject({ name: '李四', phone: null, phone_masked: '138****0002' });
    expect(customers.size).toBe(3);
    expect(await storedIssues(store.db)).toEqual([]);
  });

  it('re-importing the workbook is all unchanged', async () => {
    const again = await store.import([`${tmp.path}/千牛订单导出.xlsx`]);
    expect(again.totals).toMatchObject({ ordersNew: 0, ordersUpdated: 0, ordersUnchanged: 4, customersNew: 0 });
  });
});

describe('千牛 reports downloaded separately after the workbook', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  // Once a bug: a weaker key in a later export took the orders away from the buyer found through 发货报表.
  it('re-importing the 订单报表 alone keeps the orders with the buyer found through 发货报表', async () => {
    const ship = [['3300000000000000001', '张三', '13800000001', '江苏省 南京市 建邺区 沙洲街道1号'], ['3300000000000000002', '张三', '13800000001', '江苏省 南京市 建邺区 沙洲街道1号'], ['3300000000000000004', '王五', '13800000004', '江苏省 南京市 建邺区 沙洲街道9号']];
    const workbook = writeXlsx([
      { name: '订单报表', rows: rowsOf(ORDER_HEADER, ORDERS) },
      { name: '销售明细', rows: rowsOf(ITEM_HEADER, ITEMS) },
      { name: '发货报表', rows: [SHIP_HEADER, ...ship] },
    ]);
    const store = await openTestStore();
    await store.import([writeFixture(tmp.path, '千牛.xlsx', workbook)]);
    const before = await storedOrders(store.db);
    const report = await store.import([writeFixture(tmp.path, '订单报表.csv', csvText(rowsOf(ORDER_HEADER, ORDERS)))]);
    const after = await storedOrders(store.db);
    store.close();
    expect(report.totals).toMatchObject({ ordersNew: 0, customersNew: 0 });
    expect(orderOf(after, '3300000000000000001').customer_id).toBe(orderOf(before, '3300000000000000001').customer_id);
  });
});
