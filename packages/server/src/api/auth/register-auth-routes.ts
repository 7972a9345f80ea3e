/** The auth area's routes: sessions, users, tokens, audit. */
import type { ApiDeps } from '../api-deps.ts';
import type { RouteRegistry } from '../route-registry.ts';
import { registerAdminRoutes } from './admin-routes.ts';
import { FailureLimiter } from './rate-limit.ts';
import { registerSessionRoutes } from './session-routes.ts';

export function registerAuthRoutes(registry: RouteRegistry, deps: ApiDeps): void {
  registerSessionRoutes(registry, deps, new FailureLimiter());
  registerAdminRoutes(registry, deps);
}
