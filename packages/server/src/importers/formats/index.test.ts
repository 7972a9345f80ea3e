import { describe, expect, it } from 'vitest';
import { detectFormat, findFormat } from './index.ts';

const detect = (h: string): string | undefined => detectFormat(h.split(','), [])?.variant.id;

describe('detectFormat', () => {
  it('picks each fingerprint', () => {
    expect(detect('订单编号,买家会员名,买家实际支付金额,订单状态,收货地址 ,订单创建时间')).toBe('taobao-legacy-orders');
    expect(detect('订单编号,支付单号,买家应付货款,买家应付邮费,总金额,买家实付金额,订单状态,收货地址,订单创建时间')).toBe('taobao-qianniu-orders');
    expect(detect('子订单编号,主订单编号,商品标题,商品价格,购买数量,退款金额')).toBe('taobao-items');
    expect(detect('订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码')).toBe('taobao-legacy-items');
    expect(detect('订单编号,收货人姓名,联系手机,收货地址')).toBe('taobao-qianniu-contacts');
    expect(detect('订单号,商品ID,京东价,下单时间,应付金额,订单状态,下单帐号,客户地址')).toBe('jd-orders');
    expect(detect('订单成交时间,商品,订单号,订单状态,用户实付金额（元）,商家实收金额（元）,售后状态')).toBe('pinduoduo-orders');
    expect(detect('主订单编号,子订单编号,选购商品,订单提交时间,订单状态,订单应付金额')).toBe('douyin-orders');
    expect(detect('订单号,订单状态,订单创建时间,订单实付金额,收货人手机号/提货人手机号')).toBe('youzan-orders');
    expect(detect('订单号,订单状态,订单创建时间,订单实付金额,收货人手机号/提货人手机号,商品单价,商品数量')).toBe('youzan-items');
    expect(detect('Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name')).toBe('shopify-orders');
    expect(detect('Customer ID,First Name,Last Name,Email,Total Spent,Total Orders')).toBe('shopify-customers');
    expect(detect('order_id,order_number,order_date,status,order_total,line_item_1')).toBe('woocommerce-webtoffee');
    expect(detect('order_id,order_number_formatted,order_number,date,status,order_total,order_item_1')).toBe('woocommerce-skyverge');
    expect(detect('Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country')).toBe('uci-online-retail');
    expect(detect(' customer_id  date number_of_cds  dollar_value')).toBe('cdnow-log');
    expect(detect('order_id,customer_id,order_time,amount,sku')).toBe('canonical-orders');
    expect(detect('customer_id,name,phone')).toBe('canonical-members');
  });
  it('sniffs headerless CDNOW and rejects random headers', () => {
    expect(detectFormat([' 00001 19970101  1   11.77'], [' 00001 19970101  1   11.77'])?.format.name).toBe('cdnow');
    expect(detectFormat(['foo', 'bar', 'baz'], ['foo,bar,baz', '1,2,3'])).toBeNull();
  });
  it('finds formats by name', () => {
    expect(findFormat('Shopify')?.name).toBe('shopify');
    expect(findFormat('nope')).toBeUndefined();
  });
});
