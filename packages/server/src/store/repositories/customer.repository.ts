/** Customer list and search: filters are bound as parameters, never spliced into SQL. */
import { validStatusSqlList } from '@huitou/core';
import type { Db, Row, SqlValue } from '../database.ts';
import { getOneOrThrow } from '../database.ts';
import { searchMatchSql } from '../customer-search.ts';
import { numberOrNull, textOrNull } from '../row-values.ts';

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
  /** Labels from the latest `huitou analyze` (customer_analysis). */
  readonly segment?: string;
  readonly lifecycle?: string;
  readonly customerType?: string;
  readonly tier?: string;
  readonly minR?: number;
  readonly minF?: number;
  readonly minM?: number;
  readonly churnRisk?: string;
  readonly maxPAlive?: number;
  /** Has this SKU (product key) in a due state (due_soon, due, overdue), or any due state when `dueState` only. */
  readonly dueSku?: string;
  readonly dueState?: string;
  /** Bought this SKU (product key) in any order. */
  readonly boughtSku?: string;
}

export const CUSTOMER_SORTS = ['spend', 'orders', 'last', 'first', 'id', 'clv', 'p_alive'] as const;
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
  /** From the latest analysis; null before the first `huitou analyze`. */
  readonly labels: CustomerLabels | null;
}

export interface CustomerLabels {
  readonly rScore: number | null;
  readonly fScore: number | null;
  readonly mScore: number | null;
  readonly segment: string | null;
  readonly lifecycle: string | null;
  readonly customerType: string;
  readonly tier: string;
  readonly pAlive: number | null;
  readonly expected90: number | null;
  readonly clv: number | null;
  readonly nextOrder: string | null;
  readonly churnRisk: string | null;
}

const SORT_SQL: Readonly<Record<CustomerSort, string>> = {
  spend: 'net_spend',
  orders: 'valid_orders',
  last: 'last_order_ms',
  first: 'first_order_ms',
  id: 'c.customer_id',
  clv: 'a.clv',
  p_alive: 'a.p_alive',
};

