/**
 * Buyers across files and platforms: an unmasked phone recorded with a Taobao nick finds the same person in a
 * Douyin export; a Shopify customers export imported before the orders export is joined on email; a masked phone
 * never joins two buyers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/paths.ts';
import { csvText, openTestStore, orderOf, storedCustomers, storedOrders, writeFixture } from './e2e-support.ts';

describe('customer keys across files', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('a Taobao buyer (nick + phone) is the same customer as a Douyin order with that phone; masked phones join nobody', async () => {
    const store = await openTestStore();
    const taobao = writeFixture(tmp.path, 'ExportOrderList202405011200.csv', csvText([
      ['订单编号', '买家会员名', '买家实际支付金额', '订单状态', '订单创建时间', '收货人姓名', '联系手机'],
      ['="7100000000000000001"', '测试用户甲', '10.00', '交易成功', '2024-05-01 10:00:00', '张三', "'13800000001"],
    ]), 'gbk');
    const douyin = writeFixture(tmp.path, 'douyin.csv', csvText([
      ['主订单编号', '子订单编号', '选购商品', '商品数量', '订单提交时间', '支付完成时间', '订单状态', '订单应付金额', '收件人', '收件人手机号', '省', '市', '区', '详细地址'],
      ['6900000000000000011', '6900000000000000111', '保温杯', '1', '2024-05-02 10:00:00', '2024-05-02 10:00:05', '已完成', '99.00', '张*', '13800000001', '江苏省', '南京市', '建邺区', '某路1号'],
      ['6900000000000000012', '6900000000000000112', '保温杯', '1', '2024-05-03 10:00:00', '2024-05-03 10:00:05', '已完成', '99.00', '李*', '138****0001', '浙江省', '杭州市', '西湖区', '某路2号'],
      ['6900000000000000013', '6900000000000000113', '保温杯', '1', '2024-05-04 10:00:00', '2024-05-04 10:00:05', '已完成', '99.00', '王*', '138****0001', '广东省', '深圳市', '南山区', '某路3号'],
    ]));
    await store.import([taobao]);
    const r = await store.import([douyin]);
    expect(r.units[0]).toMatchObject({ status: 'committed', ordersNew: 3, customersNew: 2 });
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, '6900000000000000011').customer_id).toBe(orderOf(orders, '7100000000000000001').customer_id);
    // Same masked phone, different addresses: two different customers.
    expect(orderOf(orders, '6900000000000000012').customer_id).not.toBe(orderOf(orders, '6900000000000000013').customer_id);
    const customers = await storedCustomers(store.db);
    expect(customers.get('platform_id:测试用户甲')).toMatchObject({ phone: '13800000001' });
    expect(customers.size).toBe(3);
    store.close();
  });

  it('a Shopify customers export first, then the orders export: orders join the customers on email', async () => {
    const store = await openTestStore();
    const customers = writeFixture(tmp.path, 'customers_export.csv', csvText([
      ['Customer ID', 'First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Phone', 'Accepts SMS Marketing', 'Total Spent', 'Total Orders', 'Tags'],
      ["'7000000001", 'Alice', 'Example', 'alice@example.com', 'yes', "'+15550100", 'no', '10.00', '1', 'vip'],
    ], '\n'));
    const orders = writeFixture(tmp.path, 'orders_export.csv', csvText([
      ['Name', 'Email', 'Financial Status', 'Fulfillment Status', 'Total', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price'],
      ['#2001', 'Alice@Example.com', 'paid', 'fulfilled', '10.00', '2024-06-01 10:00:00 +0000', '1', 'Mug', '10.00'],
    ], '\n'));
    expect((await store.import([customers])).totals.customersNew).toBe(1);
    const r = await store.import([orders]);
    expect(r.totals).toMatchObject({ ordersNew: 1, customersNew: 0 });
    const stored = await storedCustomers(store.db);
    expect(stored.size).toBe(1);
    expect(stored.get('email:alice@example.com')).toMatchObject({ name: 'Alice Example', accepts_email: true, tags: 'vip' });
    store.close();
  });
});
