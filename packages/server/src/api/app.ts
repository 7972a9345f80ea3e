/**
 * The HTTP application: security headers, one error shape, authentication for /api (then the analysts' mask
 * filter), the routes declared in the registry, OpenAPI at /api/openapi.json and /api/docs, and the built
 * dashboard for every other path. Built in-process (tests call app.request) and served by `huitou serve`.
 */
import { Hono } from 'hono';
import type { ApiDeps } from './api-deps.ts';
import type { ApiEnv } from './api-env.ts';
import { authenticate, checkPublicRoutes } from './auth/authenticate.ts';
import { maskForAnalysts } from './auth/mask-filter.ts';
import { registerAuthRoutes } from './auth/register-auth-routes.ts';
import { resolveClientAddress } from './auth/request-info.ts';
import { HttpError } from './http-error.ts';
import { mountOpenApi } from './openapi.ts';
import { RouteRegistry } from './route-registry.ts';
import { registerImportRoutes } from './routes/imports.ts';
import type { ImportService } from './routes/imports.ts';
import { registerRoutes } from './routes/index.ts';
import { securityHeaders } from './security-headers.ts';
import { serveWeb } from './web-static.ts';

export interface ApiApp {
  readonly app: Hono<ApiEnv>;
  readonly registry: RouteRegistry;
  readonly imports: ImportService;
  /** Waits for running import jobs and deletes unclaimed uploads. */
  close(): Promise<void>;
}

export function createApp(deps: ApiDeps): ApiApp {
  const app = new Hono<ApiEnv>();
  app.use('*', securityHeaders);
  app.use('*', resolveClientAddress(deps.config.trustedProxies));
  app.use('/api/*', authenticate(deps));
  app.use('/api/*', maskForAnalysts);
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(error.body(), error.status);
    console.error(`[api] ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return c.json(new HttpError('internal', 'internal error', '服务器内部错误').body(), 500);
  });
  app.notFound((c) => {
    const error = new HttpError('not_found', `no route ${c.req.method} ${c.req.path}`, `没有这个接口：${c.req.method} ${c.req.path}`);
    return c.json(error.body(), 404);
  });
  const registry = new RouteRegistry(app, { checkResponses: deps.checkResponses });
  registerAuthRoutes(registry, deps);
  registerRoutes(registry, deps);
  const imports = registerImportRoutes(registry, deps);
  checkPublicRoutes(registry.routes);
  mountOpenApi(app, registry);
  if (deps.webRoot !== null) app.use('*', serveWeb(deps.webRoot));
  return { app, registry, imports, close: () => imports.close() };
}
