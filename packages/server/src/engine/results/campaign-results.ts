/**
 * campaignResults: what each campaign earned against its holdout, computed from the current orders at read
 * time — importing newer orders changes the result, nothing is cached. Two aggregate queries (groups and
 * windows; coupon redemptions) plus the occurrences; statistics in core.
 */
import type { Db } from '../../store/database.ts';
import { isWindowDays } from '../campaigns/parse-attribution.ts';
import { armStats } from './arm-stats.ts';
import { assembleResults } from './assemble-results.ts';
import type { OccurrenceMeta } from './assemble-results.ts';
import { scopeCampaigns } from './campaign-scope.ts';
import { RESULT_METHODS } from './result-methods.ts';
import { redemptions } from './redemptions.ts';
import type { CampaignResults } from './results-types.ts';

export interface CampaignResultsOptions {
  /** One campaign by key; all of the shop's campaigns when absent. */
  readonly campaignKey?: string;
  /** Attribution window in days (1–90) for every campaign, overriding each definition's `attribution.windowDays` (default 7). */
  readonly windowDays?: number;
  /** Gross margin as a share of revenue, above 0 and at most 1 (default 0.3; the CLI passes HUITOU_GROSS_MARGIN). */
  readonly grossMargin?: number;
  /** The clock, for which windows are still open (default Date.now()). */
  readonly nowMs?: number;
}

export const DEFAULT_GROSS_MARGIN = 0.3;

/**
 * What each campaign earned against its holdout: per campaign → per occurrence → per channel and variant,
 * reach, conversion, revenue and coupon redemptions for the treated group (intent to treat: every touch
 * planning queued) and the holdout, the uplift in conversion rate (absolute with Newcombe's interval,
 * relative with Katz's) and in revenue per customer (Welch), incremental revenue and margin, cost (messages
 * plus redeemed coupons) and ROI. Money in yuan with 2 decimals; `methods` names every method in the result.
 *
 * A customer's valid orders in [send time, send time + window) count — for holdout, from the time the
 * message would have gone out. Orders redeeming a code the campaign issued count as redemptions whoever
 * placed them and whenever. Computed from current orders on every call.
 *
 * Throws CampaignNotFoundError (code `no_campaign`) for an unknown `campaignKey`, and RangeError for a
 * `windowDays` or `grossMargin` out of range. Read-only: safe on any connection.
 *
 * @example
 *   const all = await campaignResults(db, shop.shopId, { grossMargin: config.grossMargin });
 *   const one = await campaignResults(db, shop.shopId, { campaignKey: 'winback', windowDays: 14 });
 */
export async function campaignResults(db: Db, shopId: number, options: CampaignResultsOptions = {}): Promise<CampaignResults> {
  const { campaignKey, windowDays } = options;
  const grossMargin = options.grossMargin ?? DEFAULT_GROSS_MARGIN;
  const nowMs = options.nowMs ?? Date.now();
  if (windowDays !== undefined && !isWindowDays(windowDays)) throw new RangeError(`windowDays must be a whole number of days from 1 to 90, got ${windowDays}`);
  if (!(grossMargin > 0 && grossMargin <= 1)) throw new RangeError(`grossMargin must be above 0 and at most 1, got ${grossMargin}`);
  const campaigns = await scopeCampaigns(db, shopId, campaignKey, windowDays);
  const scope = campaigns.map((c) => ({ campaignId: c.campaignId, windowDays: c.windowDays }));
  const occurrences = await loadOccurrences(db, scope.map((s) => s.campaignId));
  const stats = await armStats(db, shopId, scope, nowMs);
  const redeemed = await redemptions(db, shopId, scope);
  return {
    shopId,
    computedAt: new Date(nowMs).toISOString(),
    currency: 'CNY',
    grossMargin,
    windowDaysOverride: windowDays ?? null,
    methods: RESULT_METHODS,
    campaigns: assembleResults(campaigns, occurrences, stats, redeemed, grossMargin),
  };
}

async function loadOccurrences(db: Db, campaignIds: readonly number[]): Promise<OccurrenceMeta[]> {
  if (campaignIds.length === 0) return [];
  const rows = await db.all(
    `SELECT occurrence_id, campaign_id, occurrence_key, CAST(extract(epoch FROM planned_at) * 1000 AS DOUBLE PRECISION) AS planned_ms
     FROM campaign_occurrences WHERE campaign_id IN (${campaignIds.map((_, i) => `$${i + 1}`).join(', ')})
     ORDER BY planned_at, occurrence_key`,
    [...campaignIds],
  );
  return rows.map((r) => ({ occurrenceId: Number(r['occurrence_id']), campaignId: Number(r['campaign_id']), key: String(r['occurrence_key']), plannedAtMs: Number(r['planned_ms']) }));
}
