import { describe, expect, it } from 'vitest';
import { collect, sh } from '../shared/collect.ts';
import { taobaoQianniuContacts } from './taobao-contacts.ts';
import { taobaoItems, taobaoLegacyItems } from './taobao-items.ts';
import { taobaoLegacyOrders, taobaoQianniuOrders } from './taobao-orders.ts';

const LEGACY = ['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '总金额', '买家实际支付金额', '订单状态', '收货人姓名', '收货地址 ', '联系电话 ', '联系手机', '订单创建时间', '订单付款时间 ', '宝贝标题 ', '宝贝总数量', '订单关闭原因', '退款金额'];

describe('taobao legacy orders', () => {
  it('maps a row with every cleaning quirk', () => {
    const r = collect(taobaoLegacyOrders, [
      LEGACY,
      ['="5118000000000000001"', '测试用户', 'null', '100.00', '10.00', '110.00', '110.00', '交易成功', '张三', '江苏省 南京市 建邺区 沙洲街道****', "'null", "'13800000000\t", '2024-01-02 03:04:05', '2024-01-02 03:05:00', '商品A，商品B', '2', '订单未关闭', '无退款申请'],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.orders[0]).toMatchObject({
      orderNo: '5118000000000000001',
      line: 2,
      buyer: { kind: 'platform_id', value: '测试用户' },
      buyerNick: '测试用户',
      orderTime: sh(2024, 1, 2, 3, 4, 5),
      paidTime: sh(2024, 1, 2, 3, 5),
      status: 'completed',
      amountCents: 11000,
      refundCents: 0,
      shippingCents: 1000,
      itemCount: 2,
      titles: '商品A，商品B',
      contact: { name: '张三', phone: '13800000000', province: '江苏省', city: '南京市', district: '建邺区' },
    });
  });
  it('交易关闭 + 订单关闭原因, partial refunds, bad ids and dates', () => {
    const r = collect(taobaoLegacyOrders, [
      LEGACY,
      ['1001', 'u1', '', '', '', '', '0.00', '交易关闭', '', '', '', '', '2024-01-02 03:04:05', '', '', '', '买家未付款', ''],
      ['1002', 'u2', '', '', '', '', '50.00', '交易关闭', '', '', '', '', '2024-01-02 03:04:05', '2024-01-02 03:04:06', '', '', '退款', '50.00'],
      ['1003', 'u3', '', '', '', '', '50.00', '交易成功', '', '', '', '', '2024-01-02 03:04:05', '', '', '', '', '20.00'],
      ['5.11861E+18', 'u4', '', '', '', '', '50.00', '交易成功', '', '', '', '', '2024-01-02 03:04:05', '', '', '', '', ''],
      ['1005', 'u5', '', '', '', '', '50.00', '交易成功', '', '', '', '', '2024-13-45', '', '', '', '', ''],
      ['1006', 'u6', '', '', '', '', '50.00', '怪状态', '', '', '', '', '2024-01-02 03:04:05', '', '', '', '', ''],
    ]);
    expect(r.orders.map((o) => o.status)).toEqual(['closed_unpaid', 'refunded', 'partially_refunded', 'unknown']);
    expect(r.issues.map((i) => [i.line, i.code, i.column])).toEqual([
      [5, 'order_id_scientific', '订单编号'],
      [6, 'bad_date', '订单创建时间'],
      [7, 'unknown_status', '订单状态'],
    ]);
    expect(r.issues[1]?.message).toBe('订单创建时间 "2024-13-45" is not a date');
  });
  it('masked phone is never the key', () => {
    const r = collect(taobaoLegacyOrders, [LEGACY, ['1', '', '', '', '', '', '1.00', '交易成功', '', '', '', '138****1234', '2024-01-02 03:04:05', '', '', '', '', '']]);
    expect(r.orders[0]?.buyer).toEqual({ kind: 'anonymous', value: 'order:1' });
    expect(r.orders[0]?.contact.phoneMasked).toBe('138****1234');
  });
});

describe('taobao 千牛 orders', () => {
  it('uses 买家实付金额 and the new 总金额 meaning for the discount', () => {
    const h = ['订单编号', '支付单号', '买家应付货款', '买家应付邮费', '总金额', '买家实付金额', '订单状态', '收货地址', '订单创建时间', '商品标题', '宝贝总数量'];
    const r = collect(taobaoQianniuOrders, [h, ['2001', 'p', '90', '5.00', '100.00', '95.00', '买家已付款,等待卖家发货', '江苏省 南京市 建邺区 沙洲街道****', '2024-05-01 10:00:00', '测试商品', '1']]);
    expect(r.orders[0]).toMatchObject({ status: 'paid', amountCents: 9500, discountCents: 1000, buyer: { kind: 'address', value: '江苏省南京市建邺区沙洲街道' }, titles: '测试商品' });
  });
});

describe('taobao items', () => {
  it('legacy detail list', () => {
    const r = collect(taobaoLegacyItems, [
      ['订单编号', '标题', '价格', '购买数量', '外部系统编号', '商品属性', '套餐信息', '备注', '订单状态', '商家编码'],
      ['="1001"', '商品A', '12.50', '2', 'EXT-1', '颜色:红', '', '', '交易成功', ''],
    ]);
    expect(r.lines[0]).toMatchObject({ orderNo: '1001', title: '商品A', unitPriceCents: 1250, quantity: 2, sku: 'EXT-1', status: 'completed' });
  });
  it('newer items with 子订单编号 and 无退款申请', () => {
    const r = collect(taobaoItems, [
      ['子订单编号', '主订单编号', '商品标题', '商品价格', '购买数量', '商家编码', '订单状态', '买家实付金额', '退款状态', '退款金额'],
      ['3001', '2001', '测试商品', '10.00', '1', 'SKU1', '交易成功', '10.00', '没有申请退款', '无退款申请'],
      ['3002', '2001', '测试商品2', '5.00', '1', 'SKU2', '交易成功', '5.00', '退款成功', '5.00'],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.lines.map((l) => [l.lineId, l.refundCents, l.status])).toEqual([['3001', 0, 'completed'], ['3002', 500, 'refunded']]);
  });
});

describe('taobao 发货报表', () => {
  it('emits contacts', () => {
    const r = collect(taobaoQianniuContacts, [['订单编号', '收货人姓名', '联系手机', '收货地址'], ['2001', '张三', '13800000000', '江苏省 南京市 建邺区 某路1号']]);
    expect(r.contacts[0]).toMatchObject({ orderNo: '2001', contact: { name: '张三', phone: '13800000000', district: '建邺区' } });
  });
});
