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
}
