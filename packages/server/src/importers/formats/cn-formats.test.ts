import { describe, expect, it } from 'vitest';
import { douyinOrders } from './douyin/douyin-format.ts';
import { jdOrders } from './jd/jd-format.ts';
import { pinduoduoOrders } from './pinduoduo/pinduoduo-format.ts';
import { collect, sh } from './shared/collect.ts';
import { youzanItems, youzanOrders } from './youzan/youzan-format.ts';

describe('jd', () => {
  const h = ['订单号', '商品ID', '商品名称', '订购数量', '下单时间', '京东价', '订单金额', '商家应收', '应付金额', '订单状态', '下单帐号', '客户姓名', '客户地址', '联系电话', '运费金额', '付款确认时间', '商家SKUID'];
  it('groups SKU rows by 订单号, keys on 下单帐号 else address, handles (删除) and 商家应收 text', () => {
    const r = collect(jdOrders, [
      h,
      ['J1', 'P1', '商品A', '1', '2024-02-01 08:00:00', '10.00', '30.00', '499.00（系统计算中，该值仅供参考）', '30.00', '完成', 'jd_user', '张三', '北京 朝阳区 某街道', '1******6198', '0.00', '2024-02-01 08:01:00', 'S1'],
      ['J1', 'P2', '商品B', '2', '2024-02-01 08:00:00', '10.00', '30.00', '', '30.00', '完成', 'jd_user', '张三', '北京 朝阳区 某街道', '1******6198', '0.00', '2024-02-01 08:01:00', 'S2'],
      ['J2', 'P1', '商品A', '1', '2024-02-02 08:00:00', '10.00', '10.00', '', '10.00', '(删除)等待出库', '', '李四', '上海 浦东新区 某路****', '1******6198', '', '', ''],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.orders.map((o) => [o.orderNo, o.buyer.kind, o.buyer.value, o.status, o.amountCents])).toEqual([
      ['J1', 'platform_id', 'jd_user', 'completed', 3000],
      ['J2', 'address', '上海浦东新区某路', 'cancelled', 1000],
    ]);
    expect(r.orders[0]?.contact.phoneMasked).toBe('1******6198');
    expect(r.lines.map((l) => [l.orderNo, l.sku, l.quantity, l.unitPriceCents])).toEqual([['J1', 'S1', 1, 1000], ['J1', 'S2', 2, 1000], ['J2', 'P1', 1, 1000]]);
  });
});

describe('pinduoduo', () => {
  it('recent header, full-width (元), trailing tabs, 售后 refunds', () => {
    const h = ['订单成交时间', '商品', '订单号', '订单状态', '商品总价（元）', '邮费(元)', '店铺优惠折扣(元)', '平台优惠折扣(元)', '多多支付立减金额(元)', '用户实付金额(元)', '商家实收金额(元)', '商品数量(件)', '售后状态', '商家编码-规格维度'];
    const r = collect(pinduoduoOrders, [
      h,
      ['2024-03-01 12:00:00\t', '测试商品\t', '240301-000000001\t', '已发货，待签收\t', '20.00\t', '0.00\t', '1.00\t', '2.00\t', '0\t', '17.00\t', '18.00\t', '2\t', '无售后或售后取消\t', 'SKU-1\t'],
      ['2024-03-01 12:00:00', '测试商品', '240301-000000002', '已签收', '10.00', '0', '0', '0', '0', '10.00', '10.00', '1', '退款成功', ''],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.orders[0]).toMatchObject({ orderNo: '240301-000000001', status: 'shipped', amountCents: 1700, discountCents: 300, orderTime: sh(2024, 3, 1, 12), buyer: { kind: 'anonymous' } });
    expect(r.orders[1]).toMatchObject({ status: 'refunded', refundCents: 1000 });
    expect(r.lines[0]).toMatchObject({ sku: 'SKU-1', quantity: 2, unitPriceCents: 1000, amountCents: 2000 });
  });
  it('old header: phone key, masked 省 dropped', () => {
    const h = ['订单号', '订单状态', '支付时间', '用户实付金额(元)', '商家实收金额(元)', '售后状态', '收货人', '手机', '省', '市', '区', '街道'];
    const r = collect(pinduoduoOrders, [h, ['P9', '已收货', '2019-01-01 10:00', '5.00', '5.00', '', '测试用户', '13800000000', '****', '南京市', '建邺区', '沙洲街道']]);
    expect(r.orders[0]).toMatchObject({ status: 'completed', buyer: { kind: 'phone', value: '13800000000' }, contact: { province: null, city: '南京市' } });
  });
});

describe('douyin', () => {
  const h = ['主订单编号', '子订单编号', '选购商品', '商家编码', '商品数量', '商品金额', '订单提交时间', '支付完成时间', '订单状态', '售后状态', '订单应付金额', '运费', '优惠总金额', '收件人', '收件人手机号', '省', '市', '区', '街道', '详细地址'];
  it('sums lines, partial refunds, key falls back from masked phone to address then anonymous', () => {
    const r = collect(douyinOrders, [
      h,
      ['D1', 'D1-1', '商品A', 'A', '2', '10.00', '2024-04-01 09:00:00', '2024-04-01 09:01:00', '已完成', '', '20.00', '0', '0', '张*', '138****0000', '浙江省', '杭州市', '西湖区', '文三路', '1号****'],
      ['D1', 'D1-2', '商品B', 'B', '1', '5.00', '2024-04-01 09:00:00', '2024-04-01 09:01:00', '已完成', '同意退款,退款成功', '5.00', '0', '0', '张*', '138****0000', '浙江省', '杭州市', '西湖区', '文三路', '1号****'],
      ['D2', 'D2-1', '商品A', 'A', '1', '10.00', '2024-04-02 09:00:00', '', '已关闭', '', '10.00', '0', '0', '', '', '', '', '', '', ''],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.orders.map((o) => [o.orderNo, o.status, o.amountCents, o.refundCents, o.buyer.kind])).toEqual([
      ['D1', 'partially_refunded', null, 500, 'address'],
      ['D2', 'closed_unpaid', null, 0, 'anonymous'],
    ]);
    expect(r.lines.map((l) => [l.lineId, l.unitPriceCents, l.amountCents])).toEqual([['D1-1', 1000, 2000], ['D1-2', 500, 500], ['D2-1', 1000, 1000]]);
  });
});

describe('youzan', () => {
  const h = ['订单号', '订单状态', '订单创建时间', '买家付款时间', '运费', '店铺优惠合计', '订单实付金额', '全部商品名称', '收货人/提货人', '收货人手机号/提货人手机号', '收货人省份', '收货人城市', '收货人地区', '详细收货地址/提货地址', '买家昵称', '订单已退款金额', '优惠券码名称'];
  it('orders keyed on the receiver phone', () => {
    const r = collect(youzanOrders, [h, ['E1', '交易成功', '2024-05-01 10:00:00', '2024-05-01 10:00:05', '0', '1.00', '99.00', '测试商品', '张三', '13800000000', '江苏省', '南京市', '建邺区', '某路1号', '小张', '9.00', '新人券']]);
    expect(r.orders[0]).toMatchObject({ buyer: { kind: 'phone', value: '13800000000' }, status: 'partially_refunded', refundCents: 900, couponCode: '新人券', buyerNick: '小张', contact: { district: '建邺区' } });
  });
  it('item-level export', () => {
    const hi = [...h, '商品名称', '商品编码', '商品单价', '商品数量', '商品已退款金额'];
    const base = ['E2', '待发货', '2024-05-01 10:00:00', '2024-05-01 10:00:05', '0', '0', '30.00', '', '张三', '13800000000', '', '', '', '', '', '0', ''];
    const r = collect(youzanItems, [hi, [...base, '商品A', 'A1', '10.00', '1', ''], [...base, '商品B', 'B1', '20.00', '1', '']]);
    expect(r.orders).toHaveLength(1);
    expect(r.lines.map((l) => l.sku)).toEqual(['A1', 'B1']);
  });
});
