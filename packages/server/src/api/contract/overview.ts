/**
 * The overview: old-customer KPIs of the last `period` days (ending on the analysis day) against the
 * period before, a trend of earlier periods, and label counts. Read from the stored analysis.
 */
import { z } from 'zod';
import { DaySchema } from './common.ts';

export const OVERVIEW_PERIODS = [7, 30, 90] as const;

export const overviewQuerySchema = z.strictObject({
  period: z.enum(['7', '30', '90']).default('30').transform(Number),
  /** Periods in the trend series (oldest first), 2–52. */
  points: z.coerce.number().int().min(2).max(52).default(12),
});

export const kpiSchema = z.object({
  periodStart: DaySchema,
  periodEnd: DaySchema,
  paymentAmount: z.number(),
  netAmount: z.number(),
  validOrders: z.number().int(),
  payingBuyers: z.number().int(),
  avgOrderValue: z.number().nullable(),
  newBuyers: z.number().int(),
  returningBuyers: z.number().int(),
  returningBuyerShare: z.number().nullable(),
  returningRevenueShare: z.number().nullable(),
  repurchaseRate: z.number().nullable(),
  repurchasingBuyers: z.number().int(),
});
export type KpiView = z.infer<typeof kpiSchema>;

export const labelCountSchema = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  customers: z.number().int(),
  /** Null in the overview (its counts come from the stored analysis run); the segments page has revenue per label. */
  revenue: z.number().nullable(),
});
export type LabelCountView = z.infer<typeof labelCountSchema>;

export const overviewSchema = z.object({
  asOf: DaySchema,
  runId: z.number().int(),
  period: z.number().int(),
  current: kpiSchema.nullable(),
  previous: kpiSchema.nullable(),
  /** Relative change current vs previous ((c − p) / p) for counts and amounts; difference in points for shares. Null when not comparable. */
  change: z.record(z.string(), z.number().nullable()),
  trend: z.array(kpiSchema),
  totals: z.object({ customers: z.number().int(), buyers: z.number().int(), repeatBuyers: z.number().int(), netRevenue: z.number() }),
  lifecycle: z.array(labelCountSchema),
  segments: z.array(labelCountSchema),
  customerTypes: z.array(labelCountSchema),
  churnRisk: z.array(labelCountSchema),
});
export type OverviewView = z.infer<typeof overviewSchema>;
