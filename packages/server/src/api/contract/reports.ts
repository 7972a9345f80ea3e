/** Report tables as `huitou report --json` prints them, and their XLSX export. */
import { z } from 'zod';
import { DaySchema } from './common.ts';

export const REPORT_KIND_NAMES = ['kpi', 'rfm', 'lifecycle', 'tiers', 'cycles', 'cohorts', 'all'] as const;

export const reportParamsSchema = z.strictObject({ shop: z.string().min(1).max(100), kind: z.enum(REPORT_KIND_NAMES) });

export const reportQuerySchema = z.strictObject({
  grain: z.enum(['day', 'week', 'month']).default('month'),
  /** Rows for kpi and cycles. */
  limit: z.coerce.number().int().min(1).max(500).default(24),
  /** Months since first purchase in the cohort matrix. */
  months: z.coerce.number().int().min(1).max(120).default(12),
});

export const reportExportQuerySchema = reportQuerySchema.extend({ lang: z.enum(['zh', 'en']).default('zh') });

export const reportTableSchema = z.object({
  key: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  columns: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string(), kind: z.enum(['text', 'int', 'money', 'percent', 'number', 'date']) })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});

export const reportResponseSchema = z.object({
  shop: z.string(),
  asOf: DaySchema,
  runId: z.number().int(),
  reports: z.array(reportTableSchema),
});
export type ReportResponse = z.infer<typeof reportResponseSchema>;
