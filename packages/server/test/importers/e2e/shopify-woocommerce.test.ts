/**
 * Shopify orders (one row per line item, order fields only on the first row of each Name, `+0530` times,
 * refunds, cancellations, quoted newlines) and the Shopify customers export; WooCommerce WebToffee and SkyVerge
 * exports (items packed into line_item_N / order_item_N cells, `wc-` statuses, US dates).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/paths.ts';
import type { TestStore } from './e2e-support.ts';
import { csvText, NOTHING_CHANGED, openTestStore, orderOf, rowsOf, storedCustomers, storedIssues, storedLines, storedOrders, reimport, writeFixture } from './e2e-support.ts';

const SHOPIFY_HEADER = 'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References'.split(',');

/** A first row of an order (every order field) and its item fields. */
function head(name: string, fields: Record<string, string>): Record<string, string> {
  return { Name: name, Currency: 'USD', 'Accepts Marketing': 'no', 'Shipping Method': 'Standard', 'Lineitem requires shipping': 'true', 'Lineitem taxable': 'true', 'Shipping Country': 'US', 'Shipping Zip': "'751021", Source: 'web', ...fields };
}
/** A following row: only Name and the line item (the export leaves order fields blank). */
function next(name: string, title: string, qty: string, price: string, sku: string): Record<string, string> {
  return { Name: name, Email: '', 'Lineitem quantity': qty, 'Lineitem name': title, 'Lineitem price': price, 'Lineitem sku': sku, 'Lineitem requires shipping': 'true', 'Lineitem taxable': 'true', 'Lineitem fulfillment status': 'fulfilled' };
}

