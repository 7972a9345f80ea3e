/** Shops, their headline counts and the analysis run: GET /shops, POST /shops/:shop/analyze. */
import { z } from 'zod';
import { DaySchema, InstantSchema } from './common.ts';

/** `:shop` is the shop's name as stored (the demo is `demo`). */
export const shopParamsSchema = z.strictObject({ shop: z.string().min(1).max(100) });
export type ShopParams = z.infer<typeof shopParamsSchema>;

export const analysisRunSchema = z.object({
  runId: z.number().int(),
  /** The shop-local day the analysis describes. */
  asOf: DaySchema,
  createdAt: InstantSchema,
});
export type AnalysisRunView = z.infer<typeof analysisRunSchema>;

/** Where a shop's SMS signature comes from: its own, HUITOU_SMS_SIGN, its name. */
const smsSignSourceSchema = z.enum(['shop', 'env', 'name']);

export const shopSummarySchema = z.object({
  name: z.string(),
  timeZone: z.string(),
  customers: z.number().int(),
  orders: z.number().int(),
  /** From the latest analysis (null before the first one): buyers with a valid order, with two or more, net revenue in yuan. */
  buyers: z.number().int().nullable(),
  repeatBuyers: z.number().int().nullable(),
  netRevenue: z.number().nullable(),
  lastAnalysis: analysisRunSchema.nullable(),
  campaigns: z.number().int(),
  /** The SMS signature (签名) the shop's texts carry, and where it comes from: the shop's own, HUITOU_SMS_SIGN, its name. */
  smsSign: z.string(),
  smsSignSource: smsSignSourceSchema,
});
export type ShopSummaryView = z.infer<typeof shopSummarySchema>;

export const shopListSchema = z.object({ total: z.number().int(), rows: z.array(shopSummarySchema) });
export type ShopListView = z.infer<typeof shopListSchema>;

/** PUT /shops/:shop/sms-sign: the shop's own SMS signature (2–12 characters, without 【】), or null to remove it. */
export const smsSignBodySchema = z.strictObject({ smsSign: z.string().max(200).nullable() });
export type SmsSignBody = z.infer<typeof smsSignBodySchema>;

export const smsSignResponseSchema = z.object({ shop: z.string(), smsSign: z.string(), smsSignSource: smsSignSourceSchema });
export type SmsSignResponse = z.infer<typeof smsSignResponseSchema>;

export const analyzeBodySchema = z.strictObject({
  /** Analyse as of this shop-local day (default: today in the shop's time zone). */
  asOf: DaySchema.optional(),
});
export type AnalyzeBody = z.infer<typeof analyzeBodySchema>;

const countsSchema = z.record(z.string(), z.number().int());

export const analyzeResponseSchema = z.object({
  run: analysisRunSchema,
  summary: z.object({
    orders: z.number().int(),
    validOrders: z.number().int(),
    lines: z.number().int(),
    customers: z.number().int(),
    buyers: z.number().int(),
    repeatBuyers: z.number().int(),
    netRevenue: z.number(),
  }),
  segments: countsSchema,
  lifecycle: countsSchema,
  customerTypes: countsSchema,
  tiers: countsSchema,
  churnRisk: countsSchema,
  modelError: z.string().nullable(),
  ms: z.number(),
});
export type AnalyzeResponse = z.infer<typeof analyzeResponseSchema>;
