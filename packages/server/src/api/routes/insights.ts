/**
 * Read-only views of the stored analysis: GET /shops/:shop/overview, /segments, /reports/:kind and the XLSX
 * export /reports/:kind/export (audited). All answer 409 no_analysis before the first analysis.
 */
import { buildReports } from '../../reports/build-reports.ts';
import { paretoCurve, rfmGrid, rollingKpis, storedLabelCounts } from '../../reports/overview-queries.ts';
import type { KpiPeriod, RollingPeriod } from '../../reports/overview-queries.ts';
import { cohortsReport, cyclesReport, lifecycleReport, rfmReport, tiersReport } from '../../reports/report-queries.ts';
import type { ReportKind } from '../../reports/report-queries.ts';
import { tableRecords } from '../../reports/report-table.ts';
import type { ReportTable } from '../../reports/report-table.ts';
import { reportWorkbook } from '../../reports/report-workbook.ts';
import type { ApiDeps } from '../api-deps.ts';
import { audit } from '../auth/audit.ts';
import { overviewQuerySchema, overviewSchema } from '../contract/overview.ts';
import { reportExportQuerySchema, reportParamsSchema, reportQuerySchema, reportResponseSchema } from '../contract/reports.ts';
import { segmentsQuerySchema, segmentsSchema } from '../contract/segments.ts';
import type { SegmentsView } from '../contract/segments.ts';
import { shopParamsSchema } from '../contract/shops.ts';
import type { RouteRegistry } from '../route-registry.ts';
import { latestRunOrThrow, shopOrThrow } from '../shop-param.ts';
import { z } from 'zod';

const READ = { role: 'analyst', scope: 'read' } as const;

