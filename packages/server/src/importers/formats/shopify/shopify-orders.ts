/**
 * Shopify orders export: one row per line item; order-level fields (Financial Status, totals, addresses)
 * appear only on the first row of each Name. Consecutive rows with the same Name form one order: the
 * order is built from its first row (the forward-fill source) and every row gives a line. A Name seen
 * again after other orders only adds lines. Total blank -> amount null (computed from the lines).
 */
import type { TableVariant } from '../format-definition.ts';
import { chooseBuyerKey } from '../../cells/buyer-key.ts';
import { shopifyStatus } from '../../cells/status-west.ts';
import { scoreHeader } from '../shared/columns.ts';
import { buildContact } from '../shared/contact.ts';
import { makeLine, makeOrder, nz } from '../shared/order-builder.ts';
import { RowScope } from '../shared/row-scope.ts';

/** Shopify orders export (with or without the trailing tax/payment columns). */
export const shopifyOrders: TableVariant = {
  id: 'shopify-orders',
  role: 'orders_with_items',
  match: (h) => scoreHeader(h, ['Name', 'Lineitem name'], ['Email', 'Financial Status', 'Created at', 'Total', 'Lineitem quantity', 'Lineitem price', 'Lineitem sku']),
  createMapper(header, ctx) {
    const f = new RowScope(header, ctx);
    const c = {
      name: f.req('Name'),
      created: f.req('Created at'),
      email: f.col('Email'),
      financial: f.col('Financial Status'),
      fulfillment: f.col('Fulfillment Status'),
      paidAt: f.col('Paid at'),
      total: f.col('Total'),
      shipping: f.col('Shipping'),
      discountCode: f.col('Discount Code'),
      discount: f.col('Discount Amount'),
      refunded: f.col('Refunded Amount'),
      cancelledAt: f.col('Cancelled at'),
      phone: f.col('Phone'),
      billingPhone: f.col('Billing Phone'),
      shippingPhone: f.col('Shipping Phone'),
      billingName: f.col('Billing Name'),
      shippingName: f.col('Shipping Name'),
      province: f.col(['Shipping Province Name', 'Shipping Province']),
      city: f.col('Shipping City'),
      qty: f.col('Lineitem quantity'),
      title: f.req('Lineitem name'),
      price: f.col('Lineitem price'),
      sku: f.col('Lineitem sku'),
    };
    const missing = f.missing();
    if (missing !== null) return missing;
    const seen = new Set<string>();
    let current = '';
    return {
      map(row, sink) {
        f.start(row, sink);
        if (f.blank()) return;
        const orderNo = f.orderId(c.name);
        if (orderNo === null) return;
        if (orderNo !== current && !seen.has(orderNo)) {
          const orderTime = f.time(c.created, true);
          if (orderTime === undefined || orderTime === null) return;
          current = orderNo;
          seen.add(orderNo);
          const rawStatus = f.text(c.financial);
          const st = shopifyStatus(rawStatus, f.text(c.fulfillment), f.text(c.cancelledAt));
          if (!st.known) f.unknownStatus(c.financial, rawStatus);
          const phone = f.text(c.phone) || f.text(c.billingPhone);
          const contact = buildContact({
            name: f.text(c.billingName) || f.text(c.shippingName),
            phone,
            phone2: f.text(c.shippingPhone),
            email: f.text(c.email),
            province: f.text(c.province),
            city: f.text(c.city),
          });
          sink.order(
            makeOrder(
              { orderNo, line: row.line, buyer: chooseBuyerKey({ email: contact.email, phone: contact.phone, orderNo }), orderTime, status: st.status, rawStatus },
              {
                contact,
                paidTime: f.time(c.paidAt, false) ?? null,
                amountCents: f.money(c.total, 'optional') ?? null,
                refundCents: f.money(c.refunded, 'refund') ?? 0,
                discountCents: f.money(c.discount, 'optional') ?? null,
                shippingCents: f.money(c.shipping, 'optional') ?? null,
                couponCode: nz(f.text(c.discountCode)),
              },
            ),
          );
        }
        current = orderNo;
        sink.line(
          makeLine(
            { orderNo, line: row.line, quantity: f.quantity(c.qty) },
            { sku: nz(f.text(c.sku)), title: nz(f.text(c.title)), unitPriceCents: f.money(c.price, 'optional') ?? null },
          ),
        );
      },
      finish() {},
    };
  },
};
