/** GET /shops/:shop/customers (filters, sort, paging) and GET /shops/:shop/customers/:id (the profile). */
import { findLatestRun } from '../../reports/report-queries.ts';
import { findCustomerProfile, parseTopSkus } from '../../store/repositories/customer-profile.repository.ts';
import { listAnalysedCustomers, listCustomers } from '../../store/repositories/customer.repository.ts';
import type { CustomerFilter } from '../../store/repositories/customer.repository.ts';
import type { ApiDeps } from '../api-deps.ts';
import { isoInstant } from '../contract/common.ts';
import { customerListQuerySchema, customerListSchema, customerParamsSchema, customerProfileSchema } from '../contract/customers.ts';
import type { CustomerProfileView, CustomerRowView } from '../contract/customers.ts';
import { HttpError, notFound } from '../http-error.ts';
import { maskIdentity, personalDataFor } from '../personal-data.ts';
import type { RouteRegistry } from '../route-registry.ts';
import { noAnalysis, shopOrThrow } from '../shop-param.ts';
import { shopParamsSchema } from '../contract/shops.ts';

const READ = { role: 'analyst', scope: 'read' } as const;
const LABEL_FILTERS = ['segment', 'lifecycle', 'customerType', 'tier', 'churnRisk', 'dueState', 'dueSku', 'minR', 'minF', 'minM', 'maxPAlive'] as const;

