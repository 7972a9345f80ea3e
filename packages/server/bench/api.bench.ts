/**
 * npm run bench:api — a 1,000,000-customer shop (cached in .bench/api) served by the real server over
 * loopback HTTP: p50/p95 of the customer list with filters, the customer profile and the overview, each with
 * the ratio to GET /api/auth/me measured in the same run (the floor: HTTP, session lookup, JSON); then the
 * overview page in headless Chromium, from navigation to the KPI cards drawn.
 * Env: BENCH_CUSTOMERS (1,000,000), BENCH_ORDERS (4,000,000), BENCH_REQUESTS (60 per case), BENCH_DIR,
 * BENCH_MEMORY_LIMIT (DuckDB's, default 3GB), BENCH_BROWSER=0 to skip the browser.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addUser } from '../src/api/auth/user-admin.ts';
import { startServer } from '../src/api/serve/start-server.ts';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/store/open-store.ts';
import { loadAverage, median, runWorker } from './support/measure.ts';

const customers = Number(process.env['BENCH_CUSTOMERS'] ?? 1_000_000);
const orders = Number(process.env['BENCH_ORDERS'] ?? 4_000_000);
const requests = Number(process.env['BENCH_REQUESTS'] ?? 60);
const memoryLimit = process.env['BENCH_MEMORY_LIMIT'] ?? '3GB';
const dir = resolve(process.env['BENCH_DIR'] ?? '.bench/api');
mkdirSync(dir, { recursive: true });
const dbPath = join(dir, `shop-${orders}-${customers}.duckdb`);
const marker = `${dbPath}.json`;
if (!existsSync(marker)) {
  const made = runWorker('make-analyze-shop', [dbPath, String(orders), String(customers)]);
  const labelled = runWorker('make-api-shop', [dbPath, '2026-06-30', memoryLimit]);
  writeFileSync(marker, JSON.stringify(made));
  console.log(`built ${dbPath} in ${((made.ms + labelled.ms) / 1000).toFixed(1)} s`);
} else {
  console.log(`reusing ${dbPath}`);
}
const shape = JSON.parse(readFileSync(marker, 'utf8')) as Record<string, number>;
console.log(`shop: ${shape['orders']?.toLocaleString()} orders, ${shape['customers']?.toLocaleString()} customers; ${requests} requests per case`);
console.log(`machine load average before: ${loadAverage()}; DuckDB memory_limit ${memoryLimit}`);

const password = 'bench-password-1';
{
  const db = await openStore({ path: dbPath });
  const [exists] = await db.all(`SELECT count(*) AS n FROM users WHERE username = 'bench'`);
  if (Number(exists?.['n'] ?? 0) === 0) await addUser(db, { username: 'bench', role: 'owner', password, displayName: 'bench' }, Date.now());
  db.close();
}
const server = await startServer({
  config: loadConfig({ LANG: 'en_US.UTF-8', HUITOU_DB: dbPath, HUITOU_MEMORY_LIMIT: memoryLimit }),
  host: '127.0.0.1', port: 0, webRoot: resolve('packages/web/dist'), send: false, smsSimulator: false,
  log: (l) => console.error(l),
});
try {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password }) });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const get = async (path: string): Promise<number> => {
    const t0 = performance.now();
    const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
    return performance.now() - t0;
  };
  const shop = '/api/shops/bench';
  const ids = Array.from({ length: requests }, (_, i) => 1 + ((i * 7919 + 13) % customers));
  const listCases = [
    '/customers?limit=50',
    '/customers?segment=important_value&sort=spend&desc=true&limit=50',
    '/customers?lifecycle=silent&customerType=repeat&limit=50&offset=500',
    '/customers?province=浙江省&minOrders=3&sort=last&desc=true&limit=50',
    '/customers?search=顾客12345&limit=50',
    '/customers?tier=gold&churnRisk=high&sort=clv&desc=true&limit=50',
    '/customers?dueState=overdue&limit=50',
  ];
  const cases: [string, (i: number) => string][] = [
    ['baseline GET /auth/me', () => '/api/auth/me'],
    ['customer list (all cases)', (i) => `${shop}${encodeURI(listCases[i % listCases.length]!)}`],
    ...listCases.map((c): [string, (i: number) => string] => [`  list ${c.replace('/customers?', '').replace(/&?limit=50/, '')}`, () => `${shop}${encodeURI(c)}`]),
    ['customer profile', (i) => `${shop}/customers/${ids[i]}`],
    // Customer 1 buys most often in the generated shop (~1 % of all orders: 30k+ at 4M).
    ['customer profile (heavy buyer, id 1)', () => `${shop}/customers/1`],
    ['overview', () => `${shop}/overview?period=30`],
  ];
  const results: Record<string, { p50: number; p95: number }> = {};
  for (const [name, path] of cases) {
    for (let i = 0; i < 5; i++) await get(path(i)); // warm-up
    const times: number[] = [];
    for (let i = 0; i < requests; i++) times.push(await get(path(i)));
    times.sort((a, b) => a - b);
    results[name] = { p50: median(times), p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]! };
  }
  const base = results['baseline GET /auth/me']!;
  for (const [name, r] of Object.entries(results)) {
    console.log(`${name.padEnd(58)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms   ratio p50 ${(r.p50 / base.p50).toFixed(1)}×`);
  }
  if (process.env['BENCH_BROWSER'] !== '0') {
    const { launchBrowser } = await import('../test/e2e/support/browser.ts');
    const browser = await launchBrowser();
    try {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const context = await browser.newContext();
        await context.addCookies([{ name: cookie.split('=')[0]!, value: cookie.slice(cookie.indexOf('=') + 1), url: server.url }]);
        const page = await context.newPage();
        const t0 = performance.now();
        await page.goto(`${server.url}/#/overview`);
        await page.waitForSelector('[data-testid="kpi-returningBuyers-value"]', { timeout: 30_000 });
        await page.waitForSelector('[data-testid="chart-trend"][data-ready="true"]', { timeout: 30_000 });
        times.push(performance.now() - t0);
        await context.close();
      }
      console.log(`overview page ready (browser) median ${median(times).toFixed(0)} ms   runs ${times.map((t) => t.toFixed(0)).join(' ')}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
console.log(`machine load average after: ${loadAverage()}`);
