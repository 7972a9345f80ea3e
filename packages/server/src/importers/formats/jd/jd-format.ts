/**
 * JD (京东 POP) order export: one row per SKU with the order fields repeated, grouped by 订单号 (role
 * orders_with_items). Buyer key: 下单帐号, else the normalised 客户地址 (联系电话 is masked).
 * 商家应收 may carry a text suffix (`499.00（系统计算中，该值仅供参考）`); parseMoney ignores it.
 */
import type { FormatDefinition, TableVariant } from '../format-definition.ts';
import { chooseBuyerKey } from '../../cells/buyer-key.ts';
import { jdStatus } from '../../cells/status.ts';
import { scoreHeader } from '../shared/columns.ts';
import { buildContact } from '../shared/contact.ts';
import { makeLine, makeOrder, nz } from '../shared/order-builder.ts';
import { RowScope } from '../shared/row-scope.ts';

/** JD order export (80-column current header and the older one with 结算金额). */
export const jdOrders: TableVariant = {
  id: 'jd-orders',
  role: 'orders_with_items',
  match: (h) => scoreHeader(h, ['订单号', '下单帐号', '客户地址', '京东价'], ['商品ID', '商品名称', '订购数量', '下单时间', '订单金额', '应付金额', '商家应收', '订单状态', '付款确认时间', '商家SKUID', '结算金额']),
  createMapper(header, ctx) {
    const f = new RowScope(header, ctx);
    const c = {
      orderNo: f.req('订单号'),
      created: f.req('下单时间'),
      status: f.req('订单状态'),
      amount: f.req(['应付金额', '订单金额', '商家应收']),
      account: f.col(['下单帐号', '下单账号']),
      name: f.col('客户姓名'),
      address: f.col('客户地址'),
      phone: f.col('联系电话'),
      email: f.col('邮箱地址'),
      paidAt: f.col('付款确认时间'),
      shipping: f.col('运费金额'),
      skuId: f.col('商家SKUID'),
      itemNo: f.col('货号'),
      productId: f.col('商品ID'),
      title: f.col('商品名称'),
      qty: f.col('订购数量'),
      price: f.col('京东价'),
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
          const rawStatus = f.text(c.status);
          const st = jdStatus(rawStatus);
          if (!st.known) f.unknownStatus(c.status, rawStatus);
          const address = f.text(c.address);
          const contact = buildContact({ name: f.text(c.name), phone: f.text(c.phone), email: f.text(c.email), address });
          const account = f.text(c.account);
          sink.order(
            makeOrder(
              {
                orderNo,
                line: row.line,
                buyer: chooseBuyerKey({ platformId: account, phone: contact.phone, address, orderNo }),
                orderTime,
                status: st.status,
                rawStatus,
              },
              {
                buyerNick: nz(account),
                contact,
                paidTime: f.time(c.paidAt, false) ?? null,
                amountCents: amount,
                shippingCents: f.money(c.shipping, 'optional') ?? null,
              },
            ),
          );
        }
        sink.line(
          makeLine(
            { orderNo, line: row.line, quantity: f.quantity(c.qty) },
            {
              sku: nz(f.text(c.skuId)) ?? nz(f.text(c.itemNo)) ?? nz(f.text(c.productId)),
              title: nz(f.text(c.title)),
              unitPriceCents: f.money(c.price, 'optional') ?? null,
            },
          ),
        );
      },
      finish() {},
    };
  },
};

/** The JD format definition. */
export const jdFormat: FormatDefinition = { name: 'jd', platform: 'jd', variants: [jdOrders] };
