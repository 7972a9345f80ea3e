/** Customer list and search: filters are bound as parameters, never spliced into SQL. */
import { validStatusSqlList } from '@huitou/core';
import type { Db, SqlValue } from '../database.ts';
import { getOneOrThrow } from '../database.ts';

export interface CustomerFilter {
  /** Matches nick, name, phone, email or buyer key (case-insensitive substring). */
  readonly search?: string;
  readonly province?: string;
  readonly city?: string;
  readonly minOrders?: number;
  readonly maxOrders?: number;
  /** Net spend bounds, in currency units. */
  readonly minSpend?: number;
  readonly maxSpend?: number;
  /** Last valid order on or after / before these instants (epoch ms). */
  readonly lastOrderFromMs?: number;
  readonly lastOrderToMs?: number;
  /** Restrict to these customer ids (used by label filters computed elsewhere). */
  readonly customerIds?: readonly number[];
}

export const CUSTOMER_SORTS = ['spend', 'orders', 'last', 'first', 'id'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export interface CustomerPage {
  readonly sort: CustomerSort;
  readonly descending: boolean;
  readonly limit: number;
  readonly offset: number;
}

export interface CustomerRow {
  readonly customerId: number;
  readonly keyKind: string;
  readonly keyValue: string;
  readonly nick: string | null;
  readonly name: string | null;
  readonly phone: string | null;
  readonly phoneMasked: string | null;
  readonly email: string | null;
  readonly province: string | null;
  readonly city: string | null;
  readonly birthday: string | null;
  readonly orders: number;
  readonly validOrders: number;
  readonly netSpend: number;
  readonly firstOrderMs: number | null;
  readonly lastOrderMs: number | null;
}

const SORT_SQL: Readonly<Record<CustomerSort, string>> = {
  spend: 'net_spend',
  orders: 'valid_orders',
  last: 'last_order_ms',
  first: 'first_order_ms',
  id: 'customer_id',
};

/** One page of customers with their order stats, and the total count matching the filter. */
export async function listCustomers(
  db: Db,
  shopId: number,
  filter: CustomerFilter,
  page: CustomerPage,
): Promise<{ total: number; rows: CustomerRow[] }> {
  const params: SqlValue[] = [shopId];
  const bind = (v: SqlValue) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = ['c.shop_id = $1'];
  if (filter.search !== undefined && filter.search !== '') {
    const p = bind(filter.search.toLowerCase());
    where.push(
      `(${['c.nick', 'c.name', 'c.phone', 'c.email', 'c.key_value'].map((col) => `position(${p} IN lower(coalesce(${col}, ''))) > 0`).join(' OR ')})`,
    );
  }
  if (filter.province !== undefined) where.push(`c.province = ${bind(filter.province)}`);
  if (filter.city !== undefined) where.push(`c.city = ${bind(filter.city)}`);
  if (filter.minOrders !== undefined) where.push(`coalesce(s.valid_orders, 0) >= ${bind(filter.minOrders)}`);
  if (filter.maxOrders !== undefined) where.push(`coalesce(s.valid_orders, 0) <= ${bind(filter.maxOrders)}`);
  if (filter.minSpend !== undefined) where.push(`coalesce(s.net_spend, 0) >= ${bind(filter.minSpend)}`);
  if (filter.maxSpend !== undefined) where.push(`coalesce(s.net_spend, 0) <= ${bind(filter.maxSpend)}`);
  if (filter.lastOrderFromMs !== undefined) where.push(`s.last_order_ms >= ${bind(filter.lastOrderFromMs)}`);
  if (filter.lastOrderToMs !== undefined) where.push(`s.last_order_ms < ${bind(filter.lastOrderToMs)}`);
  if (filter.customerIds !== undefined) {
    where.push(filter.customerIds.length === 0 ? 'false' : `c.customer_id IN (${filter.customerIds.map((id) => bind(id)).join(', ')})`);
  }
  const from = `
    FROM customers c LEFT JOIN (
      SELECT customer_id, count(*) AS orders,
        count(*) FILTER (WHERE status IN (${validStatusSqlList()})) AS valid_orders,
        coalesce(sum(amount - refund) FILTER (WHERE status IN (${validStatusSqlList()})), 0) AS net_spend,
        min(extract(epoch FROM order_time) * 1000) FILTER (WHERE status IN (${validStatusSqlList()})) AS first_order_ms,
        max(extract(epoch FROM order_time) * 1000) FILTER (WHERE status IN (${validStatusSqlList()})) AS last_order_ms
      FROM orders WHERE shop_id = $1 GROUP BY customer_id
    ) s ON s.customer_id = c.customer_id
    WHERE ${where.join(' AND ')}`;
  const { total } = await getOneOrThrow<{ total: number }>(db, `SELECT count(*) AS total ${from}`, params);
  const dir = page.descending ? 'DESC NULLS LAST' : 'ASC NULLS LAST';
  const rows = await db.all<Record<string, unknown>>(
    `SELECT c.customer_id, c.key_kind, c.key_value, c.nick, c.name, c.phone, c.phone_masked, c.email, c.province, c.city,
       CAST(c.birthday AS VARCHAR) AS birthday, coalesce(s.orders, 0) AS orders, coalesce(s.valid_orders, 0) AS valid_orders,
       CAST(coalesce(s.net_spend, 0) AS DOUBLE PRECISION) AS net_spend, s.first_order_ms, s.last_order_ms
     ${from} ORDER BY ${SORT_SQL[page.sort]} ${dir}, c.customer_id LIMIT ${Math.floor(page.limit)} OFFSET ${Math.floor(page.offset)}`,
    params,
  );
  return {
    total,
    rows: rows.map((r) => ({
      customerId: Number(r['customer_id']),
      keyKind: String(r['key_kind']),
      keyValue: String(r['key_value']),
      nick: str(r['nick']),
      name: str(r['name']),
      phone: str(r['phone']),
      phoneMasked: str(r['phone_masked']),
      email: str(r['email']),
      province: str(r['province']),
      city: str(r['city']),
      birthday: str(r['birthday']),
      orders: Number(r['orders']),
      validOrders: Number(r['valid_orders']),
      netSpend: Number(r['net_spend']),
      firstOrderMs: r['first_order_ms'] === null ? null : Number(r['first_order_ms']),
      lastOrderMs: r['last_order_ms'] === null ? null : Number(r['last_order_ms']),
    })),
  };
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
