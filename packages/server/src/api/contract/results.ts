/**
 * Campaign results: treated versus holdout per campaign, occurrence and variant, with uplift and ROI, as
 * engine/results computes them (see its results-types.ts for what each figure means; `methods` says it in
 * words). Money in yuan, rates as fractions, instants as ISO text.
 */
import { z } from 'zod';

export const resultsQuerySchema = z.strictObject({
  /** Attribution window in days for every campaign (default: each campaign's own, else 7). */
  window: z.coerce.number().int().min(1).max(90).optional(),
  /** Gross margin used for incremental margin and ROI, above 0 and at most 1 (default 0.3). */
  grossMargin: z.coerce.number().gt(0).max(1).optional(),
});

const interval = z.object({ estimate: z.number(), lower: z.number(), upper: z.number() });

const armSchema = z.object({
  customers: z.number().int(), sent: z.number().int(), failed: z.number().int(), pending: z.number().int(), dropped: z.number().int(),
  conversions: z.number().int(), conversionRate: z.number().nullable(), orders: z.number().int(), revenue: z.number(),
  revenuePerCustomer: z.number().nullable(), openWindows: z.number().int(),
});

const comparisonSchema = z.object({
  treated: armSchema,
  holdout: armSchema,
  redemptions: z.object({ orders: z.number().int(), byRecipient: z.number().int(), byOthers: z.number().int(), outsideWindow: z.number().int(), revenue: z.number(), couponCost: z.number() }),
  attributedRevenue: z.number(),
  uplift: z
    .object({
      treatedRate: z.number(), holdoutRate: z.number(), absolute: interval, relative: interval.nullable(),
      revenuePerCustomer: interval.extend({ df: z.number() }).nullable(),
    })
    .nullable(),
  upliftUnavailable: z.enum(['no_holdout', 'no_treated']).nullable(),
  incremental: z.object({ conversions: z.number().nullable(), revenue: interval.nullable(), margin: z.number().nullable() }),
  cost: z.object({ messages: z.number(), coupons: z.number(), total: z.number() }),
  roi: z.number().nullable(),
  roiUnavailable: z.enum(['no_uplift', 'no_cost']).nullable(),
});
export type ComparisonView = z.infer<typeof comparisonSchema>;

export const campaignResultSchema = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.enum(['care', 'marketing']),
  holdoutShare: z.number(),
  windowDays: z.number().int(),
  totals: comparisonSchema,
  occurrences: z.array(
    z.object({
      key: z.string(), plannedAt: z.string(), windowFrom: z.string().nullable(), windowTo: z.string().nullable(), totals: comparisonSchema,
      variants: z.array(z.object({ channel: z.string(), variant: z.string(), comparison: comparisonSchema })).readonly(),
    }),
  ).readonly(),
});
export type CampaignResultView = z.infer<typeof campaignResultSchema>;

export const resultsResponseSchema = z.object({
  shopId: z.number().int(),
  computedAt: z.string(),
  currency: z.literal('CNY'),
  grossMargin: z.number(),
  windowDaysOverride: z.number().int().nullable(),
  methods: z.record(z.string(), z.string()),
  campaigns: z.array(campaignResultSchema).readonly(),
});
export type ResultsResponse = z.infer<typeof resultsResponseSchema>;
