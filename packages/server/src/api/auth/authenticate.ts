/**
 * Authentication for /api/*: a bearer token (`Authorization: Bearer hut_…`) or the session cookie. Sets the
 * request's principal, or answers 401 in the one error shape. Cookie-authenticated unsafe requests must carry
 * `X-CSRF-Token` equal to the session's token (403 csrf_failed); bearer requests need none (browsers never
 * attach them on their own). Public routes (login, the OpenAPI document and page, the opt-out webhook that
 * checks its own token) pass through without a principal.
 */
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { Principal } from '../access.ts';
import type { ApiDeps } from '../api-deps.ts';
import type { ApiEnv } from '../api-env.ts';
import { HttpError } from '../http-error.ts';
import type { Method } from '../route-registry.ts';
import { scopesOfRole } from './roles.ts';
import { constantTimeEqual } from './secrets.ts';
import { SESSION_COOKIE, findActiveSession } from './sessions.ts';
import { findActiveToken } from './tokens.ts';
import { findUserById } from './users.ts';

const PUBLIC_EXACT: readonly string[] = ['POST /api/auth/login', 'GET /api/openapi.json', 'GET /api/docs'];
const PUBLIC_PREFIX = '/api/webhooks/';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'X-CSRF-Token';

/** True for the routes that need no principal. A registered route's path or a request path both work. */
export function isPublicRoute(method: string, path: string): boolean {
  const m = method.toUpperCase();
  return PUBLIC_EXACT.includes(`${m} ${path}`) || (m === 'HEAD' && PUBLIC_EXACT.includes(`GET ${path}`)) || path.startsWith(PUBLIC_PREFIX);
}

/** Throws at startup when a registered route's access disagrees with the public list (fail closed, loudly). */
export function checkPublicRoutes(routes: readonly { method: Method; path: string; access: unknown }[]): void {
  for (const route of routes) {
    const listed = isPublicRoute(route.method, route.path);
    if (listed !== (route.access === 'public')) {
      throw new Error(`${route.method.toUpperCase()} ${route.path}: access ${route.access === 'public' ? "'public'" : 'needs a principal'} but the authentication middleware ${listed ? 'lets it through' : 'requires one'}; change one of them`);
    }
  }
}

const unauthenticated = (): HttpError => new HttpError('unauthenticated', 'sign in or send a valid API token', '请先登录或提供有效的 API 令牌');

export function authenticate(deps: ApiDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (isPublicRoute(c.req.method, c.req.path)) return next();
    const authorization = c.req.header('authorization');
    let principal: Principal;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const token = match === null ? undefined : await deps.pool.use((db) => findActiveToken(db, match[1]!, deps.now()));
      if (token === undefined) throw new HttpError('unauthenticated', 'the API token is invalid or revoked', 'API 令牌无效或已被吊销');
      principal = { userId: null, username: `token:${token.name}`, role: token.role, scopes: token.scopes, via: 'token', sessionId: null, tokenId: token.tokenId };
    } else {
      const secret = getCookie(c, SESSION_COOKIE);
      if (secret === undefined) throw unauthenticated();
      const found = await deps.pool.use(async (db) => {
        const session = await findActiveSession(db, secret, deps.now());
        const user = session === undefined ? undefined : await findUserById(db, session.userId);
        return session === undefined || user === undefined || user.disabled ? undefined : { session, user };
      });
      if (found === undefined) {
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        throw new HttpError('unauthenticated', 'the session has ended; sign in again', '会话已结束，请重新登录');
      }
      if (UNSAFE.has(c.req.method.toUpperCase())) {
        const sent = c.req.header(CSRF_HEADER) ?? '';
        if (!constantTimeEqual(sent, found.session.csrfToken)) throw new HttpError('csrf_failed', `missing or wrong ${CSRF_HEADER} header`, `缺少或错误的 ${CSRF_HEADER} 请求头`);
      }
      const { user, session } = found;
      principal = { userId: user.userId, username: user.username, role: user.role, scopes: scopesOfRole(user.role), via: 'session', sessionId: session.sessionHash, tokenId: null };
    }
    c.set('principal', principal);
    await next();
  };
}
