/** GET /shops/:shop/results and /shops/:shop/campaigns/:key/results: treated vs holdout, uplift, ROI (engine/results). */
import { campaignResults, CampaignNotFoundError } from '../../engine/results/index.ts';
import type { ApiDeps } from '../api-deps.ts';
import { campaignParamsSchema } from '../contract/campaigns.ts';
import { resultsQuerySchema, resultsResponseSchema } from '../contract/results.ts';
import { shopParamsSchema } from '../contract/shops.ts';
import { notFound } from '../http-error.ts';
import type { RouteRegistry } from '../route-registry.ts';
import { shopOrThrow } from '../shop-param.ts';

const READ = { role: 'analyst', scope: 'read' } as const;

export function registerResultRoutes(registry: RouteRegistry, deps: ApiDeps): void {
  const results = (shopName: string, query: { window?: number | undefined; grossMargin?: number | undefined }, campaignKey?: string) =>
    deps.pool.use(async (db) => {
      const shop = await shopOrThrow(db, shopName);
      try {
        return await campaignResults(db, shop.shopId, {
          ...(campaignKey === undefined ? {} : { campaignKey }),
          ...(query.window === undefined ? {} : { windowDays: query.window }),
          ...(query.grossMargin === undefined ? {} : { grossMargin: query.grossMargin }),
          nowMs: deps.now(),
        });
      } catch (error) {
        if (error instanceof CampaignNotFoundError) throw notFound(`campaign "${campaignKey ?? ''}"`, `活动「${campaignKey ?? ''}」`);
        throw error;
      }
    });

  registry.add({
    method: 'get', path: '/api/shops/:shop/results', tag: 'results', summary: 'Results of every campaign: treated vs holdout per occurrence and variant, uplift with intervals, ROI',
    access: READ, params: shopParamsSchema, query: resultsQuerySchema, response: resultsResponseSchema,
    handler: async (_c, { params, query }) => results(params.shop, query),
  });

  registry.add({
    method: 'get', path: '/api/shops/:shop/campaigns/:key/results', tag: 'results', summary: 'One campaign\'s results: treated vs holdout per occurrence and variant, uplift, ROI',
    access: READ, params: campaignParamsSchema, query: resultsQuerySchema, response: resultsResponseSchema,
    handler: async (_c, { params, query }) => results(params.shop, query, params.key),
  });
}