describe('Shopify orders and customers exports', () => {
  const tmp = tempDir();
  let store: TestStore;

  beforeAll(async () => {
    const rows = rowsOf(SHOPIFY_HEADER, [
      head('#1001', { Email: 'alice@example.com', 'Financial Status': 'paid', 'Paid at': '2024-06-24 22:58:34 +0530', 'Fulfillment Status': 'fulfilled', Subtotal: '60.00', Shipping: '5.00', Taxes: '6.00', Total: '65.00', 'Discount Code': 'WELCOME10', 'Discount Amount': '6.00', 'Created at': '2024-06-24 22:50:00 +0530', 'Lineitem quantity': '2', 'Lineitem name': 'Mug - Blue', 'Lineitem price': '20.00', 'Lineitem sku': 'MUG-B', 'Billing Name': 'Alice Example', 'Billing Phone': '+1 555 0100', 'Shipping City': 'Springfield', 'Shipping Province': 'IL', 'Shipping Province Name': 'Illinois', 'Note Attributes': 'gift: yes\nwrap: red', Id: '5000000001' }),
      next('#1001', 'Tea - Green', '1', '15.00', 'TEA-G'),
      next('#1001', 'Spoon', '1', '5.00', 'SPOON'),
      head('#1002', { Email: 'bob@example.com', 'Financial Status': 'partially_refunded', 'Paid at': '2024-06-25 10:00:00 +0000', 'Fulfillment Status': 'fulfilled', Total: '30.00', 'Refunded Amount': '10.00', 'Created at': '2024-06-25 09:59:00 +0000', 'Lineitem quantity': '3', 'Lineitem name': 'Tea - Green', 'Lineitem price': '10.00', 'Lineitem sku': 'TEA-G', 'Billing Name': 'Bob Example', Id: '5000000002' }),
      head('#1003', { Email: 'bob@example.com', 'Financial Status': 'refunded', 'Paid at': '2024-06-26 10:00:00 +0000', Total: '20.00', 'Refunded Amount': '20.00', 'Created at': '2024-06-26 09:59:00 +0000', 'Lineitem quantity': '1', 'Lineitem name': 'Mug - Blue', 'Lineitem price': '20.00', 'Lineitem sku': 'MUG-B', Id: '5000000003' }),
      head('#1004', { Email: 'carol@example.com', 'Financial Status': 'paid', 'Paid at': '2024-06-27 10:00:00 -0400', 'Fulfillment Status': 'restocked', Total: '20.00', 'Created at': '2024-06-27 09:59:00 -0400', 'Cancelled at': '2024-06-27 11:00:00 -0400', 'Lineitem quantity': '1', 'Lineitem name': 'Mug - Blue', 'Lineitem price': '20.00', 'Lineitem sku': 'MUG-B', Id: '5000000004' }),
      head('#1005', { Email: 'ALICE@Example.com ', 'Financial Status': 'pending', Total: '15.00', 'Created at': '2024-06-28 09:00:00 +0530', 'Lineitem quantity': '1', 'Lineitem name': 'Tea - Green', 'Lineitem price': '15.00', 'Lineitem sku': 'TEA-G', Id: '5000000005' }),
      head('#1006', { Email: '', Phone: '+86 138 0000 0006', 'Financial Status': 'paid', 'Paid at': '2024-06-29 09:00:00 +0800', 'Fulfillment Status': 'partial', Total: '35.00', 'Created at': '2024-06-29 09:00:00 +0800', 'Lineitem quantity': '1', 'Lineitem name': 'Mug - Blue', 'Lineitem price': '20.00', 'Lineitem sku': 'MUG-B', Id: '5000000006' }),
      next('#1006', 'Tea - Green', '1', '15.00', 'TEA-G'),
    ]);
    store = await openTestStore();
    const report = await store.import([writeFixture(tmp.path, 'orders_export.csv', csvText(rows, '\n'))]);
    expect(report.units[0]).toMatchObject({ status: 'committed', format: 'shopify', variants: ['shopify-orders'], ordersNew: 6, lines: 9, errors: 0, warnings: 0 });
  });
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  it('forward-fills order fields over the line rows of one Name and reads +0530 times', async () => {
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, '#1001')).toMatchObject({
      status: 'completed', amount: 65, refund: 0, discount: 6, shipping: 5, coupon_code: 'WELCOME10', item_count: 4,
      order_ms: Date.UTC(2024, 5, 24, 17, 20), paid_ms: Date.UTC(2024, 5, 24, 17, 28, 34), key_kind: 'email', key_value: 'alice@example.com',
      province: 'Illinois', city: 'Springfield',
    });
    const lines = await storedLines(store.db, '#1001');
    expect(lines.map((l) => [l.sku, l.title, l.quantity, l.unit_price])).toEqual([
      ['MUG-B', 'Mug - Blue', 2, 20],
      ['TEA-G', 'Tea - Green', 1, 15],
      ['SPOON', 'Spoon', 1, 5],
    ]);
    expect(orderOf(orders, '#1004').order_ms).toBe(Date.UTC(2024, 5, 27, 13, 59));
  });

  it('re-importing the orders export changes nothing', async () => {
    expect(await reimport(store, [`${tmp.path}/orders_export.csv`])).toEqual(NOTHING_CHANGED);
  });

  it('maps Financial Status, Fulfillment Status and Cancelled at; refunds come from Refunded Amount', async () => {
    const orders = await storedOrders(store.db);
    expect(['#1001', '#1002', '#1003', '#1004', '#1005', '#1006'].map((n) => [n, orderOf(orders, n).status, orderOf(orders, n).refund])).toEqual([
      ['#1001', 'completed', 0],
      ['#1002', 'partially_refunded', 10],
      ['#1003', 'refunded', 20],
      ['#1004', 'cancelled', 0],
      ['#1005', 'unpaid', 0],
      ['#1006', 'shipped', 0],
    ]);
  });

  it('keys on the normalised email, else the phone', async () => {
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, '#1005').customer_id).toBe(orderOf(orders, '#1001').customer_id);
    expect(orderOf(orders, '#1006')).toMatchObject({ key_kind: 'phone', key_value: '13800000006' });
    const customers = await storedCustomers(store.db);
    // Name and phone are on #1001 only; the later pending #1005 has none, and within one file the latest order's
    // contact wins (the bug shown in jd-pinduoduo.test.ts), so only the email is asserted here.
    expect(customers.get('email:alice@example.com')).toMatchObject({ email: 'alice@example.com' });
    expect(customers.get('phone:13800000006')).toMatchObject({ phone: '13800000006', email: null });
  });

  it('the customers export joins on email, adds consent and tags, and creates customers without orders', async () => {
    const header = 'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags'.split(',');
    const rows = rowsOf(header, [
      { 'Customer ID': "'7000000001", 'First Name': 'Alice', 'Last Name': 'Example', Email: 'alice@example.com', 'Accepts Email Marketing': 'yes', 'Default Address City': 'Springfield', 'Default Address Province Code': 'IL', Phone: "'+15550100", 'Accepts SMS Marketing': 'no', 'Total Spent': '65.00', 'Total Orders': '2', Tags: 'vip, tea' },
      { 'Customer ID': "'7000000009", 'First Name': 'Dave', 'Last Name': 'Example', Email: 'dave@example.com', 'Accepts Email Marketing': 'no', 'Accepts SMS Marketing': 'yes', Phone: "'+8613800000009", 'Total Spent': '0.00', 'Total Orders': '0' },
      { 'Customer ID': '', 'First Name': 'Nobody', 'Last Name': '', Email: '', 'Total Spent': '0.00', 'Total Orders': '0' },
    ]);
    const report = await store.import([writeFixture(tmp.path, 'customers_export.csv', csvText(rows, '\n'))]);
    expect(report.units[0]).toMatchObject({ status: 'committed', variants: ['shopify-customers'], customersNew: 1, errors: 0, warnings: 1 });
    expect(report.units[0]!.issues.map((i) => [i.line, i.column, i.code])).toEqual([[4, 'Email', 'missing_customer']]);
    const customers = await storedCustomers(store.db);
    expect(customers.get('email:alice@example.com')).toMatchObject({ accepts_email: true, accepts_sms: false, tags: 'vip, tea', name: 'Alice Example' });
    expect(customers.get('email:dave@example.com')).toMatchObject({ name: 'Dave Example', phone: '13800000009', accepts_email: false, accepts_sms: true });
  });
});

