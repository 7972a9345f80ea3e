/**
 * Campaign results: treated versus holdout per campaign, occurrence and variant, with uplift and ROI
 * (engine/results computes them). Conversion = a valid order within `window` days of the send.
 */
import { z } from 'zod';

export const resultsQuerySchema = z.strictObject({
  /** Days after the touch in which an order counts as a conversion. */
  window: z.coerce.number().int().min(1).max(90).default(7),
  /** Gross margin used for ROI (0–1; default the engine's). */
  grossMargin: z.coerce.number().min(0).max(1).optional(),
});

/**
 * The engine's result documents, passed through as JSON (see engine/results for the fields). Kept open here
 * so that the engine can add measures without a contract change; the dashboard reads the documented ones.
 */
export const campaignResultSchema = z.looseObject({ campaignKey: z.string() });

export const resultsResponseSchema = z.object({
  window: z.number().int(),
  campaigns: z.array(campaignResultSchema),
});
export type ResultsResponse = z.infer<typeof resultsResponseSchema>;
