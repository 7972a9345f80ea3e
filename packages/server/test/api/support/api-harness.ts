/**
 * The API in-process for tests: a fresh store in a temp DuckDB file, one user per role, createApp with a
 * pinned clock and response checking, and clients that log in (cookie + CSRF header sent automatically) or
 * use a bearer token. `seedShop` imports a small canonical CSV through the real importer and runs the
 * analysis. Every person and phone here is invented.
 *
 *   const api = await createTestApi();
 *   const owner = await api.login('owner');
 *   const res = await owner.get('/api/users');        // { status, body, headers, text }
 *   await api.close();
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDay } from '@huitou/core';
import { defaultAnalysisOptions } from '../../../src/analysis/analysis-options.ts';
import type { AnalysisRun } from '../../../src/analysis/run-analysis.ts';
import { runAnalysis } from '../../../src/analysis/run-analysis.ts';
import type { Role, Scope } from '../../../src/api/access.ts';
import { createApp } from '../../../src/api/app.ts';
import type { ApiApp } from '../../../src/api/app.ts';
import { CSRF_HEADER } from '../../../src/api/auth/authenticate.ts';
import { SESSION_COOKIE } from '../../../src/api/auth/sessions.ts';
import { createToken } from '../../../src/api/auth/tokens.ts';
import { addUser } from '../../../src/api/auth/user-admin.ts';
import { ConnectionPool } from '../../../src/api/connections.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Db } from '../../../src/store/database.ts';
import { importFiles } from '../../../src/importers/pipeline/run-import.ts';
import type { ImportReport } from '../../../src/importers/pipeline/run-import.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { ensureShop } from '../../../src/store/repositories/shop.repository.ts';
import type { Shop } from '../../../src/store/repositories/shop.repository.ts';
import { tempDir } from '../../support/paths.ts';

/** Users created in every test API: username = role, password = PASSWORDS[role]. */
export const PASSWORDS: Readonly<Record<Role, string>> = { owner: 'owner-password-1', operator: 'operator-password-1', analyst: 'analyst-password-1' };
/** The pinned clock's start: 2026-11-25 10:00 in Shanghai. */
export const START_MS = Date.UTC(2026, 10, 25, 2, 0, 0);

export interface TestApiOptions {
  /** Extra environment for loadConfig (HUITOU_DB is set to the temp file). */
  readonly env?: Readonly<Record<string, string>>;
  /** Initial clock (epoch ms); default START_MS. */
  readonly nowMs?: number;
  /** Pool size (default 4). */
  readonly connections?: number;
}

export interface ApiResponse<T = unknown> {
  readonly status: number;
  /** Parsed JSON (undefined when the body is not JSON). */
  readonly body: T;
  readonly text: string;
  readonly headers: Headers;
}

export interface RequestOptions {
  /** JSON-serialised unless a string/Uint8Array is given (then sent as is). */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Peer address seen by the server (default 127.0.0.1). */
  readonly address?: string;
}

export interface ApiClient {
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  get<T = unknown>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>>;
  patch<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>>;
  put<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>>;
  delete<T = unknown>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
}

export interface SessionClient extends ApiClient {
  readonly username: string;
  readonly cookie: string;
  readonly csrfToken: string;
}

export interface TestApi {
  readonly api: ApiApp;
  readonly db: Db;
  readonly pool: ConnectionPool;
  readonly dir: string;
  /** The pinned clock: read it, set it, or advance it. */
  readonly clock: { ms: number; advance(ms: number): void };
  /** Requests with no credentials (add your own headers). */
  readonly anonymous: ApiClient;
  /** Logs in through POST /api/auth/login (password defaults to the role user's). */
  login(username: string, password?: string): Promise<SessionClient>;
  /** Creates a token directly in the store and returns a bearer client for it. */
  tokenClient(role: Role, scopes: readonly Scope[], name?: string): Promise<ApiClient & { readonly secret: string; readonly tokenId: number }>;
  /** A client that sends `Authorization: Bearer <secret>`. */
  bearer(secret: string): ApiClient;
  /** Imports SEED_CSV (or `csv`) into a shop and analyses it as of `asOf` (default 2024-12-31). */
  seedShop(options?: { readonly shop?: string; readonly csv?: string; readonly asOf?: string }): Promise<SeededShop>;
  close(): Promise<void>;
}

export interface SeededShop {
  readonly shop: Shop;
  readonly report: ImportReport;
  readonly analysis: AnalysisRun;
}

/**
 * Canonical orders for seedShop: 4 customers with names and CN mobile numbers (one with +86 and spaces),
 * repeat buyers, a refund and an unpaid order.
 */
export const SEED_CSV = [
  'order_id,customer_id,order_time,amount,status,refund,sku,title,quantity,unit_price,name,phone,email,province,city',
  'A1,C001,2024-01-10 10:00:00,100.00,completed,0,SKU-1,龙井茶 250g,2,50.00,张三,13800001234,zhangsan@example.com,浙江省,杭州市',
  'A2,C001,2024-02-09 10:00:00,200.00,completed,0,SKU-2,茶杯,4,50.00,张三,13800001234,zhangsan@example.com,浙江省,杭州市',
  'A3,C001,2024-12-20 10:00:00,300.00,completed,0,SKU-1,龙井茶 250g,6,50.00,张三,13800001234,zhangsan@example.com,浙江省,杭州市',
  'B1,C002,2024-06-01 10:00:00,50.00,completed,0,SKU-2,茶杯,1,50.00,李四,+86 139 0000 5678,,江苏省,南京市',
  'C1,C003,2024-03-01 10:00:00,80.00,unpaid,0,SKU-1,龙井茶 250g,1,80.00,王五,15900009876,,上海市,上海市',
  'D1,C004,2024-12-05 10:00:00,500.00,completed,20,SKU-3,白茶饼,5,100.00,欧阳娜娜,18600004321,ouyang@example.com,广东省,广州市',
  'D2,C004,2024-12-05 11:00:00,100.00,completed,0,SKU-1,龙井茶 250g,2,50.00,欧阳娜娜,18600004321,ouyang@example.com,广东省,广州市',
  '',
].join('\n');

