import { describe, expect, it } from 'vitest';
import { canonicalMembers, canonicalOrders } from './canonical/canonical-format.ts';
import { cdnowFormat, cdnowLog } from './cdnow/cdnow-format.ts';
import { collect, csvRows } from './shared/collect.ts';
import { shopifyCustomers } from './shopify/shopify-customers.ts';
import { shopifyOrders } from './shopify/shopify-orders.ts';
import { uciOrders } from './uci/uci-format.ts';
import { wooSkyVerge, wooWebToffee } from './woocommerce/woocommerce-format.ts';

describe('shopify', () => {
  it('forward-fills order fields from the first row of each Name', () => {
    const r = collect(
      shopifyOrders,
      csvRows(`Name,Email,Financial Status,Paid at,Fulfillment Status,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Phone,Cancelled at,Refunded Amount
#1001,Test@Example.com,paid,2026-06-24 22:58:34 +0530,fulfilled,30.00,SAVE5,5.00,2026-06-24 22:58:34 +0530,1,Mug,10.00,MUG-1,Test User,,,0.00
#1001,,,,,,,,,2,Cup,10.00,CUP-1,,,,
#1002,,voided,,restocked,10.00,,,2026-06-25 10:00:00 +0000,1,Mug,10.00,MUG-1,,'+15550100000,2026-06-25 11:00:00 +0000,`),
    );
    expect(r.issues).toEqual([]);
    expect(r.orders.map((o) => [o.orderNo, o.status, o.amountCents, o.buyer.kind, o.buyer.value])).toEqual([
      ['#1001', 'completed', 3000, 'email', 'test@example.com'],
      ['#1002', 'cancelled', 1000, 'phone', '+15550100000'],
    ]);
    expect(r.orders[0]).toMatchObject({ orderTime: Date.UTC(2026, 5, 24, 17, 28, 34), couponCode: 'SAVE5', discountCents: 500 });
    expect(r.lines.map((l) => [l.orderNo, l.sku, l.quantity])).toEqual([['#1001', 'MUG-1', 1], ['#1001', 'CUP-1', 2], ['#1002', 'MUG-1', 1]]);
  });
  it('customers, new and legacy headers', () => {
    const n = collect(shopifyCustomers, csvRows(`Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address City,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Tags
'7001,Test,User,t@example.com,yes,Springfield,'+15550100000,no,10.00,1,vip`));
    expect(n.customers[0]).toMatchObject({ buyer: { kind: 'email', value: 't@example.com' }, acceptsEmailMarketing: true, acceptsSmsMarketing: false, tags: 'vip', contact: { name: 'Test User', city: 'Springfield' } });
    const l = collect(shopifyCustomers, csvRows(`First Name,Last Name,Email,Company,Address1,Address2,City,Province,Province Code,Country,Country Code,Zip,Phone,Accepts Marketing,Total Spent,Total Orders,Tags,Note,Tax Exempt
Test,User,,,,,,,,,,,'+15550100001,no,0,0,,,no`));
    expect(l.customers[0]?.buyer).toEqual({ kind: 'phone', value: '+15550100001' });
  });
});

