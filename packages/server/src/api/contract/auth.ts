/** Sessions: login, logout, who am I. */
import { z } from 'zod';
import { RoleSchema, ScopeSchema } from './common.ts';

export const LoginBodySchema = z.object({
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

/** The caller: a user signed in through a session, or an API token. */
export const MeSchema = z.object({
  userId: z.number().int().nullable(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  scopes: z.array(ScopeSchema),
  via: z.enum(['session', 'token']),
  tokenId: z.number().int().nullable(),
});
export type Me = z.infer<typeof MeSchema>;

/** Login and /me answer the same: the caller and the CSRF token to send with unsafe requests (null for tokens). */
export const SessionResponseSchema = z.object({
  user: MeSchema,
  csrfToken: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;
