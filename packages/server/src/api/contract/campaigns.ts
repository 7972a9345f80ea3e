/**
 * Campaigns: the playbook templates, validate / preview / save a YAML or JSON definition, launch (activate and
 * plan the day), pause, list and detail. Campaign issues carry the path of the mistake in both languages.
 */
import { z } from 'zod';
import { DaySchema, InstantSchema } from './common.ts';

/** Campaign files are at most 256 KB (as on the command line). */
export const MAX_CAMPAIGN_TEXT = 256 * 1024;

export const campaignParamsSchema = z.strictObject({
  shop: z.string().min(1).max(100),
  key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'a campaign key: lower-case letters, digits, - or _'),
});

export const campaignTextBodySchema = z.strictObject({ text: z.string().min(1).max(MAX_CAMPAIGN_TEXT) });
export type CampaignTextBody = z.infer<typeof campaignTextBodySchema>;

export const campaignPreviewBodySchema = z.strictObject({
  text: z.string().min(1).max(MAX_CAMPAIGN_TEXT),
  /** Shop-local day to plan (default today in the shop's time zone). */
  date: DaySchema.optional(),
});
export type CampaignPreviewBody = z.infer<typeof campaignPreviewBodySchema>;

export const launchBodySchema = z.strictObject({ date: DaySchema.optional() });
export const pauseBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(200).optional() });

export const campaignIssueSchema = z.object({ path: z.string(), message: z.string(), messageZh: z.string() });

export const validateResponseSchema = z.object({
  valid: z.boolean(),
  key: z.string().nullable(),
  issues: z.array(campaignIssueSchema),
});
export type ValidateResponse = z.infer<typeof validateResponseSchema>;

/** One occurrence's plan; money in yuan. */
export const occurrencePlanSchema = z.object({
  occurrenceKey: z.string(),
  /** Customers the audience reached (before consent, caps and holdout). */
  audience: z.number().int(),
  queued: z.number().int(),
  holdout: z.number().int(),
  displaced: z.number().int(),
  /** Skipped customers by reason (no_consent, suppressed, frequency cap, no address, …). */
  skipped: z.record(z.string(), z.number().int()),
  byChannel: z.record(z.string(), z.object({ messages: z.number().int(), segments: z.number().int(), cost: z.number() })),
  messageCost: z.number(),
  couponFaceValue: z.number(),
  expectedCouponCost: z.number(),
  samples: z.array(z.object({ customerId: z.number().int(), channel: z.string(), variant: z.string(), subject: z.string().nullable(), body: z.string() })),
});
export type OccurrencePlanView = z.infer<typeof occurrencePlanSchema>;

export const planTotalsSchema = z.object({
  audience: z.number().int(),
  queued: z.number().int(),
  holdout: z.number().int(),
  skipped: z.number().int(),
  messageCost: z.number(),
  expectedCouponCost: z.number(),
});

export const previewResponseSchema = z.object({
  key: z.string(),
  day: DaySchema,
  /** Empty when the trigger does not fire on this day. */
  plans: z.array(occurrencePlanSchema),
  totals: planTotalsSchema,
  /** A 满X减Y threshold suggested from the audience's order values (offers only). */
  suggestion: z.object({ label: z.object({ zh: z.string(), en: z.string() }), explanation: z.object({ zh: z.string(), en: z.string() }) }).nullable(),
});
export type PreviewResponse = z.infer<typeof previewResponseSchema>;

export const occurrenceSchema = z.object({
  key: z.string(),
  plannedAt: InstantSchema,
  audience: z.number().int(),
  queued: z.number().int(),
  holdout: z.number().int(),
  skipped: z.number().int(),
});

export const campaignSummarySchema = z.object({
  key: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  kind: z.enum(['care', 'marketing']),
  priority: z.number().int(),
  status: z.enum(['active', 'paused']),
  statusReason: z.string().nullable(),
  holdout: z.number(),
  channels: z.array(z.string()),
  triggerKind: z.string(),
  hasOffer: z.boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  lastOccurrence: occurrenceSchema.nullable(),
  /** Touches by status (queued, sending, sent, dead, holdout, skipped, cancelled). */
  touches: z.record(z.string(), z.number().int()),
});
export type CampaignSummaryView = z.infer<typeof campaignSummarySchema>;

export const campaignListSchema = z.object({ total: z.number().int(), rows: z.array(campaignSummarySchema) });
export type CampaignListView = z.infer<typeof campaignListSchema>;

export const campaignDetailSchema = z.object({
  campaign: campaignSummarySchema,
  /** The definition as saved (YAML/JSON parsed to data). */
  definition: z.unknown(),
  occurrences: z.array(occurrenceSchema),
  skipped: z.record(z.string(), z.number().int()),
  /** Yuan spent on sent messages. */
  cost: z.number(),
});
export type CampaignDetailView = z.infer<typeof campaignDetailSchema>;

export const saveCampaignResponseSchema = z.object({ created: z.boolean(), campaign: campaignSummarySchema });

export const launchResponseSchema = z.object({
  key: z.string(),
  status: z.literal('active'),
  day: DaySchema,
  plans: z.array(occurrencePlanSchema),
  totals: planTotalsSchema,
});
export type LaunchResponse = z.infer<typeof launchResponseSchema>;

export const pauseResponseSchema = z.object({ key: z.string(), status: z.literal('paused'), statusReason: z.string() });

export const playbookSchema = z.object({
  templates: z.array(
    z.object({
      file: z.string(),
      key: z.string(),
      name: z.object({ zh: z.string(), en: z.string() }),
      kind: z.enum(['care', 'marketing']),
      priority: z.number().int(),
      triggerKind: z.string(),
      channels: z.array(z.string()),
      holdout: z.number(),
      hasOffer: z.boolean(),
      /** The YAML as shipped; the shop's SMS signature replaces the demo's. */
      text: z.string(),
    }),
  ),
});
export type PlaybookView = z.infer<typeof playbookSchema>;
