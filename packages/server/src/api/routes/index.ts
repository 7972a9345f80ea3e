/** Every route module, registered in one place (the import routes are registered by app.ts). */
import type { ApiDeps } from '../api-deps.ts';
import type { RouteRegistry } from '../route-registry.ts';
import { registerCampaignRoutes } from './campaigns.ts';
import { registerConsentRoutes } from './consent.ts';
import { registerCustomerRoutes } from './customers.ts';
import { registerInsightRoutes } from './insights.ts';
import { registerResultRoutes } from './results.ts';
import { registerShopRoutes } from './shops.ts';

export function registerRoutes(registry: RouteRegistry, deps: ApiDeps): void {
  registerShopRoutes(registry, deps);
  registerCustomerRoutes(registry, deps);
  registerInsightRoutes(registry, deps);
  registerCampaignRoutes(registry, deps);
  registerResultRoutes(registry, deps);
  registerConsentRoutes(registry, deps);
}
