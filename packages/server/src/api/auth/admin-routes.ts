/** Owner routes: users and roles, API tokens, the audit log. Changes need a signed-in owner (not a token). */
import type { Access } from '../access.ts';
import type { ApiDeps } from '../api-deps.ts';
import { AuditListSchema, AuditQuerySchema } from '../contract/audit.ts';
import { IdParamSchema, OkSchema } from '../contract/common.ts';
import { CreateTokenBodySchema, CreatedTokenSchema, TokenListSchema } from '../contract/tokens.ts';
import { CreateUserBodySchema, CreatedUserSchema, UpdateUserBodySchema, UserListSchema, UserSchema } from '../contract/users.ts';
import { HttpError, notFound } from '../http-error.ts';
import type { RouteRegistry } from '../route-registry.ts';
import { audit, listAudit } from './audit.ts';
import { scopesWithinRole } from './roles.ts';
import { requireSession } from './session-routes.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';
import { UserAdminError, addUser, changeUser } from './user-admin.ts';
import { listUsers } from './users.ts';
import { auditView, tokenView, userView } from './views.ts';

const OWNER: Access = { role: 'owner', scope: 'read' };

function httpErrorOf(error: unknown): unknown {
  if (!(error instanceof UserAdminError)) return error;
  const code = error.code === 'invalid' ? 'validation_failed' : error.code === 'not_found' ? 'not_found' : 'conflict';
  return new HttpError(code, error.message, error.messageZh);
}

export function registerAdminRoutes(registry: RouteRegistry, deps: ApiDeps): void {
  registry.add({
    method: 'get', path: '/api/users', tag: 'users', summary: 'Users and their roles', access: OWNER, response: UserListSchema,
    handler: async () => {
      const users = await deps.pool.use((db) => listUsers(db));
      return { total: users.length, rows: users.map(userView) };
    },
  });

  registry.add({
    method: 'post', path: '/api/users', tag: 'users', summary: 'Create a user (browser session only); a generated password is returned once', access: OWNER,
    body: CreateUserBodySchema, response: CreatedUserSchema, status: 201,
    handler: async (c, { body }) => {
      const principal = requireSession(c);
      const now = deps.now();
      return deps.pool.use(async (db) => {
        try {
          const created = await addUser(db, { username: body.username, role: body.role, password: body.password ?? null, ...(body.displayName === undefined ? {} : { displayName: body.displayName }) }, now);
          await audit(db, principal, 'user.create', `user:${created.user.userId}`, { username: created.user.username, role: created.user.role }, c, now);
          return { user: userView(created.user), password: created.password };
        } catch (error) {
          throw httpErrorOf(error);
        }
      });
    },
  });

  registry.add({
    method: 'patch', path: '/api/users/:id', tag: 'users', summary: 'Change a user\'s role, name, password or disabled state (browser session only)', access: OWNER,
    params: IdParamSchema, body: UpdateUserBodySchema, response: UserSchema,
    handler: async (c, { params, body }) => {
      const principal = requireSession(c);
      const now = deps.now();
      return deps.pool.use(async (db) => {
        let result;
        try {
          result = await changeUser(db, params.id, {
            ...(body.role === undefined ? {} : { role: body.role }),
            ...(body.disabled === undefined ? {} : { disabled: body.disabled }),
            ...(body.displayName === undefined ? {} : { displayName: body.displayName }),
            ...(body.password === undefined ? {} : { password: body.password }),
          }, now);
        } catch (error) {
          throw httpErrorOf(error);
        }
        const { before, after } = result;
        const target = `user:${after.userId}`;
        if (before.role !== after.role) await audit(db, principal, 'user.role_change', target, { username: after.username, from: before.role, to: after.role }, c, now);
        if (before.disabled !== after.disabled) await audit(db, principal, after.disabled ? 'user.disable' : 'user.enable', target, { username: after.username }, c, now);
        if (body.password !== undefined) await audit(db, principal, 'user.password_reset', target, { username: after.username }, c, now);
        if (before.displayName !== after.displayName) await audit(db, principal, 'user.rename', target, { username: after.username }, c, now);
        return userView(after);
      });
    },
  });

  registry.add({
    method: 'get', path: '/api/tokens', tag: 'tokens', summary: 'API tokens (never their secret)', access: OWNER, response: TokenListSchema,
    handler: async () => {
      const tokens = await deps.pool.use((db) => listTokens(db));
      return { total: tokens.length, rows: tokens.map(tokenView) };
    },
  });

  registry.add({
    method: 'post', path: '/api/tokens', tag: 'tokens', summary: 'Create an API token (browser session only); the secret is in this response only', access: OWNER,
    body: CreateTokenBodySchema, response: CreatedTokenSchema, status: 201,
    handler: async (c, { body }) => {
      const principal = requireSession(c);
      if (!scopesWithinRole(body.role, body.scopes)) {
        throw new HttpError('validation_failed', `the ${body.role} role does not allow the scopes ${body.scopes.join(', ')}`, `${body.role} 角色不允许这些权限：${body.scopes.join('、')}`, [{ path: 'body.scopes', message: 'a token never exceeds its role' }]);
      }
      const now = deps.now();
      return deps.pool.use(async (db) => {
        const { token, secret } = await createToken(db, { name: body.name, role: body.role, scopes: body.scopes, createdBy: principal.userId }, now);
        await audit(db, principal, 'token.create', `token:${token.tokenId}`, { name: token.name, role: token.role, scopes: token.scopes }, c, now);
        return { token: tokenView(token), secret };
      });
    },
  });

  registry.add({
    method: 'delete', path: '/api/tokens/:id', tag: 'tokens', summary: 'Revoke an API token (browser session only); it fails from its next request on', access: OWNER,
    params: IdParamSchema, response: OkSchema,
    handler: async (c, { params }) => {
      const principal = requireSession(c);
      const now = deps.now();
      return deps.pool.use(async (db) => {
        if (!(await revokeToken(db, params.id, now))) throw notFound('live token', '有效的令牌');
        await audit(db, principal, 'token.revoke', `token:${params.id}`, null, c, now);
        return { ok: true as const };
      });
    },
  });

  registry.add({
    method: 'get', path: '/api/audit', tag: 'audit', summary: 'The audit log, newest first (filters: action or action family "user.", actor, target, from, to)', access: OWNER,
    query: AuditQuerySchema, response: AuditListSchema,
    handler: async (_c, { query }) => {
      const page = await deps.pool.use((db) =>
        listAudit(db, {
          ...(query.action === undefined ? {} : { action: query.action }),
          ...(query.actor === undefined ? {} : { actor: query.actor }),
          ...(query.target === undefined ? {} : { target: query.target }),
          ...(query.from === undefined ? {} : { fromMs: Date.parse(query.from) }),
          ...(query.to === undefined ? {} : { toMs: Date.parse(query.to) }),
        }, query.limit, query.offset),
      );
      return { total: page.total, rows: page.rows.map(auditView) };
    },
  });
}
