/** API tokens (owner only): listed without their secret, shown once at creation. */
import { z } from 'zod';
import { InstantSchema, RoleSchema, ScopeSchema, listOf } from './common.ts';

export const TokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: RoleSchema,
  scopes: z.array(ScopeSchema),
  createdBy: z.number().int().nullable(),
  createdAt: InstantSchema,
  lastUsedAt: InstantSchema.nullable(),
  revokedAt: InstantSchema.nullable(),
});
export type TokenView = z.infer<typeof TokenSchema>;

export const TokenListSchema = listOf(TokenSchema);
export type TokenList = z.infer<typeof TokenListSchema>;

export const CreateTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: RoleSchema,
  scopes: z.array(ScopeSchema).min(1).max(4),
});
export type CreateTokenBody = z.infer<typeof CreateTokenBodySchema>;

/** `secret` is the token itself (`hut_…`): this response is the only time it is shown. */
export const CreatedTokenSchema = z.object({ token: TokenSchema, secret: z.string() });
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
