/**
 * Schemas every route shares: the one error shape, paging, list responses, instants. Zod only (no Node
 * APIs): the web client imports these modules for its types.
 */
import { z } from 'zod';

export const ERROR_CODES = [
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'conflict',
  'no_analysis',
  'rate_limited',
  'internal',
] as const;

export const ErrorIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  messageZh: z.string().optional(),
});

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      messageZh: z.string(),
      issues: z.array(ErrorIssueSchema).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBodyJson = z.infer<typeof ErrorBodySchema>;

/** `?limit=` (1–500, default 50) and `?offset=` (default 0), from query strings. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** `{ total, rows }` of a row schema. */
export function listOf<T extends z.ZodType>(row: T) {
  return z.object({ total: z.number().int().min(0), rows: z.array(row) });
}

/** An instant as an ISO 8601 string in UTC. */
export const InstantSchema = z.iso.datetime();
/** A shop-local day, YYYY-MM-DD. */
export const DaySchema = z.iso.date();

/** A positive integer id from a path segment. */
export const IdParamSchema = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/** `{ ok: true }` for actions with nothing else to say. */
export const OkSchema = z.object({ ok: z.literal(true) });

export const RoleSchema = z.enum(['analyst', 'operator', 'owner']);
export const ScopeSchema = z.enum(['read', 'import', 'campaigns', 'consent']);

export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}
