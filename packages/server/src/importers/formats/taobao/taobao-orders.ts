/**
 * Taobao / Tmall order tables (one row per order): the legacy ExportOrderList CSV (44 / 67 columns, the
 * 支付交易号 + 买家手机号 variant) and the current 千牛 订单报表, whose columns are seller-selectable and
 * whose 总金额 changed meaning (list price of goods before discount, without postage).
 */
import type { MapContext, RowMapper, TableVariant } from '../format-definition.ts';
import { chooseBuyerKey } from '../../cells/buyer-key.ts';
import { applyRefund, taobaoStatus } from '../../cells/status.ts';
import { scoreHeader } from '../shared/columns.ts';
import { buildContact } from '../shared/contact.ts';
import { makeOrder, nz } from '../shared/order-builder.ts';
import { RowScope } from '../shared/row-scope.ts';

const LEGACY_PAID = '买家实际支付金额';
const QIANNIU_PAID = '买家实付金额';
const OPTIONAL = ['买家会员名', '订单创建时间', '订单付款时间', '收货地址', '收货人姓名', '联系手机', '宝贝标题', '商品标题', '宝贝总数量', '订单关闭原因', '买家应付邮费', '总金额', '支付单号'];

function createOrdersMapper(header: readonly string[], ctx: MapContext, qianniu: boolean): RowMapper | { readonly missing: readonly string[] } {
  const f = new RowScope(header, ctx);
  const c = {
    orderNo: f.req('订单编号'),
    status: f.req('订单状态'),
    paid: f.req(qianniu ? QIANNIU_PAID : LEGACY_PAID),
    created: f.req('订单创建时间'),
    paidAt: f.col('订单付款时间'),
    nick: f.col('买家会员名'),
    alipay: f.col('买家支付宝账号'),
    name: f.col(['收货人姓名', '买家姓名']),
    mobile: f.col(['联系手机', '买家手机号']),
    tel: f.col('联系电话'),
    address: f.col('收货地址'),
    postage: f.col('买家应付邮费'),
    total: f.col('总金额'),
    refund: f.col('退款金额'),
    closeReason: f.col('订单关闭原因'),
    titles: f.col(['宝贝标题', '商品标题']),
    count: f.col('宝贝总数量'),
  };
  const missing = f.missing();
  if (missing !== null) return missing;
  return {
    map(row, sink) {
      f.start(row, sink);
      if (f.blank()) return;
      const orderNo = f.orderId(c.orderNo);
      if (orderNo === null) return;
      const orderTime = f.time(c.created, true);
      const amount = f.money(c.paid, 'required');
      if (orderTime === undefined || orderTime === null || amount === undefined || amount === null) return;
      const paidTime = f.time(c.paidAt, false) ?? null;
      const refund = f.money(c.refund, 'refund') ?? 0;
      const postage = f.money(c.postage, 'optional') ?? null;
      const rawStatus = f.text(c.status);
      const st = taobaoStatus(rawStatus, f.text(c.closeReason), refund, paidTime !== null || c.paidAt.index < 0);
      if (!st.known) f.unknownStatus(c.status, rawStatus);
      const contact = buildContact({
        name: f.text(c.name),
        phone: f.text(c.mobile),
        phone2: f.text(c.tel),
        address: f.text(c.address),
      });
      const nick = f.text(c.nick);
      let discount: number | null = null;
      if (qianniu) {
        const total = f.money(c.total, 'optional') ?? null;
        if (total !== null) discount = Math.max(0, total + (postage ?? 0) - amount);
      }
      const count = f.text(c.count);
      sink.order(
        makeOrder(
          {
            orderNo,
            line: row.line,
            buyer: chooseBuyerKey({ platformId: nick, phone: contact.phone, address: f.text(c.address), orderNo }),
            orderTime,
            status: applyRefund(st.status, refund, amount),
            rawStatus,
          },
          {
            buyerNick: nz(nick),
            contact,
            paidTime,
            amountCents: amount,
            refundCents: refund,
            discountCents: discount,
            shippingCents: postage,
            itemCount: count !== '' && Number.isInteger(Number(count)) ? Number(count) : null,
            titles: nz(f.text(c.titles)),
          },
        ),
      );
    },
    finish() {},
  };
}

/** Legacy ExportOrderList (all known column-count variants). */
export const taobaoLegacyOrders: TableVariant = {
  id: 'taobao-legacy-orders',
  role: 'orders',
  match: (h) => scoreHeader(h, ['订单编号', '订单状态', LEGACY_PAID], OPTIONAL),
  rowIndependent: true,
  createMapper: (h, ctx) => createOrdersMapper(h, ctx, false),
};

/** 千牛 订单报表 (21 columns by default; seller-selectable). */
export const taobaoQianniuOrders: TableVariant = {
  id: 'taobao-qianniu-orders',
  role: 'orders',
  match: (h) => scoreHeader(h, ['订单编号', '订单状态', QIANNIU_PAID], OPTIONAL),
  rowIndependent: true,
  createMapper: (h, ctx) => createOrdersMapper(h, ctx, true),
};
