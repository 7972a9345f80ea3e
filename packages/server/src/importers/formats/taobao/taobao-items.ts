/**
 * Taobao item tables (one row per line, joined to the orders on the order number): the legacy
 * ExportOrderDetailList (订单编号,标题,价格,…) and the newer one with 子订单编号/主订单编号, which is also
 * the 千牛 宝贝 / 销售明细 report (商品标题, 商品价格).
 */
import type { MapContext, RowMapper, TableVariant } from '../format-definition.ts';
import { lookupTaobaoLineStatus } from './taobao-line-status.ts';
import { scoreHeader } from '../shared/columns.ts';
import { makeLine, nz } from '../shared/order-builder.ts';
import { RowScope } from '../shared/row-scope.ts';

function createItemsMapper(header: readonly string[], ctx: MapContext, newer: boolean): RowMapper | { readonly missing: readonly string[] } {
  const f = new RowScope(header, ctx);
  const c = {
    orderNo: f.req(newer ? '主订单编号' : '订单编号'),
    lineId: newer ? f.req('子订单编号') : f.col('子订单编号'),
    title: f.col(['标题', '商品标题']),
    price: f.col(['价格', '商品价格']),
    qty: f.col('购买数量'),
    sku: f.col('商家编码'),
    outerId: f.col('外部系统编号'),
    status: f.col('订单状态'),
    paid: f.col('买家实付金额'),
    refund: f.col('退款金额'),
    refundStatus: f.col('退款状态'),
  };
  const missing = f.missing();
  if (missing !== null) return missing;
  return {
    map(row, sink) {
      f.start(row, sink);
      if (f.blank()) return;
      const orderNo = f.orderId(c.orderNo);
      if (orderNo === null) return;
      const rawStatus = f.text(c.status);
      const status = lookupTaobaoLineStatus(rawStatus, f.text(c.refundStatus));
      if (status === undefined) f.unknownStatus(c.status, rawStatus);
      sink.line(
        makeLine(
          { orderNo, line: row.line, quantity: f.quantity(c.qty) },
          {
            lineId: nz(f.text(c.lineId)),
            sku: nz(f.text(c.sku)) ?? nz(f.text(c.outerId)),
            title: nz(f.text(c.title)),
            unitPriceCents: f.money(c.price, 'optional') ?? null,
            amountCents: f.money(c.paid, 'optional') ?? null,
            refundCents: f.money(c.refund, 'refund') ?? 0,
            status: status ?? 'unknown',
          },
        ),
      );
    },
    finish() {},
  };
}

/** Legacy ExportOrderDetailList. */
export const taobaoLegacyItems: TableVariant = {
  id: 'taobao-legacy-items',
  role: 'items',
  match: (h) => (scoreHeader(h, ['子订单编号']) > 0 ? 0 : scoreHeader(h, ['订单编号', '标题', '价格', '购买数量'], ['商家编码', '外部系统编号', '商品属性', '订单状态'])),
  rowIndependent: true,
  createMapper: (h, ctx) => createItemsMapper(h, ctx, false),
};

/** Newer detail list and the 千牛 items report (子订单编号 + 主订单编号). */
export const taobaoItems: TableVariant = {
  id: 'taobao-items',
  role: 'items',
  match: (h) => scoreHeader(h, ['子订单编号', '主订单编号', '购买数量'], ['商品标题', '标题', '商品价格', '价格', '退款状态', '退款金额', '商家编码']),
  rowIndependent: true,
  createMapper: (h, ctx) => createItemsMapper(h, ctx, true),
};