const WEBTOFFEE_HEADER = 'order_id,order_number,order_date,paid_date,status,shipping_total,shipping_tax_total,fee_total,fee_tax_total,tax_total,cart_discount,order_discount,discount_total,order_total,order_subtotal,order_currency,payment_method,payment_method_title,transaction_id,customer_ip_address,customer_user_agent,shipping_method,customer_id,customer_user,customer_email,billing_first_name,billing_last_name,billing_company,billing_email,billing_phone,billing_address_1,billing_address_2,billing_postcode,billing_city,billing_state,billing_country,shipping_first_name,shipping_last_name,shipping_company,shipping_phone,shipping_address_1,shipping_address_2,shipping_postcode,shipping_city,shipping_state,shipping_country,customer_note,wt_import_key,shipping_items,fee_items,tax_items,coupon_items,refund_items,order_notes,download_permissions,line_item_1,line_item_2'.split(',');
const SKYVERGE_HEADER = 'order_id,order_number_formatted,order_number,date,status,order_shipping,order_shipping_tax,order_fees,order_fee_tax,order_tax,cart_discount,order_discount,order_total,payment_method,shipping_method,customer_user,billing_first_name,billing_last_name,billing_email,billing_phone,billing_address_1,billing_city,billing_state,billing_postcode,billing_country,shipping_first_name,shipping_last_name,shipping_address_1,shipping_city,shipping_state,shipping_postcode,shipping_country,customer_note,order_item_1,order_item_2'.split(',');

