/**
 * WooCommerce order exports from the two common plugins (role orders_with_items: one row per order, items
 * packed into `line_item_N` (WebToffee) or `order_item_N` (SkyVerge) cells; see woo-item-cell.ts).
 * Buyer key: customer_id / customer_user when not 0 (a WordPress user), else email, else phone, else
 * address. Refund amounts are not read (refund_items packing unknown): a `refunded` order refunds its total.
 */
import type { FormatDefinition, MapContext, RowMapper, TableVariant } from '../format-definition.ts';
import { chooseBuyerKey } from '../../cells/buyer-key.ts';
import { wooStatus } from '../../cells/status-west.ts';
import { headerKey, scoreHeader } from '../shared/columns.ts';
import type { Col } from '../shared/columns.ts';
import { buildContact } from '../shared/contact.ts';
import { makeLine, makeOrder, nz } from '../shared/order-builder.ts';
import { RowScope } from '../shared/row-scope.ts';
import { parseWooItem } from './woo-item-cell.ts';

function itemCols(header: readonly string[]): Col[] {
  const cols: Col[] = [];
  header.forEach((h, index) => {
    const k = headerKey(h);
    if (/^(line_item|order_item)_\d+$/.test(k)) cols.push({ index, name: k });
  });
  return cols;
}

function sum(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}

function createMapper(header: readonly string[], ctx: MapContext): RowMapper | { readonly missing: readonly string[] } {
  const f = new RowScope(header, ctx);
  const c = {
    orderNo: f.req(['order_number', 'order_number_formatted', 'order_id']),
    created: f.req(['order_date', 'date']),
    status: f.req('status'),
    total: f.req('order_total'),
    paidAt: f.col('paid_date'),
    shipping: f.col(['shipping_total', 'order_shipping']),
    discountTotal: f.col('discount_total'),
    cartDiscount: f.col('cart_discount'),
    orderDiscount: f.col('order_discount'),
    customer: f.col(['customer_id', 'customer_user']),
    email: f.col(['customer_email', 'billing_email']),
    phone: f.col('billing_phone'),
    first: f.col('billing_first_name'),
    last: f.col('billing_last_name'),
    state: f.col(['shipping_state', 'billing_state']),
    city: f.col(['shipping_city', 'billing_city']),
    address: f.col(['shipping_address_1', 'billing_address_1']),
    coupons: f.col('coupon_items'),
  };
  const missing = f.missing();
  if (missing !== null) return missing;
  const items = itemCols(header);
  return {
    map(row, sink) {
      f.start(row, sink);
      if (f.blank()) return;
      const orderNo = f.orderId(c.orderNo);
      if (orderNo === null) return;
      const orderTime = f.time(c.created, true);
      const amount = f.money(c.total, 'required');
      if (orderTime === undefined || orderTime === null || amount === undefined || amount === null) return;
      const rawStatus = f.text(c.status);
      const st = wooStatus(rawStatus);
      if (!st.known) f.unknownStatus(c.status, rawStatus);
      const contact = buildContact({
        name: [f.text(c.first), f.text(c.last)].filter((s) => s !== '').join(' '),
        phone: f.text(c.phone),
        email: f.text(c.email),
        province: f.text(c.state),
        city: f.text(c.city),
      });
      const customer = f.text(c.customer);
      const address = [f.text(c.state), f.text(c.city), f.text(c.address)].join(' ');
      const coupon = f.text(c.coupons);
      const codeAt = coupon.indexOf('code:');
      let itemCount = 0;
      const lines = [];
      for (const col of items) {
        const item = parseWooItem(f.text(col));
        if (item === null) continue;
        itemCount += item.quantity;
        lines.push(makeLine({ orderNo, line: row.line, quantity: item.quantity }, { sku: item.sku, title: item.title, unitPriceCents: item.unitPriceCents, amountCents: item.amountCents }));
      }
      const discount = f.money(c.discountTotal, 'optional') ?? sum(f.money(c.cartDiscount, 'optional') ?? null, f.money(c.orderDiscount, 'optional') ?? null);
      sink.order(
        makeOrder(
          {
            orderNo,
            line: row.line,
            buyer: chooseBuyerKey({ platformId: customer === '0' ? '' : customer, email: contact.email, phone: contact.phone, address, orderNo }),
            orderTime,
            status: st.status,
            rawStatus,
          },
          {
            contact,
            paidTime: f.time(c.paidAt, false) ?? null,
            amountCents: amount,
            refundCents: st.status === 'refunded' ? amount : 0,
            discountCents: discount,
            shippingCents: f.money(c.shipping, 'optional') ?? null,
            itemCount: lines.length > 0 ? itemCount : null,
            couponCode: codeAt >= 0 ? (coupon.slice(codeAt + 5).split('|')[0] ?? '').trim() || null : nz(coupon),
          },
        ),
      );
      for (const l of lines) sink.line(l);
    },
    finish() {},
  };
}

/** WebToffee "Order Export & Import". */
export const wooWebToffee: TableVariant = {
  id: 'woocommerce-webtoffee',
  role: 'orders_with_items',
  match: (h) => scoreHeader(h, ['order_id', 'order_number', 'order_date', 'status', 'order_total'], ['paid_date', 'customer_email', 'billing_email', 'line_item_1', 'shipping_total', 'discount_total']),
  createMapper,
};

/** SkyVerge "Customer/Order CSV Export". */
export const wooSkyVerge: TableVariant = {
  id: 'woocommerce-skyverge',
  role: 'orders_with_items',
  match: (h) => scoreHeader(h, ['order_id', 'order_number_formatted', 'date', 'status', 'order_total'], ['order_shipping', 'customer_user', 'billing_email', 'order_item_1', 'cart_discount']),
  createMapper,
};

/** The WooCommerce format definition. */
export const woocommerceFormat: FormatDefinition = { name: 'woocommerce', platform: 'woocommerce', variants: [wooWebToffee, wooSkyVerge] };
