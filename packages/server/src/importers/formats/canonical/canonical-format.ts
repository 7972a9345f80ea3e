/**
 * huitou's own documented CSV, for any shop system without a dedicated format.
 *
 * Orders (role orders_with_items): required `order_id,customer_id,order_time,amount`; optional
 * `paid_time,status,refund,discount,coupon_code,sku,title,quantity,unit_price,name,phone,email,province,
 * city,birthday`. Rows with the same order_id are the lines of one order; order fields (amount = the
 * order total, status, times, contact) are read from the order's first row and may be blank on the
 * others. A row gives a line when it has a sku or a title. `status` takes the canonical words (and a
 * few synonyms); blank means completed.
 *
 * Members (role customers): `customer_id` plus any of `name,phone,email,province,city,birthday`.
 *
 * `--map FILE` supplies ctx.columnMap (canonical name -> header in the file) for files with other headers.
 */
import type { FormatDefinition, MapContext, TableVariant } from '../format-definition.ts';
import { canonicalStatus } from '../../cells/status-west.ts';
import { hasAny, scoreHeader } from '../shared/columns.ts';
import { buildContact } from '../shared/contact.ts';
import { makeLine, makeOrder, nz } from '../shared/order-builder.ts';
import { RowScope } from '../shared/row-scope.ts';

const REQUIRED = ['order_id', 'customer_id', 'order_time', 'amount'];
const OPTIONAL = ['paid_time', 'status', 'refund', 'discount', 'coupon_code', 'sku', 'title', 'quantity', 'unit_price', 'name', 'phone', 'email', 'province', 'city', 'birthday'];
const CONTACT = ['name', 'phone', 'email', 'province', 'city', 'birthday'];

/** The header to look for: the mapped one when `--map` names it, else the canonical name. */
function mapped(ctx: MapContext, name: string): string {
  return ctx.columnMap?.[name] ?? name;
}

function contactCols(f: RowScope, ctx: MapContext) {
  return {
    name: f.col(mapped(ctx, 'name')),
    phone: f.col(mapped(ctx, 'phone')),
    email: f.col(mapped(ctx, 'email')),
    province: f.col(mapped(ctx, 'province')),
    city: f.col(mapped(ctx, 'city')),
    birthday: f.col(mapped(ctx, 'birthday')),
  };
}

function readContact(f: RowScope, c: ReturnType<typeof contactCols>) {
  return buildContact({ name: f.text(c.name), phone: f.text(c.phone), email: f.text(c.email), province: f.text(c.province), city: f.text(c.city), birthday: f.text(c.birthday) });
}

/** Canonical orders CSV. */
export const canonicalOrders: TableVariant = {
  id: 'canonical-orders',
  role: 'orders_with_items',
  match: (h) => scoreHeader(h, REQUIRED, OPTIONAL),
  createMapper(header, ctx) {
    const f = new RowScope(header, ctx);
    const m = (n: string): string => mapped(ctx, n);
    const c = {
      orderNo: f.req(m('order_id')),
      customer: f.req(m('customer_id')),
      time: f.req(m('order_time')),
      amount: f.req(m('amount')),
      paidAt: f.col(m('paid_time')),
      status: f.col(m('status')),
      refund: f.col(m('refund')),
      discount: f.col(m('discount')),
      coupon: f.col(m('coupon_code')),
      sku: f.col(m('sku')),
      title: f.col(m('title')),
      qty: f.col(m('quantity')),
      price: f.col(m('unit_price')),
      contact: contactCols(f, ctx),
    };
    const missing = f.missing();
    if (missing !== null) return missing;
    const seen = new Set<string>();
    return {
      map(row, sink) {
        f.start(row, sink);
        if (f.blank()) return;
        const orderNo = f.orderId(c.orderNo);
        if (orderNo === null) return;
        if (!seen.has(orderNo)) {
          const customer = f.text(c.customer);
          if (customer === '') {
            f.issue(c.customer, 'missing_customer', 'error', `${c.customer.name} is empty`);
            return;
          }
          const orderTime = f.time(c.time, true);
          const amount = f.money(c.amount, 'required');
          if (orderTime === undefined || orderTime === null || amount === undefined || amount === null) return;
          seen.add(orderNo);
          const rawStatus = f.text(c.status);
          const st = canonicalStatus(rawStatus);
          if (!st.known) f.unknownStatus(c.status, rawStatus);
          sink.order(
            makeOrder(
              { orderNo, line: row.line, buyer: { kind: 'platform_id', value: customer }, orderTime, status: st.status, rawStatus },
              {
                contact: readContact(f, c.contact),
                paidTime: f.time(c.paidAt, false) ?? null,
                amountCents: amount,
                refundCents: f.money(c.refund, 'optional') ?? 0,
                discountCents: f.money(c.discount, 'optional') ?? null,
                couponCode: nz(f.text(c.coupon)),
              },
            ),
          );
        }
        const sku = f.text(c.sku);
        const title = f.text(c.title);
        if (sku === '' && title === '') return;
        sink.line(makeLine({ orderNo, line: row.line, quantity: f.quantity(c.qty) }, { sku: nz(sku), title: nz(title), unitPriceCents: f.money(c.price, 'optional') ?? null }));
      },
      finish() {},
    };
  },
};

/** Canonical members CSV (customers). */
export const canonicalMembers: TableVariant = {
  id: 'canonical-members',
  role: 'customers',
  match: (h) => (hasAny(h, ['order_id']) || !hasAny(h, CONTACT) ? 0 : scoreHeader(h, ['customer_id'], CONTACT)),
  createMapper(header, ctx) {
    const f = new RowScope(header, ctx);
    const id = f.req(mapped(ctx, 'customer_id'));
    const cc = contactCols(f, ctx);
    const missing = f.missing();
    if (missing !== null) return missing;
    return {
      map(row, sink) {
        f.start(row, sink);
        if (f.blank()) return;
        const customer = f.text(id);
        if (customer === '') {
          f.issue(id, 'missing_customer', 'error', `${id.name} is empty`);
          return;
        }
        sink.customer({ line: row.line, buyer: { kind: 'platform_id', value: customer }, contact: readContact(f, cc), acceptsEmailMarketing: null, acceptsSmsMarketing: null, tags: null });
      },
      finish() {},
    };
  },
};

/** The canonical format definition. */
export const canonicalFormat: FormatDefinition = { name: 'canonical', platform: 'canonical', variants: [canonicalOrders, canonicalMembers] };
