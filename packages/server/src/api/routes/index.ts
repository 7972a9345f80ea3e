/** Every route module, registered in one place. */
import type { ApiDeps } from '../api-deps.ts';
import type { RouteRegistry } from '../route-registry.ts';

export function registerRoutes(_registry: RouteRegistry, _deps: ApiDeps): void {
  // Route modules register themselves here: registerShopRoutes(registry, deps); …
}
