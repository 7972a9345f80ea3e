/** The segments page: RFM grid, segment table, lifecycle funnel, tier ladder, Pareto curve, cohorts, SKU cycles. */
import { z } from 'zod';
import { DaySchema } from './common.ts';

export const segmentsQuerySchema = z.strictObject({
  /** Months since first purchase in the cohort matrix. */
  months: z.coerce.number().int().min(1).max(36).default(12),
  /** SKU cycle rows (most samples first). */
  skus: z.coerce.number().int().min(1).max(500).default(50),
});

const shareOrNull = z.number().nullable();

export const segmentsSchema = z.object({
  asOf: DaySchema,
  runId: z.number().int(),
  /** Customers and spend per recency × frequency score (1–5 each); cells with nobody are left out. */
  rfmGrid: z.array(z.object({ r: z.number().int(), f: z.number().int(), customers: z.number().int(), spend: z.number(), avgSpend: z.number() })),
  segments: z.array(
    z.object({
      code: z.string(), zh: z.string(), en: z.string(), customers: z.number().int(), share: shareOrNull,
      avgRecencyDays: z.number().nullable(), avgOrders: z.number().nullable(), avgSpend: z.number().nullable(), revenue: z.number(), revenueShare: shareOrNull,
    }),
  ),
  /** Buyers per stage, in order of increasing inactivity. */
  lifecycle: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string(), customers: z.number().int(), share: shareOrNull, revenue: z.number() })),
  customerTypes: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string(), customers: z.number().int(), share: shareOrNull, revenue: z.number() })),
  /** Highest tier first. */
  tiers: z.array(
    z.object({
      tier: z.string(), discount: z.number().nullable(), customers: z.number().int(), revenue: z.number(), avgSpend: z.number().nullable(),
      upgrades90d: z.number().int(), downgrades90d: z.number().int(),
    }),
  ),
  /** Buyers sorted by spend: the cumulative revenue share of the top x % (x = 1…100). */
  pareto: z.array(z.object({ customerShare: z.number(), revenueShare: z.number() })),
  cohorts: z.object({
    months: z.number().int(),
    rows: z.array(z.object({ cohort: z.string(), size: z.number().int(), retention: z.array(z.number().nullable()) })),
  }),
  skuCycles: z.array(
    z.object({
      sku: z.string(), title: z.string().nullable(), medianDaysPerUnit: z.number(), p25: z.number(), p75: z.number(), samples: z.number().int(),
      customers: z.number().int(), dueSoon: z.number().int(), due: z.number().int(), overdue: z.number().int(),
    }),
  ),
});
export type SegmentsView = z.infer<typeof segmentsSchema>;
