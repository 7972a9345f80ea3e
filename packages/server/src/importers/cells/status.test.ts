import { describe, expect, it } from 'vitest';
import { applyRefund, douyinStatus, jdStatus, pinduoduoStatus, taobaoStatus, youzanStatus } from './status.ts';
import { canonicalStatus, shopifyStatus, uciStatus, wooStatus } from './status-west.ts';

describe('status mapping', () => {
  it('Taobao, both comma widths and 交易关闭 reasons', () => {
    expect(taobaoStatus('买家已付款，等待卖家发货', '', 0, true).status).toBe('paid');
    expect(taobaoStatus('买家已付款,等待卖家发货', '', 0, true).status).toBe('paid');
    expect(taobaoStatus('卖家已发货，等待买家确认', '', 0, true).status).toBe('shipped');
    expect(taobaoStatus('交易关闭', '买家未付款', 0, false).status).toBe('closed_unpaid');
    expect(taobaoStatus('交易关闭', '退款', 0, true).status).toBe('refunded');
    expect(taobaoStatus('交易成功', '订单未关闭', 0, true).status).toBe('completed');
    expect(taobaoStatus('奇怪', '', 0, true)).toEqual({ status: 'unknown', known: false });
  });
  it('refund amounts on completed orders', () => {
    expect(applyRefund('completed', 100, 500)).toBe('partially_refunded');
    expect(applyRefund('completed', 500, 500)).toBe('refunded');
    expect(applyRefund('closed_unpaid', 500, 500)).toBe('closed_unpaid');
  });
  it('JD prefixes', () => {
    expect(jdStatus('(删除)等待出库').status).toBe('cancelled');
    expect(jdStatus('（删除）完成').status).toBe('cancelled');
    expect(jdStatus('(锁定)等待出库').status).toBe('paid');
    expect(jdStatus('完成').status).toBe('completed');
  });
  it('PDD, Douyin, Youzan', () => {
    expect(pinduoduoStatus('已发货，待签收', '无售后或售后取消').status).toBe('shipped');
    expect(pinduoduoStatus('已签收', '退款成功').status).toBe('refunded');
    expect(pinduoduoStatus('未发货，退款成功', '').status).toBe('refunded');
    expect(douyinStatus('已关闭', '', false).status).toBe('closed_unpaid');
    expect(douyinStatus('已完成', '同意退款,退款成功', true).status).toBe('refunded');
    expect(youzanStatus('交易成功', true, 100, 1000).status).toBe('partially_refunded');
    expect(youzanStatus('交易关闭', false, 0, 1000).status).toBe('closed_unpaid');
  });
  it('Shopify, WooCommerce, UCI, canonical', () => {
    expect(shopifyStatus('paid', 'fulfilled', '').status).toBe('completed');
    expect(shopifyStatus('paid', 'restocked', '2024-01-01 00:00:00 +0000').status).toBe('cancelled');
    expect(shopifyStatus('refunded', '', '2024-01-01').status).toBe('refunded');
    expect(wooStatus('wc-completed').status).toBe('completed');
    expect(wooStatus('processing').status).toBe('paid');
    expect(wooStatus('printed').known).toBe(false);
    expect(uciStatus('C536379')).toBe('refunded');
    expect(uciStatus('536365')).toBe('completed');
    expect(canonicalStatus('').status).toBe('completed');
    expect(canonicalStatus('Partially_Refunded').status).toBe('partially_refunded');
  });
});
