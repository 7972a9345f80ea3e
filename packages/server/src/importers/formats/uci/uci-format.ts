/**
 * UCI Online Retail (I and II): one row per invoice line (role orders_with_items), grouped by invoice.
 * No totals: the order amount is computed from the lines (amountFromLines). Invoices starting with `C` are
 * cancellations -> refunded (their quantities are negative). Customer ids written as floats (`17850.0`)
 * become `17850`. Rows without a customer id cannot be attributed to anyone: they are imported under the
 * anonymous per-invoice key (`order:<invoice>`) so that revenue still counts. Non-product stock codes
 * (POST, D, M, BANK CHARGES, …) are kept as lines with the code as their sku.
 */
import type { FormatDefinition, TableVariant } from '../format-definition.ts';
import { anonymousKey } from '../../cells/buyer-key.ts';
import { uciStatus } from '../../cells/status-west.ts';
import { scoreHeader } from '../shared/columns.ts';
import { EMPTY_CONTACT } from '../shared/contact.ts';
import { makeLine, makeOrder, nz } from '../shared/order-builder.ts';
import { RowScope } from '../shared/row-scope.ts';

/** `17850.0` -> `17850`; other values unchanged. */
export function uciCustomerId(raw: string): string {
  const dot = raw.indexOf('.');
  if (dot > 0 && /^\d+\.0+$/.test(raw)) return raw.slice(0, dot);
  return raw;
}

/** Online Retail (InvoiceNo, UnitPrice, CustomerID) and Online Retail II (Invoice, Price, Customer ID). */
export const uciOrders: TableVariant = {
  id: 'uci-online-retail',
  role: 'orders_with_items',
  match: (h) => scoreHeader(h, ['StockCode', 'InvoiceDate'], [['InvoiceNo', 'Invoice'], 'Description', 'Quantity', ['UnitPrice', 'Price'], ['CustomerID', 'Customer ID'], 'Country']),
  createMapper(header, ctx) {
    const f = new RowScope(header, ctx);
    const c = {
      invoice: f.req(['InvoiceNo', 'Invoice']),
      stock: f.req('StockCode'),
      title: f.col('Description'),
      qty: f.req('Quantity'),
      date: f.req('InvoiceDate'),
      price: f.req(['UnitPrice', 'Price']),
      customer: f.col(['CustomerID', 'Customer ID']),
      country: f.col('Country'),
    };
    const missing = f.missing();
    if (missing !== null) return missing;
    const seen = new Set<string>();
    return {
      map(row, sink) {
        f.start(row, sink);
        if (f.blank()) return;
        const orderNo = f.orderId(c.invoice);
        if (orderNo === null) return;
        const status = uciStatus(orderNo);
        if (!seen.has(orderNo)) {
          const orderTime = f.time(c.date, true);
          if (orderTime === undefined || orderTime === null) return;
          seen.add(orderNo);
          const customer = uciCustomerId(f.text(c.customer));
          const country = f.text(c.country);
          sink.order(
            makeOrder(
              { orderNo, line: row.line, buyer: customer === '' ? anonymousKey(orderNo) : { kind: 'platform_id', value: customer }, orderTime, status, rawStatus: status === 'refunded' ? 'cancellation' : '' },
              { contact: country === '' ? EMPTY_CONTACT : { ...EMPTY_CONTACT, province: country }, amountCents: null },
            ),
          );
        }
        const unit = f.money(c.price, 'optional') ?? null;
        const quantity = f.quantity(c.qty);
        const amount = unit === null ? null : unit * quantity;
        sink.line(
          makeLine(
            { orderNo, line: row.line, quantity },
            {
              sku: nz(f.text(c.stock)),
              title: nz(f.text(c.title)),
              unitPriceCents: unit,
              amountCents: amount,
              refundCents: status === 'refunded' && amount !== null ? Math.abs(amount) : 0,
              status,
            },
          ),
        );
      },
      finish() {},
    };
  },
};

/** The UCI format definition. Platform 'uci' (a data set, not a shop platform). */
export const uciFormat: FormatDefinition = { name: 'uci', platform: 'uci', variants: [uciOrders], amountFromLines: true };
