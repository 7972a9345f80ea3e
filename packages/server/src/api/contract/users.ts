/** Users and roles (owner only). */
import { z } from 'zod';
import { InstantSchema, RoleSchema, listOf } from './common.ts';

/** 1–64 letters (any script), digits, `.`, `_`, `-`, `@`, after NFC normalisation. */
export const UsernameSchema = z.string().normalize('NFC').min(1).max(64).regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits, . _ - @ only');
export const PasswordSchema = z.string().min(8).max(1024);
export const DisplayNameSchema = z.string().trim().min(1).max(100);

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type UserView = z.infer<typeof UserSchema>;

export const UserListSchema = listOf(UserSchema);
export type UserList = z.infer<typeof UserListSchema>;

/** Without a password, one is generated and returned once in `password`. */
export const CreateUserBodySchema = z.strictObject({
  username: UsernameSchema,
  displayName: DisplayNameSchema.optional(),
  role: RoleSchema,
  password: PasswordSchema.optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;

export const CreatedUserSchema = z.object({ user: UserSchema, password: z.string().nullable() });
export type CreatedUser = z.infer<typeof CreatedUserSchema>;

/** Any subset; a role change, disabling or a password reset ends the user's sessions. */
export const UpdateUserBodySchema = z
  .strictObject({
    role: RoleSchema.optional(),
    disabled: z.boolean().optional(),
    displayName: DisplayNameSchema.optional(),
    password: PasswordSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'change at least one field');
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>;
