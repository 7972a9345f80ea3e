/**
 * Pinduoduo (拼多多) order export: one row per order holding its single product (role
 * orders_with_items; a line is emitted per row). Recent and old (≈70 column) headers; `(元)` and `（元）`
 * are unified by header normalisation; `\t` tails are removed by cleanCell; a masked 省 (`****`) is dropped.
 * Buyer key: an unmasked 手机 / 用户购买手机号, else the address, else anonymous (the recent header has
 * no buyer columns at all). PDD has no refund-amount column: a refunded order refunds what was paid.
 */
import type { FormatDefinition, TableVariant } from '../format-definition.ts';
import { chooseBuyerKey } from '../../cells/buyer-key.ts';
import { pinduoduoStatus } from '../../cells/status.ts';
import { scoreHeader } from '../shared/columns.ts';
import { buildContact } from '../shared/contact.ts';
import { makeLine, makeOrder, nz } from '../shared/order-builder.ts';
import { RowScope } from '../shared/row-scope.ts';

function sumNullable(values: readonly (number | null | undefined)[]): number | null {
  let sum = 0;
  let any = false;
  for (const v of values) {
    if (v !== null && v !== undefined) {
      sum += v;
      any = true;
    }
  }
  return any ? sum : null;
}

/** Pinduoduo orders (recent and old headers). */
export const pinduoduoOrders: TableVariant = {
  id: 'pinduoduo-orders',
  role: 'orders_with_items',
  match: (h) => scoreHeader(h, ['订单号', '商家实收金额(元)', '售后状态'], ['订单成交时间', '商品', '订单状态', '用户实付金额(元)', '商品数量(件)', '邮费(元)', '商品规格', '收货人', '手机', '省']),
  createMapper(header, ctx) {
    const f = new RowScope(header, ctx);
    const c = {
      orderNo: f.req('订单号'),
      status: f.req('订单状态'),
      created: f.req(['订单成交时间', '支付时间', '拼单成功时间']),
      paid: f.req('用户实付金额(元)'),
      paidAt: f.col('支付时间'),
      afterSale: f.col('售后状态'),
      goodsTotal: f.col('商品总价(元)'),
      postage: f.col('邮费(元)'),
      shopDiscount: f.col('店铺优惠折扣(元)'),
      platformDiscount: f.col('平台优惠折扣(元)'),
      payDiscount: f.col('多多支付立减金额(元)'),
      title: f.col('商品'),
      qty: f.col('商品数量(件)'),
      sku: f.col(['商家编码-SKU维度', '商家编码-规格维度', '商家编码-商品维度']),
      productId: f.col('商品id'),
      receiver: f.col('收货人'),
      phone: f.col('手机'),
      buyerPhone: f.col('用户购买手机号'),
      province: f.col('省'),
      city: f.col('市'),
      district: f.col('区'),
      street: f.col('街道'),
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
        const qty = f.quantity(c.qty);
        const goodsTotal = f.money(c.goodsTotal, 'optional') ?? null;
        if (!seen.has(orderNo)) {
          const orderTime = f.time(c.created, true);
          const amount = f.money(c.paid, 'required');
          if (orderTime === undefined || orderTime === null || amount === undefined || amount === null) return;
          seen.add(orderNo);
          const rawStatus = f.text(c.status);
          const st = pinduoduoStatus(rawStatus, f.text(c.afterSale));
          if (!st.known) f.unknownStatus(c.status, rawStatus);
          const province = f.text(c.province);
          const parts = [province, f.text(c.city), f.text(c.district), f.text(c.street)];
          const contact = buildContact({
            name: f.text(c.receiver),
            phone: f.text(c.phone),
            phone2: f.text(c.buyerPhone),
            province,
            city: parts[1] ?? '',
            district: parts[2] ?? '',
          });
          const address = parts.filter((p) => p !== '' && !p.startsWith('*')).join(' ');
          sink.order(
            makeOrder(
              {
                orderNo,
                line: row.line,
                buyer: chooseBuyerKey({ phone: contact.phone, address, orderNo }),
                orderTime,
                status: st.status,
                rawStatus,
              },
              {
                contact,
                paidTime: f.time(c.paidAt, false) ?? null,
                amountCents: amount,
                refundCents: st.status === 'refunded' ? amount : 0,
                discountCents: sumNullable([
                  f.money(c.shopDiscount, 'optional'),
                  f.money(c.platformDiscount, 'optional'),
                  f.money(c.payDiscount, 'optional'),
                ]),
                shippingCents: f.money(c.postage, 'optional') ?? null,
                itemCount: qty,
                titles: nz(f.text(c.title)),
              },
            ),
          );
        }
        sink.line(
          makeLine(
            { orderNo, line: row.line, quantity: qty },
            {
              sku: nz(f.text(c.sku)) ?? nz(f.text(c.productId)),
              title: nz(f.text(c.title)),
              unitPriceCents: goodsTotal !== null && qty > 0 && goodsTotal % qty === 0 ? goodsTotal / qty : null,
              amountCents: goodsTotal,
            },
          ),
        );
      },
      finish() {},
    };
  },
};

/** The Pinduoduo format definition. */
export const pinduoduoFormat: FormatDefinition = { name: 'pinduoduo', platform: 'pinduoduo', variants: [pinduoduoOrders] };
