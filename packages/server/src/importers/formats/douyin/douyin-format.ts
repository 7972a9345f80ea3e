/**
 * Douyin (抖店) order export: one row per 子订单 (role orders_with_items). 商品金额 is the unit price;
 * 订单应付金额 is taken as what the buyer pays for that 子订单, so the order amount is the sum of its
 * lines (amountCents null, amountFromLines). Consecutive rows of one 主订单编号 are buffered so the order's
 * status and refund reflect every 子订单 (refund of some lines -> partially_refunded). Order-level money
 * (运费, 优惠总金额) is taken from the first row. No buyer id: the key is an unmasked 收件人手机号, else
 * the address, else anonymous.
 */
import type { CanonicalLine, CanonicalOrder } from '../../canonical.ts';
import type { FormatDefinition, MapSink, TableVariant } from '../format-definition.ts';
import { chooseBuyerKey } from '../../cells/buyer-key.ts';
import { douyinStatus } from '../../cells/status.ts';
import { scoreHeader } from '../shared/columns.ts';
import { buildContact } from '../shared/contact.ts';
import { makeLine, makeOrder, nz } from '../shared/order-builder.ts';
import { RowScope } from '../shared/row-scope.ts';

interface Pending {
  order: CanonicalOrder;
  readonly lines: CanonicalLine[];
}

function flush(p: Pending, sink: MapSink): void {
  let refund = 0;
  let refundedLines = 0;
  for (const l of p.lines) {
    if (l.status === 'refunded') {
      refund += l.refundCents;
      refundedLines++;
    }
  }
  let { status } = p.order;
  if (refundedLines > 0 && refundedLines < p.lines.length && status !== 'unpaid' && status !== 'closed_unpaid') {
    status = 'partially_refunded';
  } else if (refundedLines === p.lines.length && refundedLines > 0) status = 'refunded';
  sink.order({ ...p.order, status, refundCents: refund, itemCount: p.lines.reduce((n, l) => n + l.quantity, 0) });
  for (const l of p.lines) sink.line(l);
}

/** Douyin orders. */
export const douyinOrders: TableVariant = {
  id: 'douyin-orders',
  role: 'orders_with_items',
  match: (h) => scoreHeader(h, ['主订单编号', '选购商品'], ['子订单编号', '商品数量', '商品金额', '订单提交时间', '订单状态', '售后状态', '订单应付金额', '收件人手机号']),
  createMapper(header, ctx) {
    const f = new RowScope(header, ctx);
    const c = {
      orderNo: f.req('主订单编号'),
      lineId: f.col('子订单编号'),
      title: f.col('选购商品'),
      sku: f.col(['商家编码', '货号']),
      productId: f.col('商品ID'),
      qty: f.col('商品数量'),
      price: f.col('商品金额'),
      created: f.req('订单提交时间'),
      paidAt: f.col('支付完成时间'),
      status: f.req('订单状态'),
      afterSale: f.col('售后状态'),
      payable: f.req('订单应付金额'),
      shipping: f.col('运费'),
      discount: f.col('优惠总金额'),
      receiver: f.col('收件人'),
      phone: f.col('收件人手机号'),
      province: f.col('省'),
      city: f.col('市'),
      district: f.col('区'),
      street: f.col('街道'),
      detail: f.col('详细地址'),
    };
    const missing = f.missing();
    if (missing !== null) return missing;
    const seen = new Set<string>();
    let pending: Pending | null = null;
    return {
      map(row, sink) {
        f.start(row, sink);
        if (f.blank()) return;
        const orderNo = f.orderId(c.orderNo);
        if (orderNo === null) return;
        const amount = f.money(c.payable, 'required');
        if (amount === undefined || amount === null) return;
        const afterSale = f.text(c.afterSale);
        const lineRefunded = afterSale.includes('退款成功');
        const line = makeLine(
          { orderNo, line: row.line, quantity: f.quantity(c.qty) },
          {
            lineId: nz(f.text(c.lineId)),
            sku: nz(f.text(c.sku)) ?? nz(f.text(c.productId)),
            title: nz(f.text(c.title)),
            unitPriceCents: f.money(c.price, 'optional') ?? null,
            amountCents: amount,
            refundCents: lineRefunded ? amount : 0,
            status: lineRefunded ? 'refunded' : null,
          },
        );
        if (pending !== null && pending.order.orderNo === orderNo) {
          pending.lines.push(line);
          return;
        }
        if (seen.has(orderNo)) {
          sink.line(line); // a non-consecutive repeat: the order was already written
          return;
        }
        const orderTime = f.time(c.created, true);
        if (orderTime === undefined || orderTime === null) return;
        const paidTime = f.time(c.paidAt, false) ?? null;
        const rawStatus = f.text(c.status);
        const st = douyinStatus(rawStatus, '', paidTime !== null);
        if (!st.known) f.unknownStatus(c.status, rawStatus);
        const province = f.text(c.province);
        const contact = buildContact({
          name: f.text(c.receiver),
          phone: f.text(c.phone),
          province,
          city: f.text(c.city),
          district: f.text(c.district),
        });
        const address = [province, f.text(c.city), f.text(c.district), f.text(c.street), f.text(c.detail)].join(' ');
        if (pending !== null) flush(pending, sink);
        seen.add(orderNo);
        pending = {
          order: makeOrder(
            { orderNo, line: row.line, buyer: chooseBuyerKey({ phone: contact.phone, address, orderNo }), orderTime, status: st.status, rawStatus },
            {
              contact,
              paidTime,
              shippingCents: f.money(c.shipping, 'optional') ?? null,
              discountCents: f.money(c.discount, 'optional') ?? null,
              titles: null,
            },
          ),
          lines: [line],
        };
      },
      finish(sink) {
        if (pending !== null) flush(pending, sink);
        pending = null;
      },
    };
  },
};

/** The Douyin format definition. */
export const douyinFormat: FormatDefinition = { name: 'douyin', platform: 'douyin', variants: [douyinOrders], amountFromLines: true };
