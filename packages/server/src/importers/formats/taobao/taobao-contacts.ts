/**
 * 千牛 发货报表: receiver name / phone / address per order number (role 'contacts'); the order and item
 * reports of the same download carry no buyer data.
 */
import type { TableVariant } from '../format-definition.ts';
import { hasAny, scoreHeader } from '../shared/columns.ts';
import { buildContact } from '../shared/contact.ts';
import { RowScope } from '../shared/row-scope.ts';

/** 千牛 发货报表 (contacts). Never matches a table that also has order amounts or statuses. */
export const taobaoQianniuContacts: TableVariant = {
  id: 'taobao-qianniu-contacts',
  role: 'contacts',
  match: (h) =>
    hasAny(h, ['买家实付金额', '买家实际支付金额', '订单状态'])
      ? 0
      : scoreHeader(h, [['订单编号', '主订单编号'], '收货人姓名', '收货地址'], ['联系手机', '联系电话']),
  createMapper(header, ctx) {
    const f = new RowScope(header, ctx);
    const c = {
      orderNo: f.req(['订单编号', '主订单编号']),
      name: f.req('收货人姓名'),
      mobile: f.col('联系手机'),
      tel: f.col('联系电话'),
      address: f.req('收货地址'),
    };
    const missing = f.missing();
    if (missing !== null) return missing;
    return {
      map(row, sink) {
        f.start(row, sink);
        if (f.blank()) return;
        const orderNo = f.orderId(c.orderNo);
        if (orderNo === null) return;
        const contact = buildContact({ name: f.text(c.name), phone: f.text(c.mobile), phone2: f.text(c.tel), address: f.text(c.address) });
        sink.contact({ orderNo, line: row.line, contact });
      },
      finish() {},
    };
  },
};