describe('woocommerce', () => {
  it('WebToffee line_item cells', () => {
    const r = collect(wooWebToffee, [
      ['order_id', 'order_number', 'order_date', 'paid_date', 'status', 'shipping_total', 'discount_total', 'order_total', 'customer_id', 'customer_email', 'billing_phone', 'coupon_items', 'line_item_1', 'line_item_2'],
      ['11', '11', '2024-01-05 10:00:00', '2024-01-05 10:01:00', 'wc-completed', '5.00', '2.00', '43.00', '0', 'Buyer@Example.com', '', 'code:save2|amount:2.00', 'name:Hoodie|product_id:12|sku:H-1|quantity:2|total:40.00', ''],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.orders[0]).toMatchObject({ status: 'completed', amountCents: 4300, buyer: { kind: 'email', value: 'buyer@example.com' }, couponCode: 'save2', itemCount: 2 });
    expect(r.lines[0]).toMatchObject({ sku: 'H-1', title: 'Hoodie', quantity: 2, amountCents: 4000, unitPriceCents: 2000 });
  });
  it('SkyVerge order_item cells, US dates, custom status warned once', () => {
    const h = ['order_id', 'order_number_formatted', 'order_number', 'date', 'status', 'order_total', 'customer_user', 'billing_email', 'order_item_1'];
    const r = collect(wooSkyVerge, [h, ['7', '7', '7', '5/31/2016 0:37', 'printed', '30', '42', '', 'product_id:4959|1|30|size: Medium'], ['8', '8', '8', '5/31/2016 0:38', 'printed', '30', '42', '', '']], { timeZone: 'UTC' });
    expect(r.orders[0]).toMatchObject({ orderTime: Date.UTC(2016, 4, 31, 0, 37), status: 'unknown', buyer: { kind: 'platform_id', value: '42' } });
    expect(r.lines[0]).toMatchObject({ sku: '4959', quantity: 1, amountCents: 3000 });
    expect(r.issues.map((i) => i.code)).toEqual(['unknown_status']);
  });
});

describe('uci', () => {
  it('groups by invoice, C-invoices refunded, float and blank customer ids', () => {
    const r = collect(uciOrders, csvRows(`InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
536365,85123A,WHITE HANGING HEART ,6,12/1/2010 8:26,2.55,17850.0,United Kingdom
536365,POST,POSTAGE,1,12/1/2010 8:26,18.00,17850.0,United Kingdom
C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527,United Kingdom
536400,22633,HAND WARMER,2,01-12-2010 10:00,1.85,,United Kingdom`), { timeZone: 'Europe/London' });
    expect(r.issues).toEqual([]);
    expect(r.orders.map((o) => [o.orderNo, o.buyer.kind, o.buyer.value, o.status, o.amountCents])).toEqual([
      ['536365', 'platform_id', '17850', 'completed', null],
      ['C536379', 'platform_id', '14527', 'refunded', null],
      ['536400', 'anonymous', 'order:536400', 'completed', null],
    ]);
    expect(r.orders[0]?.orderTime).toBe(Date.UTC(2010, 11, 1, 8, 26));
    expect(r.lines.map((l) => [l.sku, l.amountCents])).toEqual([['85123A', 1530], ['POST', 1800], ['D', -2750], ['22633', 370]]);
  });
});

describe('cdnow', () => {
  it('master with header line and zero-dollar rows; synthesized ids', () => {
    const r = collect(cdnowLog, [[' customer_id  date number_of_cds  dollar_value'], [' 00001 19970101  1   11.77'], [' 00001 19970101  2   0.00'], [' 00002 19970112  1   12.00']], { timeZone: 'UTC' });
    expect(r.orders.map((o) => [o.orderNo, o.buyer.value, o.amountCents, o.itemCount])).toEqual([
      ['00001-19970101-1', '00001', 1177, 1],
      ['00001-19970101-2', '00001', 0, 2],
      ['00002-19970112-1', '00002', 1200, 1],
    ]);
    expect(r.orders[0]?.orderTime).toBe(Date.UTC(1997, 0, 1));
  });
  it('sniffs the headerless 5-column sample', () => {
    const lines = ['   4     1 19970101  2   29.33', '   4     1 19970118  2   29.73'];
    expect(cdnowFormat.sniffHeaderless?.(lines)).toBe(true);
    expect(cdnowFormat.sniffHeaderless?.(['a,b,c'])).toBe(false);
    const r = collect(cdnowLog, [[], ...lines.map((l) => [l])], { timeZone: 'UTC' });
    expect(r.orders.map((o) => o.orderNo)).toEqual(['4-19970101-1', '4-19970118-1']);
  });
});

describe('canonical', () => {
  it('orders with lines, and --map', () => {
    const r = collect(canonicalOrders, csvRows(`order_id,customer_id,order_time,amount,status,sku,quantity,unit_price,phone
O1,C1,2024-01-01 10:00:00,30.00,,A,1,10.00,13800000000
O1,C1,,,,B,2,10.00,
O2,C2,2024-01-02 10:00:00,5.00,refunded,,,,`));
    expect(r.issues).toEqual([]);
    expect(r.orders.map((o) => [o.orderNo, o.status, o.amountCents])).toEqual([['O1', 'completed', 3000], ['O2', 'refunded', 500]]);
    expect(r.lines.map((l) => l.sku)).toEqual(['A', 'B']);
    const m = collect(canonicalOrders, csvRows(`单号,会员,时间,金额
X1,M1,2024-01-01,1.00`), { columnMap: { order_id: '单号', customer_id: '会员', order_time: '时间', amount: '金额' } });
    expect(m.orders[0]).toMatchObject({ orderNo: 'X1', buyer: { kind: 'platform_id', value: 'M1' } });
  });
  it('members', () => {
    const r = collect(canonicalMembers, csvRows(`customer_id,name,birthday
M1,测试用户,1990/1/2`));
    expect(r.customers[0]).toMatchObject({ buyer: { value: 'M1' }, contact: { name: '测试用户', birthday: '1990-01-02' } });
  });
});