export function registerInsightRoutes(registry: RouteRegistry, deps: ApiDeps): void {
  registry.add({
    method: 'get', path: '/api/shops/:shop/overview', tag: 'insights',
    summary: 'Old-customer KPIs of the last period (7, 30 or 90 days to the analysis day) against the previous one, a trend, label counts',
    access: READ, params: shopParamsSchema, query: overviewQuerySchema, response: overviewSchema,
    handler: async (_c, { params, query }) =>
      deps.pool.use(async (db) => {
        const shop = await shopOrThrow(db, params.shop);
        const run = await latestRunOrThrow(db, shop);
        const period = query.period as RollingPeriod;
        const periods = await rollingKpis(db, shop.shopId, period, query.points);
        const counts = await storedLabelCounts(db, run.runId);
        const current = periods[0] ?? null;
        const previous = periods[1] ?? null;
        return {
          asOf: run.asOf, runId: run.runId, period, current, previous, change: changeOf(current, previous), trend: [...periods].reverse(),
          totals: counts.totals, lifecycle: counts.lifecycle, segments: counts.segments, customerTypes: counts.customerTypes, churnRisk: counts.churnRisk,
        };
      }),
  });

  registry.add({
    method: 'get', path: '/api/shops/:shop/segments', tag: 'insights',
    summary: 'RFM grid and segments, lifecycle funnel, customer types, tier ladder, Pareto curve, cohort matrix, SKU cycles',
    access: READ, params: shopParamsSchema, query: segmentsQuerySchema, response: segmentsSchema,
    handler: async (_c, { params, query }) =>
      deps.pool.use(async (db): Promise<SegmentsView> => {
        const shop = await shopOrThrow(db, params.shop);
        const run = await latestRunOrThrow(db, shop);
        const rec = (t: ReportTable) => tableRecords(t);
        const n = (v: unknown): number => Number(v ?? 0);
        const nn = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
        const s = (v: unknown): string => String(v ?? '');
        const split = (label: unknown) => {
          const [zh = '', en = ''] = s(label).split(' / ');
          return { zh, en };
        };
        const segments = rec(await rfmReport(db, shop.shopId)).map((r) => ({
          code: s(r['code']), ...split(r['segment']), customers: n(r['customers']), share: nn(r['share']), avgRecencyDays: nn(r['avgRecencyDays']),
          avgOrders: nn(r['avgOrders']), avgSpend: nn(r['avgSpend']), revenue: n(r['revenue']), revenueShare: nn(r['revenueShare']),
        }));
        const lc = rec(await lifecycleReport(db, shop.shopId)).map((r) => ({
          group: s(r['group']), code: s(r['code']), ...split(r['label']), customers: n(r['customers']), share: nn(r['share']), revenue: n(r['revenue']),
        }));
        const strip = ({ group: _g, ...rest }: (typeof lc)[number]) => rest;
        const tiers = rec(await tiersReport(db, shop.shopId)).map((r) => ({
          tier: s(r['tier']), discount: nn(r['discount']), customers: n(r['customers']), revenue: n(r['revenue']), avgSpend: nn(r['avgSpend']),
          upgrades90d: n(r['upgrades90d']), downgrades90d: n(r['downgrades90d']),
        }));
        const cohortTable = await cohortsReport(db, shop.shopId, query.months, run.asOf);
        const cycles = rec(await cyclesReport(db, shop.shopId, query.skus)).map((r) => ({
          sku: s(r['sku']), title: r['title'] === null || r['title'] === undefined ? null : s(r['title']), medianDaysPerUnit: n(r['medianDaysPerUnit']),
          p25: n(r['p25']), p75: n(r['p75']), samples: n(r['samples']), customers: n(r['customers']), dueSoon: n(r['dueSoon']), due: n(r['due']), overdue: n(r['overdue']),
        }));
        return {
          asOf: run.asOf, runId: run.runId,
          rfmGrid: await rfmGrid(db, shop.shopId),
          segments,
          lifecycle: lc.filter((r) => r.group === 'lifecycle').map(strip),
          customerTypes: lc.filter((r) => r.group === 'type').map(strip),
          tiers,
          pareto: await paretoCurve(db, shop.shopId),
          cohorts: {
            months: query.months,
            rows: cohortTable.rows.map((r) => ({ cohort: s(r[0]), size: n(r[1]), retention: r.slice(2).map((v) => (v === null ? null : Number(v))) })),
          },
          skuCycles: cycles,
        };
      }),
  });

  registry.add({
    method: 'get', path: '/api/shops/:shop/reports/:kind', tag: 'insights',
    summary: 'Report tables (kpi, rfm, lifecycle, tiers, cycles, cohorts or all) as `huitou report --json` prints them',
    access: READ, params: reportParamsSchema, query: reportQuerySchema, response: reportResponseSchema,
    handler: async (_c, { params, query }) =>
      deps.pool.use(async (db) => {
        const shop = await shopOrThrow(db, params.shop);
        const run = await latestRunOrThrow(db, shop);
        const tables = await buildReports(db, shop.shopId, params.kind as ReportKind | 'all', { grain: query.grain, limit: query.limit, cohortMonths: query.months, asOf: run.asOf });
        return {
          shop: shop.name, asOf: run.asOf, runId: run.runId,
          reports: tables.map((t) => ({ key: t.key, title: { zh: t.zh, en: t.en }, columns: [...t.columns], rows: tableRecords(t) })),
        };
      }),
  });

  registry.add({
    method: 'get', path: '/api/shops/:shop/reports/:kind/export', tag: 'insights',
    summary: 'The report(s) as an XLSX workbook (headers in zh or en; formulas neutralised); audited as an export',
    access: READ, params: reportParamsSchema, query: reportExportQuerySchema, response: z.string().meta({ description: 'an XLSX workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)' }),
    handler: async (c, { params, query }) =>
      deps.pool.use(async (db) => {
        const shop = await shopOrThrow(db, params.shop);
        const run = await latestRunOrThrow(db, shop);
        const tables = await buildReports(db, shop.shopId, params.kind as ReportKind | 'all', { grain: query.grain, limit: query.limit, cohortMonths: query.months, asOf: run.asOf });
        const bytes = reportWorkbook(tables, query.lang);
        await audit(db, c.get('principal'), 'export', `shop:${shop.name}/report:${params.kind}`, { format: 'xlsx', asOf: run.asOf, tables: tables.map((t) => t.key) }, c, deps.now());
        const name = `huitou-${params.kind}-${run.asOf}.xlsx`;
        return new Response(bytes, {
          status: 200,
          headers: {
            'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'content-disposition': `attachment; filename="${name}"`,
          },
        });
      }),
  });
}

const COUNT_FIELDS = ['paymentAmount', 'netAmount', 'validOrders', 'payingBuyers', 'avgOrderValue', 'newBuyers', 'returningBuyers', 'repurchasingBuyers'] as const;
const SHARE_FIELDS = ['returningBuyerShare', 'returningRevenueShare', 'repurchaseRate'] as const;

/** Relative change for amounts and counts, difference (in share points, 0–1) for shares; null when not comparable. */
function changeOf(current: KpiPeriod | null, previous: KpiPeriod | null): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const k of COUNT_FIELDS) {
    const c = current?.[k] ?? null;
    const p = previous?.[k] ?? null;
    out[k] = c === null || p === null || p === 0 ? null : (c - p) / p;
  }
  for (const k of SHARE_FIELDS) {
    const c = current?.[k] ?? null;
    const p = previous?.[k] ?? null;
    out[k] = c === null || p === null ? null : c - p;
  }
  return out;
}
