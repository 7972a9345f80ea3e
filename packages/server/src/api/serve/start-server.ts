/**
 * `huitou serve` in-process: opens the store, builds the API and dashboard app, listens, runs the background
 * senders and, for the demo and tests, the bundled SMS provider simulator with the SMS channel pointed at it.
 * Everything it starts is stopped by close(), in reverse order.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../config.ts';
import type { QuietHours } from '../../engine/outbox/quiet-hours.ts';
import { startSmsSimulator } from '../../engine/sms-sim/index.ts';
import type { SmsSimulator } from '../../engine/sms-sim/index.ts';
import { openStore } from '../../store/open-store.ts';
import type { Db } from '../../store/database.ts';
import { purgeExpiredSessions } from '../auth/sessions.ts';
import { shopSignName } from '../api-deps.ts';
import type { ApiDeps } from '../api-deps.ts';
import { createApp } from '../app.ts';
import type { ApiApp } from '../app.ts';
import { ConnectionPool } from '../connections.ts';
import { startSenderLoops } from './sender-loops.ts';
import type { SenderLoops } from './sender-loops.ts';

export interface ServerOptions {
  readonly config: Config;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly webRoot: string | null;
  /** Run the background senders (default true). */
  readonly send: boolean;
  /** Start the bundled SMS simulator and send SMS to it. */
  readonly smsSimulator: boolean;
  readonly quietHours?: QuietHours;
  readonly senderPollMs?: number;
  readonly connections?: number;
  readonly checkResponses?: boolean;
  readonly log: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly db: Db;
  readonly api: ApiApp;
  readonly smsSimulator: SmsSimulator | null;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const sim = options.smsSimulator ? await startSmsSimulator({}) : null;
  const config: Config = sim === null ? options.config : { ...options.config, sms: { ...options.config.sms, endpoint: sim.url } };
  const db = await openStore({
    path: config.dbPath,
    ...(config.memoryLimit === null ? {} : { memoryLimit: config.memoryLimit }),
    ...(config.trace === null ? {} : { trace: config.trace }),
  });
  const pool = new ConnectionPool(db, options.connections ?? 4);
  const deps: ApiDeps = { config, pool, now: Date.now, webRoot: options.webRoot, checkResponses: options.checkResponses ?? false };
  const api = createApp(deps);
  const senders: SenderLoops | null = options.send
    ? await startSenderLoops(db, {
        config, signName: (shop) => shopSignName(deps, shop), log: options.log,
        ...(options.quietHours === undefined ? {} : { quietHours: options.quietHours }),
        ...(options.senderPollMs === undefined ? {} : { pollMs: options.senderPollMs }),
      })
    : null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: api.app.fetch, hostname: options.host, port: options.port }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  // Expired sessions are refused on sight; this only keeps the table small.
  const purge = setInterval(() => {
    void pool.use((conn) => purgeExpiredSessions(conn, Date.now())).catch((e: unknown) => options.log(`session purge: ${String(e)}`));
  }, 60 * 60 * 1000);
  purge.unref();
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  let closed = false;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    port,
    db,
    api,
    smsSimulator: sim,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(purge);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server && typeof server.closeAllConnections === 'function') server.closeAllConnections();
      });
      await senders?.close();
      await api.close();
      pool.close();
      db.close();
      await sim?.close();
    },
  };
}
