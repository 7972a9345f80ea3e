/**
 * Parses one packed WooCommerce item cell. Assumed packing (not verified against the plugins' source):
 * `|`-separated segments; a segment `key:value` whose key is one of KNOWN_KEYS is a field (WebToffee:
 * `name:Hoodie|product_id:12|sku:H-1|quantity:2|total:40.00|…`); other segments are positional (SkyVerge:
 * `product_id:4959|1|30|size: Medium` = id, quantity, line total, then variation meta such as
 * `size: Medium`). The first bare number is the quantity, the second the line total.
 */
import { parseMoney } from '../../cells/parse-money.ts';

/** One item of a WooCommerce order. */
export interface WooItem {
  readonly sku: string | null;
  readonly title: string | null;
  readonly quantity: number;
  readonly unitPriceCents: number | null;
  readonly amountCents: number | null;
}

const KNOWN_KEYS = new Set(['name', 'item_name', 'product_id', 'variation_id', 'sku', 'quantity', 'qty', 'total', 'line_total', 'sub_total', 'subtotal', 'price', 'item_price']);

function money(s: string | undefined): number | null {
  if (s === undefined) return null;
  const r = parseMoney(s);
  return r.kind === 'amount' ? r.cents : null;
}

/** Parses an item cell; null when the cell is empty or has nothing usable. */
export function parseWooItem(cell: string): WooItem | null {
  if (cell === '') return null;
  const fields = new Map<string, string>();
  const bare: string[] = [];
  for (const seg of cell.split('|')) {
    const colon = seg.indexOf(':');
    const key = colon > 0 ? seg.slice(0, colon).trim().toLowerCase() : '';
    if (colon > 0 && KNOWN_KEYS.has(key)) {
      if (!fields.has(key)) fields.set(key, seg.slice(colon + 1).trim());
    } else if (colon < 0) bare.push(seg.trim());
  }
  const numbers = bare.filter((b) => b !== '' && !Number.isNaN(Number(b)));
  const qtyText = fields.get('quantity') ?? fields.get('qty') ?? numbers[0];
  const qty = qtyText === undefined ? 1 : Number(qtyText);
  const quantity = Number.isInteger(qty) ? qty : 1;
  const amount = money(fields.get('total') ?? fields.get('line_total') ?? numbers[1] ?? fields.get('sub_total') ?? fields.get('subtotal'));
  let unit = money(fields.get('price') ?? fields.get('item_price'));
  if (unit === null && amount !== null && quantity > 0 && amount % quantity === 0) unit = amount / quantity;
  const sku = fields.get('sku') || fields.get('product_id') || null;
  const title = fields.get('name') || fields.get('item_name') || null;
  if (sku === null && title === null && amount === null) return null;
  return { sku, title, quantity, unitPriceCents: unit, amountCents: amount };
}
