/** Consent events (recorded by operators) and the opt-out webhook (called with a `consent`-scoped token). */
import { z } from 'zod';
import { InstantSchema } from './common.ts';

export const CONSENT_CHANNEL_NAMES = ['sms', 'email'] as const;
export const CONSENT_STATUSES = ['granted', 'revoked'] as const;

export const consentBodySchema = z.strictObject({
  customerId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  channel: z.enum(CONSENT_CHANNEL_NAMES),
  status: z.enum(CONSENT_STATUSES),
  /** Where the consent came from, e.g. checkout_form, phone_call, wechat_service. */
  source: z.string().trim().min(1).max(100),
  /** The words the customer agreed to (GDPR Art. 7(1), PIPL art. 14). */
  wording: z.string().trim().max(2000).optional(),
});
export type ConsentBody = z.infer<typeof consentBodySchema>;

export const consentEventSchema = z.object({
  eventId: z.number().int(),
  customerId: z.number().int(),
  channel: z.enum(CONSENT_CHANNEL_NAMES),
  status: z.enum(CONSENT_STATUSES),
  source: z.string(),
  wording: z.string().nullable(),
  recordedAt: InstantSchema,
});
export type ConsentEventView = z.infer<typeof consentEventSchema>;

export const optOutParamsSchema = z.strictObject({ shop: z.string().min(1).max(100) });

export const optOutBodySchema = z.strictObject({
  channel: z.enum(CONSENT_CHANNEL_NAMES),
  /** The phone number (as stored, e.g. 13812345678) or e-mail address that opted out. */
  address: z.string().trim().min(3).max(254),
  /** e.g. sms_reply, email_one_click, customer_service. */
  reason: z.string().trim().min(1).max(100).default('webhook'),
});
export type OptOutBody = z.input<typeof optOutBodySchema>;

export const optOutResponseSchema = z.object({
  /** False when the address was already suppressed (the call changed nothing). */
  applied: z.boolean(),
  channel: z.enum(CONSENT_CHANNEL_NAMES),
  /** Customers of the shop with this address (each got a revoked consent event when applied). */
  customers: z.number().int(),
});
export type OptOutResponse = z.infer<typeof optOutResponseSchema>;
