/** GET /shops (with headline counts) and POST /shops/:shop/analyze. */
import { parseDay } from '@huitou/core';
import { defaultAnalysisOptions } from '../../analysis/analysis-options.ts';
import { runAnalysis } from '../../analysis/run-analysis.ts';
import { findLatestRun } from '../../reports/report-queries.ts';
import { smsSignProblem } from '../../engine/channels/sms/sms-sign.ts';
import { listShops, resolveSmsSign, setShopSmsSign } from '../../store/repositories/shop.repository.ts';
import type { ApiDeps } from '../api-deps.ts';
import { audit } from '../auth/audit.ts';
import { analyzeBodySchema, analyzeResponseSchema, shopListSchema, shopParamsSchema, smsSignBodySchema, smsSignResponseSchema } from '../contract/shops.ts';
import type { ShopSummaryView } from '../contract/shops.ts';
import { HttpError } from '../http-error.ts';
import type { RouteRegistry } from '../route-registry.ts';
import { runCreatedIso, shopOrThrow, shopToday } from '../shop-param.ts';

export function registerShopRoutes(registry: RouteRegistry, deps: ApiDeps): void {
  registry.add({
    method: 'get', path: '/api/shops', tag: 'shops', summary: 'Shops with headline counts and their latest analysis',
    access: { role: 'analyst', scope: 'read' },
    response: shopListSchema,
    handler: async () =>
      deps.pool.use(async (db) => {
        const shops = await listShops(db);
        // Counts per shop in three grouped scans (customers, orders, campaigns); buyer counts from the stored analysis run.
        const counts = async (sql: string) => new Map((await db.all(sql)).map((r) => [Number(r['shop_id']), Number(r['n'])]));
        const customers = await counts(`SELECT shop_id, count(*) AS n FROM customers GROUP BY shop_id`);
        const orders = await counts(`SELECT shop_id, count(*) AS n FROM orders GROUP BY shop_id`);
        const campaigns = await counts(`SELECT shop_id, count(*) AS n FROM campaigns GROUP BY shop_id`);
        const rows: ShopSummaryView[] = [];
        for (const shop of shops) {
          const run = await findLatestRun(db, shop.shopId);
          const summary = run === undefined ? null : await runSummary(db, run.runId);
          rows.push({
            name: shop.name, timeZone: shop.timeZone, customers: customers.get(shop.shopId) ?? 0, orders: orders.get(shop.shopId) ?? 0,
            buyers: summary?.buyers ?? null, repeatBuyers: summary?.repeatBuyers ?? null, netRevenue: summary?.netRevenue ?? null,
            lastAnalysis: run === undefined ? null : { runId: run.runId, asOf: run.asOf, createdAt: runCreatedIso(run.createdAt) },
            campaigns: campaigns.get(shop.shopId) ?? 0,
            ...resolveSmsSign(shop, deps.config.sms.signName),
          });
        }
        return { total: rows.length, rows };
      }),
  });

  registry.add({
    method: 'put', path: '/api/shops/:shop/sms-sign', tag: 'shops',
    summary: "Sets (or, with null, removes) the shop's own SMS signature; campaign texts must carry the shop's signature as 【…】",
    access: { role: 'owner', scope: 'campaigns' },
    params: shopParamsSchema, body: smsSignBodySchema, response: smsSignResponseSchema,
    handler: async (c, { params, body }) =>
      deps.pool.use(async (db) => {
        const wanted = body.smsSign === null ? null : body.smsSign.trim();
        if (wanted !== null) {
          const problem = smsSignProblem(wanted);
          if (problem !== null) throw new HttpError('validation_failed', problem.en, problem.zh, [{ path: 'smsSign', message: problem.en, messageZh: problem.zh }]);
        }
        const stored = await setShopSmsSign(db, await shopOrThrow(db, params.shop), wanted);
        await audit(db, c.get('principal'), 'shop.sms_sign', `shop:${stored.name}`, { smsSign: wanted }, c, deps.now());
        return { shop: stored.name, ...resolveSmsSign(stored, deps.config.sms.signName) };
      }),
  });

  registry.add({
    method: 'post', path: '/api/shops/:shop/analyze', tag: 'shops',
    summary: 'Runs the analysis (labels, models, KPIs, cohorts) as of a day; answers when it is stored',
    access: { role: 'operator', scope: 'import' },
    params: shopParamsSchema, body: analyzeBodySchema, response: analyzeResponseSchema,
    handler: async (c, { params, body }) =>
      deps.pool.use(async (db) => {
        const shop = await shopOrThrow(db, params.shop);
        const asOf = body.asOf ?? shopToday(shop, deps.now());
        const t0 = performance.now();
        const run = await runAnalysis(db, shop.shopId, shop.timeZone, defaultAnalysisOptions(parseDay(asOf)));
        const ms = Math.round(performance.now() - t0);
        await audit(db, c.get('principal'), 'analysis.run', `shop:${shop.name}`, { runId: run.runId, asOf, ms }, c, deps.now());
        const stored = await findLatestRun(db, shop.shopId);
        const d = run.details;
        return {
          run: { runId: run.runId, asOf: d.asOf, createdAt: runCreatedIso(stored?.createdAt ?? '') },
          summary: run.summary, segments: d.segments, lifecycle: d.lifecycle, customerTypes: d.customerTypes, tiers: d.tiers,
          churnRisk: d.models.churnRisk, modelError: d.models.error, ms,
        };
      }),
  });
}

async function runSummary(db: Parameters<typeof findLatestRun>[0], runId: number): Promise<{ buyers: number; repeatBuyers: number; netRevenue: number } | null> {
  const [row] = await db.all<{ summary: string }>(`SELECT summary FROM analysis_runs WHERE run_id = $1`, [runId]);
  try {
    const doc = JSON.parse(row?.summary ?? 'null') as { summary?: { buyers?: unknown; repeatBuyers?: unknown; netRevenue?: unknown } } | null;
    const s = doc?.summary ?? null;
    if (s === null || typeof s.buyers !== 'number' || typeof s.repeatBuyers !== 'number' || typeof s.netRevenue !== 'number') return null;
    return { buyers: s.buyers, repeatBuyers: s.repeatBuyers, netRevenue: s.netRevenue };
  } catch {
    return null;
  }
}
