/**
 * Public entry points of the synthetic demo shop generator.
 *
 * - {@link writeTaobaoDemoExport}: the `huitou demo` shop — N customers over Y years.
 * - {@link writeTaobaoExportPair}: benchmarks — exactly N orders (optionally ≈ M customers).
 *
 * Both write `ExportOrderList<stamp>.csv` + `ExportOrderDetailList<stamp>.csv` (GBK, legacy Taobao
 * format, stamp = endDate + `2359`) and `members.csv` (UTF-8 with BOM), streaming; same options →
 * byte-identical files.
 */
import { ArrivalSampler } from './arrival.ts';
import { parseDay, SECONDS_PER_DAY, ShopCalendar } from './calendar.ts';
import { simulateCustomer } from './customer-behaviour.ts';
import { generateExport, windowStart, type ExportResult } from './generate-export.ts';
import { Rng } from './prng.ts';

/** Options of the demo shop. */
export interface DemoShopOptions {
  /** Customers to simulate (each has at least one order row). Default 20,000. */
  readonly customers: number;
  /** Length of the order history in years (× 365.25 days, ending on endDate). Default 3. */
  readonly years: number;
  /** PRNG seed. Default 1. */
  readonly seed: number;
  /** Last order day, `YYYY-MM-DD` China time; the export is taken at 23:59:59 that day. Default: today in Asia/Shanghai. */
  readonly endDate: string;
  /** 店铺名称. Default `回头客示范店`. */
  readonly shopName: string;
}

/** Defaults for everything but endDate. */
export const DEMO_SHOP_DEFAULTS: Omit<DemoShopOptions, 'endDate'> = { customers: 20_000, years: 3, seed: 1, shopName: '回头客示范店' };

/** Today's date in Asia/Shanghai as `YYYY-MM-DD`. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Write the demo shop's export into `dir` (created if missing).
 * @example const r = await writeTaobaoDemoExport('/tmp/demo', { customers: 2000, endDate: '2025-06-30' });
 */
export async function writeTaobaoDemoExport(
  dir: string,
  options: Partial<DemoShopOptions> = {},
  onProgress?: (ordersWritten: number) => void,
): Promise<ExportResult> {
  const o = { ...DEMO_SHOP_DEFAULTS, ...options, endDate: options.endDate ?? todayInShanghai() };
  checkPositive('customers', o.customers);
  checkPositive('years', o.years);
  return generateExport(
    dir,
    { seed: o.seed, endDate: o.endDate, years: o.years, shopName: o.shopName, maxCustomers: o.customers, maxOrders: null, behaviour: { loyalty: 0 } },
    onProgress,
  );
}

/** Options of {@link writeTaobaoExportPair}. */
export interface ExportPairOptions extends Partial<Omit<DemoShopOptions, 'customers'>> {
  /** Exact number of order rows to write. */
  readonly orders: number;
  /**
   * Approximate number of customers. When given, customer loyalty is calibrated so that
   * orders ÷ customers matches (within a few %, capped by what the behaviour can reach over
   * `years`); when absent, the demo shop's behaviour is used (≈ 2 orders per customer).
   */
  readonly customers?: number;
}

/**
 * Write exactly `options.orders` order rows (benchmarks). The last customer may be cut short;
 * truth statistics cover exactly what was written.
 * @example await writeTaobaoExportPair(tmp, { orders: 1_000_000, seed: 7, endDate: '2025-06-30' });
 */
export async function writeTaobaoExportPair(
  dir: string,
  options: ExportPairOptions,
  onProgress?: (ordersWritten: number) => void,
): Promise<ExportResult> {
  const o = { ...DEMO_SHOP_DEFAULTS, ...options, endDate: options.endDate ?? todayInShanghai() };
  checkPositive('orders', o.orders);
  const loyalty = options.customers === undefined ? 0 : calibrateLoyalty(o.orders / options.customers, o.endDate, o.years, o.seed);
  return generateExport(
    dir,
    { seed: o.seed, endDate: o.endDate, years: o.years, shopName: o.shopName, maxCustomers: null, maxOrders: Math.floor(o.orders), behaviour: { loyalty } },
    onProgress,
  );
}

/** Mean order rows per customer for a loyalty, from a 1,500-customer pilot (no files). */
export function pilotOrdersPerCustomer(loyalty: number, endDate: string, years: number, seed: number): number {
  const lastDay = parseDay(endDate);
  const calendar = new ShopCalendar(windowStart(lastDay, years), lastDay);
  const arrivals = new ArrivalSampler(calendar);
  const end = lastDay * SECONDS_PER_DAY + SECONDS_PER_DAY - 1;
  const rng = new Rng(seed ^ 0x5eed);
  const customers = 1500;
  let orders = 0;
  for (let i = 0; i < customers; i++) {
    rng.reseed(seed ^ 0x5eed, i);
    orders += simulateCustomer(rng, arrivals, end, { loyalty }, () => undefined);
  }
  return orders / customers;
}

function calibrateLoyalty(target: number, endDate: string, years: number, seed: number): number {
  if (pilotOrdersPerCustomer(0, endDate, years, seed) >= target) return 0;
  if (pilotOrdersPerCustomer(1, endDate, years, seed) <= target) return 1;
  let [lo, hi] = [0, 1];
  for (let i = 0; i < 10; i++) {
    const mid = (lo + hi) / 2;
    if (pilotOrdersPerCustomer(mid, endDate, years, seed) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function checkPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a positive number, got ${value}`);
}
