/** What the API needs from the outside, built once by `huitou serve` (or a test) and passed in. */
import type { Config } from '../config.ts';
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
  /**
   * The SMS signature (签名) of a shop, which campaign texts must carry as 【…】: HUITOU_SMS_SIGN when set,
   * else this (the demo's is 回头客示范店), else the shop's name.
   */
  readonly smsSignName?: (shopName: string) => string;
}

/** The shop's SMS signature under these deps (see ApiDeps.smsSignName). */
export function shopSignName(deps: ApiDeps, shopName: string): string {
  return deps.config.sms.signName ?? deps.smsSignName?.(shopName) ?? shopName;
}