/** Conditions on the latest analysis's labels and scores (customer_analysis, alias `a`), values bound through `bind`. */
function labelConditions(filter: CustomerFilter, bind: (v: SqlValue) => string): string[] {
  const out: string[] = [];
  const labels: ['segment' | 'lifecycle' | 'customerType' | 'tier' | 'churnRisk', string][] = [
    ['segment', 'a.rfm_segment'],
    ['lifecycle', 'a.lifecycle'],
    ['customerType', 'a.customer_type'],
    ['tier', 'a.tier'],
    ['churnRisk', 'a.churn_risk'],
  ];
  for (const [key, col] of labels) {
    const v = filter[key];
    if (v !== undefined) out.push(`${col} = ${bind(v)}`);
  }
  if (filter.minR !== undefined) out.push(`a.r_score >= ${bind(filter.minR)}`);
  if (filter.minF !== undefined) out.push(`a.f_score >= ${bind(filter.minF)}`);
  if (filter.minM !== undefined) out.push(`a.m_score >= ${bind(filter.minM)}`);
  if (filter.maxPAlive !== undefined) out.push(`a.p_alive <= ${bind(filter.maxPAlive)}`);
  return out;
}

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
    where.push(searchMatchSql('c', bind(filter.search.toLowerCase())));
  }
  if (filter.province !== undefined) where.push(`c.province = ${bind(filter.province)}`);
  if (filter.city !== undefined) where.push(`c.city = ${bind(filter.city)}`);
  if (filter.minOrders !== undefined) where.push(`coalesce(s.valid_orders, 0) >= ${bind(filter.minOrders)}`);
  if (filter.maxOrders !== undefined) where.push(`coalesce(s.valid_orders, 0) <= ${bind(filter.maxOrders)}`);
  if (filter.minSpend !== undefined) where.push(`coalesce(s.net_spend, 0) >= ${bind(filter.minSpend)}`);
  if (filter.maxSpend !== undefined) where.push(`coalesce(s.net_spend, 0) <= ${bind(filter.maxSpend)}`);
  if (filter.lastOrderFromMs !== undefined) where.push(`s.last_order_ms >= ${bind(filter.lastOrderFromMs)}`);
  if (filter.lastOrderToMs !== undefined) where.push(`s.last_order_ms < ${bind(filter.lastOrderToMs)}`);
  where.push(...labelConditions(filter, bind));
  if (filter.dueSku !== undefined || filter.dueState !== undefined) {
    const conds = ['d.shop_id = c.shop_id', 'd.customer_id = c.customer_id'];
    if (filter.dueSku !== undefined) conds.push(`d.product_key = ${bind(filter.dueSku)}`);
    conds.push(filter.dueState !== undefined ? `d.state = ${bind(filter.dueState)}` : `d.state IN ('due_soon', 'due', 'overdue')`);
    where.push(`EXISTS (SELECT 1 FROM customer_sku_due d WHERE ${conds.join(' AND ')})`);
  }
  if (filter.boughtSku !== undefined) {
    where.push(
      `EXISTS (SELECT 1 FROM orders o2 JOIN order_lines l2 ON l2.shop_id = o2.shop_id AND l2.order_key = o2.order_key
               WHERE o2.shop_id = c.shop_id AND o2.customer_id = c.customer_id AND l2.product_key = ${bind(filter.boughtSku)})`,
    );
  }
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
    LEFT JOIN customer_analysis a ON a.shop_id = c.shop_id AND a.customer_id = c.customer_id
    WHERE ${where.join(' AND ')}`;
  const { total } = await getOneOrThrow<{ total: number }>(db, `SELECT count(*) AS total ${from}`, params);
  const dir = page.descending ? 'DESC NULLS LAST' : 'ASC NULLS LAST';
  const rows = await db.all<Record<string, unknown>>(
    `SELECT c.customer_id, c.key_kind, c.key_value, c.nick, c.name, c.phone, c.phone_masked, c.email, c.province, c.city,
       CAST(c.birthday AS VARCHAR) AS birthday, coalesce(s.orders, 0) AS orders, coalesce(s.valid_orders, 0) AS valid_orders,
       CAST(coalesce(s.net_spend, 0) AS DOUBLE PRECISION) AS net_spend, s.first_order_ms, s.last_order_ms,
       a.r_score, a.f_score, a.m_score, a.rfm_segment, a.lifecycle, a.customer_type, a.tier, a.p_alive, a.expected_90, a.clv,
       CAST(a.next_order AS VARCHAR) AS next_order, a.churn_risk
     ${from} ORDER BY ${SORT_SQL[page.sort]} ${dir}, c.customer_id LIMIT ${Math.floor(page.limit)} OFFSET ${Math.floor(page.offset)}`,
    params,
  );
  return {
    total,
    rows: rows.map((r) => ({
      customerId: Number(r['customer_id']),
      keyKind: String(r['key_kind']),
      keyValue: String(r['key_value']),
      nick: textOrNull(r['nick']),
      name: textOrNull(r['name']),
      phone: textOrNull(r['phone']),
      phoneMasked: textOrNull(r['phone_masked']),
      email: textOrNull(r['email']),
      province: textOrNull(r['province']),
      city: textOrNull(r['city']),
      birthday: textOrNull(r['birthday']),
      orders: Number(r['orders']),
      validOrders: Number(r['valid_orders']),
      netSpend: Number(r['net_spend']),
      firstOrderMs: r['first_order_ms'] === null ? null : Number(r['first_order_ms']),
      lastOrderMs: r['last_order_ms'] === null ? null : Number(r['last_order_ms']),
      labels: r['customer_type'] === null || r['customer_type'] === undefined ? null : labelsOf(r),
    })),
  };
}

/** The labels and scores of an analysed customer row (customer_analysis columns). */
function labelsOf(r: Row): CustomerLabels {
  return {
    rScore: numberOrNull(r['r_score']),
    fScore: numberOrNull(r['f_score']),
    mScore: numberOrNull(r['m_score']),
    segment: textOrNull(r['rfm_segment']),
    lifecycle: textOrNull(r['lifecycle']),
    customerType: String(r['customer_type']),
    tier: String(r['tier']),
    pAlive: numberOrNull(r['p_alive']),
    expected90: numberOrNull(r['expected_90']),
    clv: numberOrNull(r['clv']),
    nextOrder: textOrNull(r['next_order']),
    churnRisk: textOrNull(r['churn_risk']),
  };
}

/** A customer row whose order stats and labels come from the latest analysis (days in the shop's zone). */
export interface AnalysedCustomerRow extends Omit<CustomerRow, 'firstOrderMs' | 'lastOrderMs' | 'labels'> {
  readonly firstOrder: string | null;
  readonly lastOrder: string | null;
  readonly labels: CustomerLabels;
}

/** customer_analysis column counting a customer's SKUs in each due state. */
const DUE_COUNT_COLUMNS: Readonly<Record<string, string>> = { due_soon: 'due_soon_skus', due: 'due_skus', overdue: 'overdue_skus' };

const ANALYSED_SORT_SQL: Readonly<Record<CustomerSort, string>> = {
  spend: 'a.net_spend',
  orders: 'a.valid_orders',
  last: 'a.last_order',
  first: 'a.first_order',
  id: 'a.customer_id',
  clv: 'a.clv',
  p_alive: 'a.p_alive',
};

/**
 * The customer list read from the latest analysis (customer_analysis): order stats and labels as of the
 * analysis day, so no aggregation over the orders. A count and a top-N over one columnar table, then the
 * page's identities by primary key; filters on the customer table (search, province, city) become one
 * semi-join, evaluated once. Customers imported since the analysis appear after the next one.
 * `boughtSku` and the last-order instants are not supported here (use listCustomers).
 */
export async function listAnalysedCustomers(
  db: Db,
  shopId: number,
  filter: Omit<CustomerFilter, 'boughtSku' | 'lastOrderFromMs' | 'lastOrderToMs'>,
  page: CustomerPage,
): Promise<{ total: number; rows: AnalysedCustomerRow[] }> {
  const params: SqlValue[] = [shopId];
  const bind = (v: SqlValue) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = ['a.shop_id = $1'];
  const customerWhere: string[] = [];
  if (filter.search !== undefined && filter.search !== '') {
    customerWhere.push(searchMatchSql('c', bind(filter.search.toLowerCase())));
  }
  if (filter.province !== undefined) customerWhere.push(`c.province = ${bind(filter.province)}`);
  if (filter.city !== undefined) customerWhere.push(`c.city = ${bind(filter.city)}`);
  if (filter.minOrders !== undefined) where.push(`a.valid_orders >= ${bind(filter.minOrders)}`);
  if (filter.maxOrders !== undefined) where.push(`a.valid_orders <= ${bind(filter.maxOrders)}`);
  if (filter.minSpend !== undefined) where.push(`a.net_spend >= ${bind(filter.minSpend)}`);
  if (filter.maxSpend !== undefined) where.push(`a.net_spend <= ${bind(filter.maxSpend)}`);
  where.push(...labelConditions(filter, bind));
  if (filter.dueSku !== undefined) {
    const conds = ['d.shop_id = $1', `d.product_key = ${bind(filter.dueSku)}`];
    conds.push(filter.dueState !== undefined ? `d.state = ${bind(filter.dueState)}` : `d.state IN ('due_soon', 'due', 'overdue')`);
    where.push(`a.customer_id IN (SELECT d.customer_id FROM customer_sku_due d WHERE ${conds.join(' AND ')})`);
  } else if (filter.dueState !== undefined) {
    // The analysis stores per customer how many SKUs are in each state (the same rows as customer_sku_due).
    const count = DUE_COUNT_COLUMNS[filter.dueState];
    where.push(count === undefined ? 'false' : `a.${count} > 0`);
  }
  if (filter.customerIds !== undefined) {
    where.push(filter.customerIds.length === 0 ? 'false' : `a.customer_id IN (${filter.customerIds.map((id) => bind(id)).join(', ')})`);
  }
  if (customerWhere.length > 0) where.push(`a.customer_id IN (SELECT c.customer_id FROM customers c WHERE c.shop_id = $1 AND ${customerWhere.join(' AND ')})`);
  const semiJoin = customerWhere.length > 0 || filter.dueSku !== undefined;
  const dir = page.descending ? 'DESC NULLS LAST' : 'ASC NULLS LAST';
  const columns = `a.customer_id, a.orders, a.valid_orders, CAST(a.net_spend AS DOUBLE PRECISION) AS net_spend,
    CAST(a.first_order AS VARCHAR) AS first_order, CAST(a.last_order AS VARCHAR) AS last_order,
    a.r_score, a.f_score, a.m_score, a.rfm_segment, a.lifecycle, a.customer_type, a.tier, a.p_alive, a.expected_90, a.clv,
    CAST(a.next_order AS VARCHAR) AS next_order, a.churn_risk`;
  const order = `ORDER BY ${ANALYSED_SORT_SQL[page.sort]} ${dir}, a.customer_id LIMIT ${Math.floor(page.limit)} OFFSET ${Math.floor(page.offset)}`;
  let total: number | null = null;
  let rows: Record<string, unknown>[];
  if (semiJoin) {
    // The semi-join (a substring search over a million names, a scan of the due states) is the expensive part: run it once.
    rows = await db.all(
      `WITH m AS MATERIALIZED (SELECT ${columns} FROM customer_analysis a WHERE ${where.join(' AND ')})
       SELECT a.*, (SELECT count(*) FROM m) AS total FROM m a ${order}`,
      params,
    );
    if (rows.length > 0) total = Number(rows[0]?.['total']);
  } else {
    rows = await db.all(`SELECT ${columns} FROM customer_analysis a WHERE ${where.join(' AND ')} ${order}`, params);
  }
  if (total === null) total = (await getOneOrThrow<{ total: number }>(db, `SELECT count(*) AS total FROM customer_analysis a WHERE ${where.join(' AND ')}`, params)).total;
  const ids = rows.map((r) => Number(r['customer_id']));
  const identities = new Map<number, Record<string, unknown>>();
  if (ids.length > 0) {
    const found = await db.all(
      `SELECT customer_id, key_kind, key_value, nick, name, phone, phone_masked, email, province, city, CAST(birthday AS VARCHAR) AS birthday
       FROM customers WHERE shop_id = $1 AND customer_id IN (${ids.map((_, i) => `$${i + 2}`).join(', ')})`,
      [shopId, ...ids],
    );
    for (const r of found) identities.set(Number(r['customer_id']), r);
  }
  return {
    total: Number(total),
    rows: rows.map((r) => {
      const c = identities.get(Number(r['customer_id'])) ?? {};
      return {
        customerId: Number(r['customer_id']),
        keyKind: String(c['key_kind'] ?? ''),
        keyValue: String(c['key_value'] ?? ''),
        nick: textOrNull(c['nick']),
        name: textOrNull(c['name']),
        phone: textOrNull(c['phone']),
        phoneMasked: textOrNull(c['phone_masked']),
        email: textOrNull(c['email']),
        province: textOrNull(c['province']),
        city: textOrNull(c['city']),
        birthday: textOrNull(c['birthday']),
        orders: Number(r['orders']),
        validOrders: Number(r['valid_orders']),
        netSpend: Number(r['net_spend']),
        firstOrder: textOrNull(r['first_order']),
        lastOrder: textOrNull(r['last_order']),
        labels: labelsOf(r),
      };
    }),
  };
}
