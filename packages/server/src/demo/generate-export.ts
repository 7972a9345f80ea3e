/**
 * The generation loop shared by the demo shop and the benchmarks: customers one at a time (never
 * all orders in memory), each with its own PRNG stream, written straight to the export files.
 */
import { mkdir } from 'node:fs/promises';
import { ArrivalSampler } from './arrival.ts';
import { daysFromCivil, formatDay, parseDay, SECONDS_PER_DAY, ShopCalendar } from './calendar.ts';
import { simulateCustomer, type BehaviourParams, type PlannedOrder } from './customer-behaviour.ts';
import { orderNumber, trackingDigits } from './ids.ts';
import { decideOutcome } from './order-outcome.ts';
import { makePerson } from './people.ts';
import { Rng } from './prng.ts';
import { exportFileNames, TaobaoLegacyWriter } from './taobao-legacy-writer.ts';
import { TruthAccumulator, type DemoTruth } from './truth.ts';

/** Fully resolved generation settings. */
export interface GenerateConfig {
  readonly seed: number;
  /** Last day of orders, `YYYY-MM-DD`; the export is taken at 23:59:59 China time that day. */
  readonly endDate: string;
  readonly years: number;
  readonly shopName: string;
  /** Stop after this many customers (null: no limit). */
  readonly maxCustomers: number | null;
  /** Stop after exactly this many orders (null: no limit; the last customer may be cut short). */
  readonly maxOrders: number | null;
  readonly behaviour: BehaviourParams;
}

/** What a generation run wrote. */
export interface ExportResult {
  readonly orderFile: string;
  readonly detailFile: string;
  readonly membersFile: string;
  /** Rows in the order file. */
  readonly orders: number;
  /** Rows in the detail file. */
  readonly lines: number;
  /** Distinct 买家会员名. */
  readonly customers: number;
  /** Bytes written over the three files. */
  readonly bytes: number;
  /** First and last order day of the simulated window (`YYYY-MM-DD`). */
  readonly firstDay: string;
  readonly lastDay: string;
  /** Statistics an importer must reproduce; definitions in truth.ts. */
  readonly truth: DemoTruth;
}

const PROGRESS_EVERY = 10_000;

/** First day of a window of `years` × 365.25 days ending on `endDay` (inclusive). */
export function windowStart(endDay: number, years: number): number {
  return endDay - Math.max(1, Math.round(years * 365.25)) + 1;
}

/** Run the generator into `dir`; see {@link GenerateConfig}. */
export async function generateExport(dir: string, config: GenerateConfig, onProgress?: (ordersWritten: number) => void): Promise<ExportResult> {
  const lastDay = parseDay(config.endDate);
  const firstDay = windowStart(lastDay, config.years);
  const exportSeconds = lastDay * SECONDS_PER_DAY + SECONDS_PER_DAY - 1;
  const calendar = new ShopCalendar(firstDay, lastDay);
  const arrivals = new ArrivalSampler(calendar);
  const stamp = `${config.endDate.replaceAll('-', '')}2359`;
  await mkdir(dir, { recursive: true });
  const files = exportFileNames(dir, stamp);
  const writer = new TaobaoLegacyWriter(files, config.shopName, String(560_000_000 + (Math.abs(config.seed) % 1_000_000)));
  const truth = new TruthAccumulator();
  const rng = new Rng(config.seed);
  const maxOrders = config.maxOrders ?? Infinity;
  const maxCustomers = config.maxCustomers ?? Infinity;
  let written = 0;
  let nextProgress = PROGRESS_EVERY;
  let customerIndex = 0;
  let person = makePerson(0, rng);

  const emit = (plan: PlannedOrder): void => {
    if (written >= maxOrders) return;
    const outcome = decideOutcome(plan, rng, calendar, exportSeconds);
    const createdText = writer.formatTime(plan.created);
    const message = rng.chance(0.03) ? rng.int(4) : -1;
    const memo = rng.chance(0.01) ? rng.int(2) : -1;
    const extras = { message, memo, carrier: rng.int(4), mobile: rng.chance(0.85), tracking: trackingDigits(written) };
    const no = orderNumber(written, Math.floor(plan.created / SECONDS_PER_DAY), customerIndex);
    writer.writeOrder(person, no, plan, outcome, createdText, extras);
    truth.addOrder(outcome, plan.lines, plan.created, createdText);
    written++;
  };

  try {
    for (; customerIndex < maxCustomers && written < maxOrders; customerIndex++) {
      rng.reseed(config.seed, customerIndex);
      person = makePerson(customerIndex, rng);
      truth.beginCustomer();
      simulateCustomer(rng, arrivals, exportSeconds, config.behaviour, emit);
      if (truth.endCustomer() > 0 && rng.chance(0.35)) {
        writer.writeMember(person, birthday(rng));
        truth.addMember();
      }
      if (written >= nextProgress) {
        onProgress?.(written);
        nextProgress = (Math.floor(written / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
        await writer.ready();
      }
    }
  } finally {
    await writer.close();
  }
  onProgress?.(written);
  const result = truth.finish();
  return {
    ...files,
    orders: result.orders,
    lines: result.lines,
    customers: result.customers,
    bytes: writer.bytesWritten,
    firstDay: formatDay(firstDay),
    lastDay: formatDay(lastDay),
    truth: result,
  };
}

/** A parent's birthday between 1982 and 2001. */
function birthday(rng: Rng): string {
  return formatDay(daysFromCivil(1982, 1, 1) + rng.int(20 * 365));
}
