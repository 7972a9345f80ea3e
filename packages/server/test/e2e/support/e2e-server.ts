/**
 * A real huitou for end-to-end tests: the demo shop generated and imported through the real CLI into a
 * temporary store, one user per role, and `startServer` serving the freshly built dashboard with the bundled
 * SMS simulator and the background sender (sending hours open all day: HUITOU_SENDING_HOURS=always).
 */
import { join } from 'node:path';
import { startServer } from '../../../src/api/serve/start-server.ts';
import type { RunningServer } from '../../../src/api/serve/start-server.ts';
import { addUser } from '../../../src/api/auth/user-admin.ts';
import type { Role } from '../../../src/api/access.ts';
import { loadConfig } from '../../../src/config.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { cli } from '../../support/run-cli.ts';
import { tempDir } from '../../support/paths.ts';
import { buildWeb } from './build-web.ts';

export const E2E_PASSWORDS: Readonly<Record<Role, string>> = { owner: 'e2e-owner-pass', operator: 'e2e-operator-pass', analyst: 'e2e-analyst-pass' };

export interface E2eServer {
  readonly server: RunningServer;
  readonly dir: string;
  readonly dbPath: string;
  close(): Promise<void>;
}

export async function startE2eServer(options: { customers?: number; years?: number } = {}): Promise<E2eServer> {
  const tmp = tempDir('huitou-e2e-');
  const dbPath = join(tmp.path, 'e2e.duckdb');
  const web = buildWeb(join(tmp.path, 'web'));
  // Marketing may go out at any hour here, so the test does not depend on the time of day it runs.
  const env = { HUITOU_SENDING_HOURS: 'always' };
  const demo = await cli(['demo', '--customers', String(options.customers ?? 1500), '--years', String(options.years ?? 2), '--db', dbPath, '--out', join(tmp.path, 'exports'), '--json'], env);
  if (demo.code !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  const db = await openStore({ path: dbPath });
  try {
    for (const role of ['owner', 'operator', 'analyst'] as const) {
      await addUser(db, { username: `e2e-${role}`, role, password: E2E_PASSWORDS[role], displayName: `E2E ${role}` }, Date.now());
    }
  } finally {
    db.close();
  }
  const server = await startServer({
    config: loadConfig({ LANG: 'zh_CN.UTF-8', HUITOU_DB: dbPath, ...env }),
    host: '127.0.0.1', port: 0, webRoot: await web, send: true, smsSimulator: true,
    senderPollMs: 200, checkResponses: true,
    log: (line) => process.stderr.write(`[e2e server] ${line}\n`),
  });
  return {
    server, dir: tmp.path, dbPath,
    async close() {
      await server.close();
      tmp.remove();
    },
  };
}