export function registerCustomerRoutes(registry: RouteRegistry, deps: ApiDeps): void {
  registry.add({
    method: 'get', path: '/api/shops/:shop/customers', tag: 'customers',
    summary: 'Customers with their order stats and labels; filter on every label, sort, page. Analysts search by customer id only.',
    access: READ, params: shopParamsSchema, query: customerListQuerySchema, response: customerListSchema,
    handler: async (c, { params, query }) => {
      const pd = personalDataFor(c.get('principal'));
      const { sort, desc, limit, offset, search, ...rest } = query;
      const filter: CustomerFilter = { ...dropUndefined(rest) };
      let searchFilter: Partial<CustomerFilter> = {};
      if (search !== undefined && search !== '') {
        if (!pd.whole) {
          if (!/^\d{1,16}$/.test(search)) {
            throw new HttpError('forbidden', 'analysts can search by customer id only (personal data stays masked)', '分析员只能按客户编号搜索（个人信息保持脱敏）', [
              { path: 'query.search', message: 'a customer id (digits)', messageZh: '客户编号（数字）' },
            ]);
          }
          searchFilter = { customerIds: [Number(search)] };
        } else {
          searchFilter = { search };
        }
      }
      const page = { sort, descending: desc, limit, offset };
      return deps.pool.use(async (db) => {
        const shop = await shopOrThrow(db, params.shop);
        const run = await findLatestRun(db, shop.shopId);
        let rows: CustomerRowView[];
        let total: number;
        if (run !== undefined) {
          const result = await listAnalysedCustomers(db, shop.shopId, { ...filter, ...searchFilter }, page);
          total = result.total;
          rows = result.rows.map((r) => ({
            id: r.customerId, keyKind: r.keyKind, keyValue: r.keyValue, nick: r.nick, name: r.name, phone: r.phone ?? r.phoneMasked, email: r.email,
            province: r.province, city: r.city, orders: r.orders, validOrders: r.validOrders, netSpend: r.netSpend, firstOrder: r.firstOrder, lastOrder: r.lastOrder,
            labels: r.labels,
          }));
        } else {
          if (LABEL_FILTERS.some((k) => query[k] !== undefined) || sort === 'clv' || sort === 'p_alive') throw noAnalysis(shop);
          const result = await listCustomers(db, shop.shopId, { ...filter, ...searchFilter }, page);
          total = result.total;
          const day = (ms: number | null) => (ms === null ? null : dayIn(ms, shop.timeZone));
          rows = result.rows.map((r) => ({
            id: r.customerId, keyKind: r.keyKind, keyValue: r.keyValue, nick: r.nick, name: r.name, phone: r.phone ?? r.phoneMasked, email: r.email,
            province: r.province, city: r.city, orders: r.orders, validOrders: r.validOrders, netSpend: r.netSpend, firstOrder: day(r.firstOrderMs), lastOrder: day(r.lastOrderMs),
            labels: r.labels,
          }));
        }
        return { total, rows: rows.map((r) => maskIdentity(r, pd)), source: run === undefined ? 'orders' : 'analysis', asOf: run?.asOf ?? null } as const;
      });
    },
  });

  registry.add({
    method: 'get', path: '/api/shops/:shop/customers/:id', tag: 'customers',
    summary: 'A customer profile: identity, facts, labels, tier, predictions, recommendations, orders, consent, touches received and skipped',
    access: READ, params: customerParamsSchema, response: customerProfileSchema,
    handler: async (c, { params }) => {
      const pd = personalDataFor(c.get('principal'));
      return deps.pool.use(async (db) => {
        const shop = await shopOrThrow(db, params.shop);
        const run = await findLatestRun(db, shop.shopId);
        const p = await findCustomerProfile(db, shop.shopId, params.id, { orders: 50, touches: 50 });
        if (p === undefined) throw notFound(`customer ${params.id}`, `客户 ${params.id}`);
        const a = p.analysis;
        const n = (k: string): number | null => (a?.[k] === null || a?.[k] === undefined ? null : Number(a[k]));
        const s = (k: string): string | null => (a?.[k] === null || a?.[k] === undefined ? null : String(a[k]));
        const id = p.identity;
        const identity = maskIdentity(
          { id: id.customerId, keyKind: id.keyKind, keyValue: id.keyValue, nick: id.nick, name: id.name, phone: id.phone ?? id.phoneMasked, email: id.email, province: id.province, city: id.city },
          pd,
        );
        const topSkus = parseTopSkus(s('top_skus'));
        const dueSkus = new Set(p.due.map((d) => d.sku));
        const profile: CustomerProfileView = {
          asOf: run?.asOf ?? null,
          customer: {
            ...identity, district: id.district, birthday: pd.birthday(id.birthday), timeZone: id.timeZone,
            identities: p.identities.map((i) => ({ kind: i.kind, value: pd.key(i.kind, i.value) })),
          },
          facts: a === undefined ? null : {
            orders: Number(a['orders']), validOrders: Number(a['valid_orders']), purchaseDays: Number(a['purchase_days']), firstOrder: s('first_order'), lastOrder: s('last_order'),
            recencyDays: n('recency_days'), netSpend: Number(a['net_spend']), avgOrderValue: n('avg_order_value'), items: Number(a['items']),
            refundOrders: Number(a['refund_orders']), refundAmount: Number(a['refund_amount']), meanIntervalDays: n('mean_interval_days'),
            medianIntervalDays: n('median_interval_days'), cycleDays: n('cycle_days'), topSkus,
          },
          labels: a === undefined ? null : {
            rScore: n('r_score'), fScore: n('f_score'), mScore: n('m_score'), segment: s('rfm_segment'), lifecycle: s('lifecycle'), customerType: String(a['customer_type']),
            tier: String(a['tier']), pAlive: n('p_alive'), expected90: n('expected_90'), clv: n('clv'), nextOrder: s('next_order'), churnRisk: s('churn_risk'),
          },
          tier: a === undefined ? null : { code: String(a['tier']), discount: n('tier_discount'), since: s('tier_since'), history: p.tierHistory },
          predictions: a === undefined ? null : {
            pAlive: n('p_alive'), expected30: n('expected_30'), expected90: n('expected_90'), expected365: n('expected_365'),
            expectedOrderValue: n('expected_order_value'), clv: n('clv'), nextOrder: s('next_order'), churnRisk: s('churn_risk'),
          },
          recommendations: [
            ...p.due.filter((d) => d.state !== 'not_due').map((d) => ({ sku: d.sku, title: p.skuTitles.get(d.sku) ?? null, reason: 'replenishment' as const, state: d.state, dueOn: d.dueOn, lastPurchase: d.lastPurchase })),
            ...topSkus.filter((sku) => !dueSkus.has(sku)).map((sku) => ({ sku, title: p.skuTitles.get(sku) ?? null, reason: 'favourite' as const, state: null, dueOn: null, lastPurchase: null })),
          ],
          orders: {
            total: p.orders.total,
            rows: p.orders.rows.map((o) => ({
              platform: o.platform, orderNo: o.orderNo, orderTime: isoInstant(o.orderTimeMs), paidTime: o.paidTimeMs === null ? null : isoInstant(o.paidTimeMs),
              status: o.status, valid: o.valid, amount: o.amount, refund: o.refund, couponCode: o.couponCode, lines: o.lines,
            })),
          },
          consent: p.consent.map((e) => ({ channel: e.channel, status: e.status, source: e.source, wording: e.wording, recordedAt: isoInstant(e.recordedAtMs) })),
          suppressions: p.suppressions.map((x) => ({ channel: x.channel, address: pd.address(x.channel, x.address) ?? '', reason: x.reason, createdAt: isoInstant(x.createdAtMs) })),
          touches: {
            total: p.touches.total,
            rows: p.touches.rows.map((t) => ({
              touchId: t.touchId, campaignKey: t.campaignKey, campaignName: t.campaignName, occurrenceKey: t.occurrenceKey, channel: t.channel, kind: t.kind,
              variant: t.variant, status: t.status, skipReason: t.skipReason, offerCode: t.offerCode, notBefore: isoInstant(t.notBeforeMs),
              sentAt: t.sentAtMs === null ? null : isoInstant(t.sentAtMs), createdAt: isoInstant(t.createdAtMs), lastError: pd.text(t.lastError),
            })),
          },
        };
        return profile;
      });
    },
  });
}

function dropUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

function dayIn(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

