/** What the API needs from the outside, built once by `huitou serve` (or a test) and passed in. */
import type { Config } from '../config.ts';
import { smsSignOf } from '../store/repositories/shop.repository.ts';
import type { Shop } from '../store/repositories/shop.repository.ts';
import type { ConnectionPool } from './connections.ts';

export interface ApiDeps {
  readonly config: Config;
  readonly pool: ConnectionPool;
  /** Wall clock in epoch ms (tests pin it). */
  readonly now: () => number;
  /** Folder of the built web dashboard (packages/web/dist), or null to serve the API only. */
  readonly webRoot: string | null;
  /** Check every response against its schema (tests and development). */
  readonly checkResponses: boolean;
}

/**
 * The SMS signature (签名) of a shop, which campaign texts must carry as 【…】: the shop's own, else
 * HUITOU_SMS_SIGN, else the shop's name (smsSignOf).
 */
export function shopSignName(deps: ApiDeps, shop: Shop): string {
  return smsSignOf(shop, deps.config.sms.signName);
}
