/** The audit log (owner only), newest first. */
import { z } from 'zod';
import { InstantSchema, PageQuerySchema, listOf } from './common.ts';

export const AuditQuerySchema = PageQuerySchema.extend({
  /** An action (`auth.login`) or a family ending in a dot (`user.`). */
  action: z.string().min(1).max(64).optional(),
  /** The actor's username (tokens: `token:NAME`). */
  actor: z.string().min(1).max(256).optional(),
  target: z.string().min(1).max(512).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: InstantSchema,
  actor: z.object({ userId: z.number().int().nullable(), username: z.string().nullable(), tokenId: z.number().int().nullable() }),
  action: z.string(),
  target: z.string().nullable(),
  /** The detail recorded with the entry (parsed JSON), or null. */
  detail: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

export const AuditListSchema = listOf(AuditEntrySchema);
export type AuditList = z.infer<typeof AuditListSchema>;