describe('WooCommerce exports', () => {
  const tmp = tempDir();
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  it('WebToffee: one row per order, packed line_item_N cells, wc- statuses, customer_id then email', async () => {
    const base = { order_currency: 'USD', payment_method: 'stripe', billing_country: 'US', shipping_country: 'US', billing_state: 'IL', billing_city: 'Springfield' };
    const rows = rowsOf(WEBTOFFEE_HEADER, [
      { ...base, order_id: '101', order_number: '101', order_date: '2024-05-01 10:00:00', paid_date: '2024-05-01 10:01:00', status: 'wc-completed', shipping_total: '5.00', discount_total: '5.00', order_total: '40.00', customer_id: '5', customer_email: 'erin@example.com', billing_first_name: 'Erin', billing_last_name: 'Example', billing_phone: '555-0101', coupon_items: 'code:SAVE5|amount:5.00', line_item_1: 'name:Hoodie|product_id:12|sku:H-1|quantity:1|total:20.00', line_item_2: 'name:Cap|product_id:13|sku:C-1|quantity:2|total:20.00' },
      { ...base, order_id: '102', order_number: '102', order_date: '2024-05-02 10:00:00', paid_date: '2024-05-02 10:01:00', status: 'processing', order_total: '20.00', customer_id: '0', customer_email: 'frank@example.com', billing_first_name: 'Frank', line_item_1: 'name:Hoodie|product_id:12|sku:H-1|quantity:1|total:20.00' },
      { ...base, order_id: '103', order_number: '103', order_date: '2024-05-03 10:00:00', status: 'refunded', order_total: '20.00', customer_id: '5', customer_email: 'erin@example.com', line_item_1: 'name:Hoodie|product_id:12|sku:H-1|quantity:1|total:20.00' },
      { ...base, order_id: '104', order_number: '104', order_date: '2024-05-04 10:00:00', status: 'failed', order_total: '20.00', customer_id: '0', customer_email: 'frank@example.com', line_item_1: 'name:Hoodie|product_id:12|sku:H-1|quantity:1|total:20.00' },
      { ...base, order_id: '105', order_number: '105', order_date: '2024-05-05 10:00:00', status: 'printed', order_total: '20.00', customer_id: '0', customer_email: 'frank@example.com', line_item_1: 'name:Hoodie|product_id:12|sku:H-1|quantity:1|total:20.00' },
    ]);
    const report = await store.import([writeFixture(tmp.path, 'webtoffee.csv', csvText(rows, '\n'))], { timeZone: 'America/Chicago' });
    expect(report.units[0]).toMatchObject({ status: 'committed', format: 'woocommerce', variants: ['woocommerce-webtoffee'], ordersNew: 5, lines: 6, errors: 0, warnings: 1 });
    expect(report.units[0]!.issues.map((i) => [i.line, i.column, i.code])).toEqual([[6, 'status', 'unknown_status']]);
    const orders = await storedOrders(store.db);
    expect(['101', '102', '103', '104', '105'].map((n) => [orderOf(orders, n).status, orderOf(orders, n).refund])).toEqual([
      ['completed', 0], ['paid', 0], ['refunded', 20], ['closed_unpaid', 0], ['unknown', 0],
    ]);
    expect(orderOf(orders, '101')).toMatchObject({ amount: 40, discount: 5, shipping: 5, coupon_code: 'SAVE5', item_count: 3, key_kind: 'platform_id', key_value: '5', order_ms: Date.UTC(2024, 4, 1, 15) });
    expect(orderOf(orders, '102')).toMatchObject({ key_kind: 'email', key_value: 'frank@example.com' });
    expect(orderOf(orders, '103').customer_id).toBe(orderOf(orders, '101').customer_id);
    const lines = await storedLines(store.db, '101');
    expect(lines.map((l) => [l.sku, l.title, l.quantity, l.unit_price, l.amount])).toEqual([
      ['H-1', 'Hoodie', 1, 20, 20],
      ['C-1', 'Cap', 2, 10, 20],
    ]);
  });

  it('SkyVerge: positional item cells and M/d/yyyy H:mm dates', async () => {
    const rows = rowsOf(SKYVERGE_HEADER, [
      { order_id: '4001', order_number_formatted: 'WC-4001', order_number: '4001', date: '5/31/2016 0:37', status: 'completed', order_shipping: '4.00', cart_discount: '1.00', order_discount: '0.00', order_total: '63.00', customer_user: '0', billing_first_name: 'Grace', billing_last_name: 'Example', billing_email: 'grace@example.com', billing_city: 'Austin', billing_state: 'TX', order_item_1: 'product_id:4959|1|30|size: Medium', order_item_2: 'product_id:4960|2|30' },
      { order_id: '4002', order_number_formatted: 'WC-4002', order_number: '4002', date: '6/1/2016 13:05', status: 'on-hold', order_total: '30.00', customer_user: '17', billing_email: 'grace@example.com', order_item_1: 'product_id:4959|1|30|size: Large' },
    ]);
    const report = await store.import([writeFixture(tmp.path, 'skyverge.csv', csvText(rows, '\n'))], { timeZone: 'America/Chicago' });
    expect(report.units[0]).toMatchObject({ status: 'committed', variants: ['woocommerce-skyverge'], ordersNew: 2, lines: 3, errors: 0, warnings: 0 });
    const orders = await storedOrders(store.db);
    expect(orderOf(orders, '4001')).toMatchObject({ status: 'completed', amount: 63, shipping: 4, discount: 1, item_count: 3, key_kind: 'email', key_value: 'grace@example.com', order_ms: Date.UTC(2016, 4, 31, 5, 37) });
    expect(orderOf(orders, '4002')).toMatchObject({ status: 'unpaid', key_kind: 'platform_id', key_value: '17', order_ms: Date.UTC(2016, 5, 1, 18, 5) });
    const lines = await storedLines(store.db, '4001');
    expect(lines.map((l) => [l.sku, l.quantity, l.unit_price, l.amount])).toEqual([
      ['4959', 1, 30, 30],
      ['4960', 2, 15, 30],
    ]);
    expect(await storedIssues(store.db)).toEqual([['webtoffee.csv', 6, 'status', 'unknown_status', 'warning']]);
    expect(await reimport(store, [`${tmp.path}/webtoffee.csv`], { timeZone: 'America/Chicago' })).toEqual(NOTHING_CHANGED);
    expect(await reimport(store, [`${tmp.path}/skyverge.csv`], { timeZone: 'America/Chicago' })).toEqual(NOTHING_CHANGED);
  });
});
