/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ApiDeps } from '../api-deps.ts';
import type { ApiContext } from '../api-env.ts';
import { LoginBodySchema, SessionResponseSchema } from '../contract/auth.ts';
import type { SessionResponse } from '../contract/auth.ts';
import { OkSchema } from '../contract/common.ts';
import { HttpError } from '../http-error.ts';
import type { RouteRegistry } from '../route-registry.ts';
import type { Principal } from '../access.ts';
import { audit } from './audit.ts';
import { verifyPassword } from './password.ts';
import { FailureLimiter } from './rate-limit.ts';
import { clientAddress, isHttps } from './request-info.ts';
import { scopesOfRole } from './roles.ts';
import { sha256 } from './secrets.ts';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, createSession, endSession } from './sessions.ts';
import { findCredentials, findUserById } from './users.ts';

const ANY = { role: 'analyst', scope: 'read' } as const;

export function registerSessionRoutes(registry: RouteRegistry, deps: ApiDeps, limiter: FailureLimiter = new FailureLimiter()): void {
  registry.add({
    method: 'post',
    path: '/api/auth/login',
    tag: 'auth',
    summary: 'Sign in: sets the session cookie and returns the user and the CSRF token',
    access: 'public',
    body: LoginBodySchema,
    response: SessionResponseSchema,
    handler: async (c, { body }) => {
      const now = deps.now();
      const username = body.username.normalize('NFC');
      const keys = [`user:${username.toLowerCase()}`, `ip:${clientAddress(c)}`];
      const waitMs = limiter.blockedFor(keys, now);
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        const error = new HttpError('rate_limited', `too many failed logins; try again in ${seconds} s`, `登录失败次数过多，请 ${seconds} 秒后再试`);
        return c.json(error.body(), 429, { 'Retry-After': String(seconds) });
      }
      return deps.pool.use(async (db) => {
        const found = await findCredentials(db, username);
        const matches = await verifyPassword(body.password, found?.passwordHash ?? null);
        if (found === undefined || !matches || found.user.disabled) {
          limiter.fail(keys, now);
          await audit(db, null, 'auth.login_failed', null, { username: username.slice(0, 64), reason: found === undefined ? 'unknown_user' : matches ? 'disabled' : 'wrong_password' }, c, now);
          throw new HttpError('unauthenticated', 'wrong username or password', '用户名或密码错误');
        }
        limiter.clear(keys[0]!);
        const previous = getCookie(c, SESSION_COOKIE);
        if (previous !== undefined) await endSession(db, sha256(previous));
        const { user } = found;
        const session = await createSession(db, user.userId, now);
        setCookie(c, SESSION_COOKIE, session.secret, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c), maxAge: SESSION_ABSOLUTE_MS / 1000 });
        const principal: Principal = { userId: user.userId, username: user.username, role: user.role, scopes: scopesOfRole(user.role), via: 'session', sessionId: sha256(session.secret), tokenId: null };
        await audit(db, principal, 'auth.login', `user:${user.userId}`, null, c, now);
        return sessionResponse(principal, user.displayName, session.csrfToken);
      });
    },
  });

  registry.add({
    method: 'post',
    path: '/api/auth/logout',
    tag: 'auth',
    summary: 'Sign out: ends the session (browser sessions only)',
    access: ANY,
    response: OkSchema,
    handler: async (c) => {
      const principal = requireSession(c);
      await deps.pool.use(async (db) => {
        await endSession(db, principal.sessionId);
        await audit(db, principal, 'auth.logout', `user:${principal.userId}`, null, c, deps.now());
      });
      deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
      return { ok: true as const };
    },
  });

  registry.add({
    method: 'get',
    path: '/api/auth/me',
    tag: 'auth',
    summary: 'The caller (user or token), its role and scopes, and the session\'s CSRF token',
    access: ANY,
    response: SessionResponseSchema,
    handler: async (c) => {
      const principal = c.get('principal');
      if (principal.via === 'token' || principal.userId === null || principal.sessionId === null) return sessionResponse(principal, principal.username, null);
      const { userId, sessionId } = principal;
      return deps.pool.use(async (db) => {
        const user = await findUserById(db, userId);
        const [row] = await db.all<{ csrf: string }>(`SELECT csrf_token AS csrf FROM sessions WHERE session_hash = $1`, [sessionId]);
        if (user === undefined || row === undefined) throw new HttpError('unauthenticated', 'the session has ended; sign in again', '会话已结束，请重新登录');
        return sessionResponse(principal, user.displayName, row.csrf);
      });
    },
  });
}

/** The principal of a browser session, or 403 for API tokens (user and token administration need a person). */
export function requireSession(c: ApiContext): Principal & { userId: number; sessionId: string } {
  const principal = c.get('principal');
  if (principal.via !== 'session' || principal.userId === null || principal.sessionId === null) {
    throw new HttpError('forbidden', 'this needs a signed-in user, not an API token', '此操作需要登录用户，不能使用 API 令牌');
  }
  return { ...principal, userId: principal.userId, sessionId: principal.sessionId };
}

function sessionResponse(principal: Principal, displayName: string, csrfToken: string | null): SessionResponse {
  return {
    user: { userId: principal.userId, username: principal.username, displayName, role: principal.role, scopes: [...principal.scopes], via: principal.via, tokenId: principal.tokenId },
    csrfToken,
  };
}