/** The full phone numbers in SEED_CSV (digits only): an analyst must never receive any of them. */
export const SEED_PHONES = ['13800001234', '13900005678', '15900009876', '18600004321'];

export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const tmp = tempDir('huitou-api-');
  const dbPath = join(tmp.path, 'api.duckdb');
  const db = await openStore({ path: dbPath });
  const pool = new ConnectionPool(db, options.connections ?? 4);
  const clock = {
    ms: options.nowMs ?? START_MS,
    advance(ms: number): void {
      this.ms += ms;
    },
  };
  for (const role of ['owner', 'operator', 'analyst'] as const) {
    await addUser(db, { username: role, role, password: PASSWORDS[role], displayName: `Test ${role}` }, clock.ms);
  }
  const config = loadConfig({ LANG: 'en_US.UTF-8', HUITOU_DB: dbPath, ...options.env });
  const api = createApp({ config, pool, now: () => clock.ms, webRoot: null, checkResponses: true });

  const send = async <T>(method: string, path: string, auth: Record<string, string>, options: RequestOptions = {}): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...auth };
    let body: string | Uint8Array | undefined;
    if (options.body !== undefined) {
      if (typeof options.body === 'string' || options.body instanceof Uint8Array) body = options.body;
      else {
        body = JSON.stringify(options.body);
        headers['content-type'] = 'application/json';
      }
    }
    Object.assign(headers, options.headers);
    const env = { incoming: { socket: { remoteAddress: options.address ?? '127.0.0.1' } } };
    const res = await api.app.request(path, { method, headers, ...(body === undefined ? {} : { body }) }, env);
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed as T, text, headers: res.headers };
  };

  const client = (auth: () => Record<string, string>, unsafeAuth: () => Record<string, string> = auth): ApiClient => ({
    request: (method, path, o) => send(method.toUpperCase(), path, ['GET', 'HEAD'].includes(method.toUpperCase()) ? auth() : unsafeAuth(), o),
    get: (path, o) => send('GET', path, auth(), o),
    post: (path, body, o) => send('POST', path, unsafeAuth(), { ...o, body }),
    patch: (path, body, o) => send('PATCH', path, unsafeAuth(), { ...o, body }),
    put: (path, body, o) => send('PUT', path, unsafeAuth(), { ...o, body }),
    delete: (path, o) => send('DELETE', path, unsafeAuth(), o),
  });

  const anonymous = client(() => ({}));
  const bearer = (secret: string): ApiClient => client(() => ({ authorization: `Bearer ${secret}` }));

  return {
    api,
    db,
    pool,
    dir: tmp.path,
    clock,
    anonymous,
    bearer,
    async login(username, password) {
      const res = await anonymous.post<{ csrfToken: string }>('/api/auth/login', { username, password: password ?? PASSWORDS[username as Role] ?? '' });
      if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${res.text}`);
      const cookie = sessionCookie(res.headers);
      if (cookie === null) throw new Error('login set no session cookie');
      const csrfToken = res.body.csrfToken;
      const base = client(() => ({ cookie: `${SESSION_COOKIE}=${cookie}` }), () => ({ cookie: `${SESSION_COOKIE}=${cookie}`, [CSRF_HEADER]: csrfToken }));
      return { ...base, username, cookie, csrfToken };
    },
    async tokenClient(role, scopes, name = `${role}-token`) {
      const { token, secret } = await createToken(db, { name, role, scopes, createdBy: null }, clock.ms);
      return { ...bearer(secret), secret, tokenId: token.tokenId };
    },
    async seedShop(seed = {}) {
      const shop = await ensureShop(db, seed.shop ?? 'demo', 'Asia/Shanghai');
      const file = join(tmp.path, `${shop.name}-orders.csv`);
      writeFileSync(file, seed.csv ?? SEED_CSV);
      const report = await importFiles(db, { shopId: shop.shopId, timeZone: shop.timeZone, files: [file], format: null, strict: false, columnMap: null });
      const analysis = await runAnalysis(db, shop.shopId, shop.timeZone, defaultAnalysisOptions(parseDay(seed.asOf ?? '2024-12-31')));
      return { shop, report, analysis };
    },
    async close() {
      await api.close();
      pool.close();
      db.close();
      tmp.remove();
    },
  };
}

/** The session cookie's value from a login response, or null. */
export function sessionCookie(headers: Headers): string | null {
  for (const line of headers.getSetCookie()) {
    const match = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(line);
    if (match !== null && match[1] !== '') return match[1]!;
  }
  return null;
}

/** Every string in a JSON value that contains one of SEED_PHONES' digits unmasked (ignoring separators). */
export function unmaskedPhones(value: unknown, phones: readonly string[] = SEED_PHONES): string[] {
  const found: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string' || typeof v === 'number') {
      const digits = String(v).replace(/[\s+-]/g, '');
      if (phones.some((p) => digits.includes(p))) found.push(String(v));
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) Object.entries(v).forEach(([k, x]) => (visit(k), visit(x)));
  };
  visit(value);
  return found;
}
