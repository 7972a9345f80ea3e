/**
 * Youzan (有赞) order export: one row per order (role orders), and the item-level export where each row
 * is one item with the order fields repeated (role orders_with_items, grouped by 订单号). Buyer key: the
 * unmasked 收货人手机号/提货人手机号, else 买家手机号, else the address, else anonymous.
 */
import type { FormatDefinition, MapContext, RowMapper, TableVariant } from '../format-definition.ts';
import { chooseBuyerKey } from '../../cells/buyer-key.ts';
import { youzanStatus } from '../../cells/status.ts';
import { scoreHeader } from '../shared/columns.ts';
import { buildContact } from '../shared/contact.ts';
import { makeLine, makeOrder, nz } from '../shared/order-builder.ts';
import { RowScope } from '../shared/row-scope.ts';

const RECEIVER_PHONE = '收货人手机号/提货人手机号';
const ITEM_COLUMNS = ['商品单价', '商品数量'];
const OPTIONAL = ['订单状态', '订单创建时间', '订单实付金额', '买家付款时间', '收货人省份', '订单已退款金额', '买家昵称'];

function createMapper(header: readonly string[], ctx: MapContext, items: boolean): RowMapper | { readonly missing: readonly string[] } {
  const f = new RowScope(header, ctx);
  const c = {
    orderNo: f.req('订单号'),
    status: f.req('订单状态'),
    created: f.req('订单创建时间'),
    amount: f.req('订单实付金额'),
    paidAt: f.col('买家付款时间'),
    receiver: f.col('收货人/提货人'),
    phone: f.col(RECEIVER_PHONE),
    buyerPhone: f.col('买家手机号'),
    nick: f.col('买家昵称'),
    province: f.col('收货人省份'),
    city: f.col('收货人城市'),
    district: f.col('收货人地区'),
    address: f.col('详细收货地址/提货地址'),
    shipping: f.col('运费'),
    discount: f.col('店铺优惠合计'),
    refund: f.col('订单已退款金额'),
    coupon: f.col('优惠券码名称'),
    titles: f.col('全部商品名称'),
    title: f.col('商品名称'),
    sku: f.col('商品编码'),
    price: f.col('商品单价'),
    qty: f.col('商品数量'),
    lineRefund: f.col('商品已退款金额'),
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
        const orderTime = f.time(c.created, true);
        const amount = f.money(c.amount, 'required');
        if (orderTime === undefined || orderTime === null || amount === undefined || amount === null) return;
        seen.add(orderNo);
        const paidTime = f.time(c.paidAt, false) ?? null;
        const refund = f.money(c.refund, 'refund') ?? 0;
        const rawStatus = f.text(c.status);
        const st = youzanStatus(rawStatus, paidTime !== null || c.paidAt.index < 0, refund, amount);
        if (!st.known) f.unknownStatus(c.status, rawStatus);
        const province = f.text(c.province);
        const contact = buildContact({
          name: f.text(c.receiver),
          phone: f.text(c.phone),
          phone2: f.text(c.buyerPhone),
          province,
          city: f.text(c.city),
          district: f.text(c.district),
        });
        const address = [province, f.text(c.city), f.text(c.district), f.text(c.address)].join(' ');
        sink.order(
          makeOrder(
            { orderNo, line: row.line, buyer: chooseBuyerKey({ phone: contact.phone, address, orderNo }), orderTime, status: st.status, rawStatus },
            {
              buyerNick: nz(f.text(c.nick)),
              contact,
              paidTime,
              amountCents: amount,
              refundCents: refund,
              discountCents: f.money(c.discount, 'optional') ?? null,
              shippingCents: f.money(c.shipping, 'optional') ?? null,
              couponCode: nz(f.text(c.coupon)),
              titles: nz(f.text(c.titles)),
            },
          ),
        );
      }
      if (items) {
        const lineRefund = f.money(c.lineRefund, 'refund') ?? 0;
        sink.line(
          makeLine(
            { orderNo, line: row.line, quantity: f.quantity(c.qty) },
            {
              sku: nz(f.text(c.sku)),
              title: nz(f.text(c.title)),
              unitPriceCents: f.money(c.price, 'optional') ?? null,
              refundCents: lineRefund,
            },
          ),
        );
      }
    },
    finish() {},
  };
}

/** Youzan order export (one row per order). */
export const youzanOrders: TableVariant = {
  id: 'youzan-orders',
  role: 'orders',
  match: (h) => scoreHeader(h, ['订单号', RECEIVER_PHONE], OPTIONAL),
  createMapper: (h, ctx) => createMapper(h, ctx, false),
};

/** Youzan item-level export (one row per item). Outranks the order variant when item columns exist. */
export const youzanItems: TableVariant = {
  id: 'youzan-items',
  role: 'orders_with_items',
  match: (h) => scoreHeader(h, ['订单号', RECEIVER_PHONE, ...ITEM_COLUMNS], OPTIONAL),
  createMapper: (h, ctx) => createMapper(h, ctx, true),
};

/** The Youzan format definition. */
export const youzanFormat: FormatDefinition = { name: 'youzan', platform: 'youzan', variants: [youzanItems, youzanOrders] };
