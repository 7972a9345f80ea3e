/**
 * One synthetic customer's order history: arrival, type (one-time, replenisher, deal hunter),
 * replenishment around per-SKU consumption cycles, churn, and seasonal shifts (双11/618 waits and
 * stock-ups, buying ahead of 春节). Pure: (seed-derived rng, calendar, window) → planned orders.
 */
import { CONSUMABLE_FAMILIES, DURABLE_FAMILIES, FAMILIES, skuById, type ProductFamily } from './catalogue.ts';
import { civilFromDays, daysFromCivil, SECONDS_PER_DAY, type ShopCalendar } from './calendar.ts';
import type { ArrivalSampler } from './arrival.ts';
import { WeightedTable, type Rng } from './prng.ts';

/** What eventually happens to an order (the writer turns this into a status at export time). */
export type Fate = 'unpaid' | 'paid' | 'refund' | 'partial';

/** One planned order line. */
export interface PlannedLine {
  readonly skuId: number;
  readonly quantity: number;
}

/** One planned order; `created` is China local seconds. */
export interface PlannedOrder {
  readonly created: number;
  readonly lines: readonly PlannedLine[];
  readonly fate: Fate;
}

/** Behaviour knobs. `loyalty` 0 is the demo shop; towards 1 fewer one-timers and less churn. */
export interface BehaviourParams {
  readonly loyalty: number;
}

const DAY = SECONDS_PER_DAY;
const consumableTable = new WeightedTable(CONSUMABLE_FAMILIES.map((f) => f.weight));
const durableTable = new WeightedTable(DURABLE_FAMILIES.map((f) => f.weight));
const anyFamilyTable = new WeightedTable(FAMILIES.map((f) => (f.consumable ? f.weight : f.weight * 1.6)));
const QTY_TABLE = new WeightedTable([55, 30, 15]);

interface Staple {
  skuId: number;
  qty: number;
  due: number;
  /** Days one item lasts this household. */
  daysPerItem: number;
}

/**
 * Simulate customer history and call `emit` for each order in time order, all within
 * [first day 00:00, `endSeconds`]. Returns the number of orders emitted.
 */
export function simulateCustomer(
  rng: Rng,
  arrivals: ArrivalSampler,
  endSeconds: number,
  params: BehaviourParams,
  emit: (order: PlannedOrder) => void,
): number {
  const loyalty = params.loyalty;
  const arrival = arrivals.sample(rng);
  let count = 0;
  const place = (created: number, lines: PlannedLine[], allowAbandon: boolean): Fate => {
    if (rng.chance(0.05)) {
      const before = created - 300 - rng.int(5 * 3600);
      emit({ created: Math.max(before, arrivals.firstSeconds), lines, fate: 'unpaid' });
      count++;
      if (allowAbandon && rng.chance(0.25)) return 'unpaid';
    }
    const u = rng.next();
    const fate: Fate = u < 0.036 ? 'refund' : u < 0.056 && lines.length > 1 ? 'partial' : 'paid';
    emit({ created, lines, fate });
    count++;
    return fate;
  };

  const typeDraw = rng.next();
  if (typeDraw < 0.58 * (1 - loyalty)) {
    place(arrival, firstBasket(rng), true);
    return count;
  }

  const staples = chooseStaples(rng);
  const end = Math.min(endSeconds, arrival + rng.exponential(420 * DAY * (1 + 8 * loyalty)));
  if (rng.chance(0.1 * (1 - loyalty))) {
    dealHunter(rng, arrivals, staples, arrival, end, place);
    return count;
  }

  const bought = new Set<string>();
  const lines: PlannedLine[] = [];
  for (let i = 0; i < staples.length; i++) {
    const s = staples[i]!;
    if (i === 0 || rng.chance(0.5)) lines.push({ skuId: s.skuId, quantity: s.qty });
    else s.due = arrival + (3 + rng.int(40)) * DAY;
  }
  if (rng.chance(0.25)) lines.push(durableLine(rng, bought));
  let fate = place(arrival, lines, false);
  for (const s of staples) if (lines.some((l) => l.skuId === s.skuId)) s.due = nextDue(rng, s, arrival, 1, fate);

  const skipP = 0.08 * (1 - loyalty);
  let last = arrival;
  for (;;) {
    let next = staples[0]!;
    for (const s of staples) if (s.due < next.due) next = s;
    if (next.due > end) break;
    if (rng.chance(skipP)) {
      next.due += next.daysPerItem * next.qty * DAY * rng.lognormal(0.15);
      continue;
    }
    const [when, factor] = seasonalShift(rng, arrivals.calendar, next.due, last);
    const t = arrivals.atHour(rng, Math.floor(when / DAY));
    if (t > endSeconds) break;
    const basket: PlannedLine[] = [];
    const inBasket: Staple[] = [];
    for (const s of staples) {
      if (s === next || s.due <= t + 4 * DAY) {
        basket.push({ skuId: s.skuId, quantity: Math.max(1, Math.round(s.qty * factor)) });
        inBasket.push(s);
      }
    }
    if (rng.chance(0.06)) basket.push(durableLine(rng, bought));
    fate = place(t, basket, false);
    inBasket.forEach((s, i) => (s.due = nextDue(rng, s, t, basket[i]!.quantity / s.qty, fate)));
    last = t;
  }
  return count;
}

function nextDue(rng: Rng, s: Staple, t: number, factor: number, fate: Fate): number {
  if (fate === 'refund' || fate === 'unpaid') return t + (2 + rng.int(7)) * DAY;
  return t + s.daysPerItem * s.qty * factor * DAY * rng.lognormal(0.15);
}

function pickSku(rng: Rng, family: ProductFamily): number {
  return rng.pick(family.skuIds);
}

function chooseStaples(rng: Rng): Staple[] {
  const n = 1 + (rng.chance(0.45) ? 1 : 0) + (rng.chance(0.15) ? 1 : 0);
  const staples: Staple[] = [];
  const rate = rng.lognormal(0.1);
  for (let tries = 0; staples.length < n && tries < 20; tries++) {
    const family = CONSUMABLE_FAMILIES[consumableTable.sample(rng)]!;
    if (staples.some((s) => skuById(s.skuId).product === family.product)) continue;
    const sku = skuById(pickSku(rng, family));
    const qty = QTY_TABLE.sample(rng) + 1;
    staples.push({ skuId: sku.id, qty: sku.packs >= 3 ? 1 : qty, due: 0, daysPerItem: sku.cycleDaysPerPack * sku.packs * rate });
  }
  return staples;
}

function firstBasket(rng: Rng): PlannedLine[] {
  const family = FAMILIES[anyFamilyTable.sample(rng)]!;
  const lines: PlannedLine[] = [{ skuId: pickSku(rng, family), quantity: family.consumable ? 1 + (rng.chance(0.3) ? 1 : 0) : 1 }];
  if (rng.chance(0.2)) {
    const extra = pickSku(rng, CONSUMABLE_FAMILIES[consumableTable.sample(rng)]!);
    if (extra !== lines[0]!.skuId) lines.push({ skuId: extra, quantity: 1 });
  }
  return lines;
}

/** A durable the customer has not bought yet, if one turns up in a few draws (re-buys stay rare). */
function durableLine(rng: Rng, bought: Set<string>): PlannedLine {
  let family = DURABLE_FAMILIES[durableTable.sample(rng)]!;
  for (let i = 0; i < 3 && bought.has(family.product); i++) family = DURABLE_FAMILIES[durableTable.sample(rng)]!;
  bought.add(family.product);
  return { skuId: pickSku(rng, family), quantity: 1 };
}

/** Move a due time to a sale day or ahead of 春节; returns [new time, quantity factor]. */
function seasonalShift(rng: Rng, calendar: ShopCalendar, due: number, last: number): [number, number] {
  const day = Math.floor(due / DAY);
  const [y, m, d] = civilFromDays(day);
  if (m === 11 && d <= 10 && rng.chance(0.6)) return [daysFromCivil(y, 11, 11) * DAY, 2];
  if (m === 6 && d >= 8 && d < 18 && rng.chance(0.4)) return [daysFromCivil(y, 6, 18) * DAY, 1.5];
  const lny = calendar.nearestLunarNewYear(day);
  const offset = day - lny;
  if (offset >= -7 && offset <= 7 && rng.chance(0.75)) {
    const earlier = (lny - 8 - rng.int(5)) * DAY;
    if (earlier > last + DAY) return [earlier, offset > 0 ? 1.5 : 1];
  }
  return [due, 1];
}

type Place = (created: number, lines: PlannedLine[], allowAbandon: boolean) => Fate;

/** Buys only on 618 / 双11 / 双12, stocking up until the next sale. */
function dealHunter(rng: Rng, arrivals: ArrivalSampler, staples: Staple[], arrival: number, end: number, place: Place): void {
  const first = Math.floor(arrival / DAY);
  const sales: number[] = [];
  const [y0] = civilFromDays(first);
  const [y1] = civilFromDays(Math.floor(end / DAY));
  for (let y = y0; y <= y1; y++) sales.push(daysFromCivil(y, 6, 18), daysFromCivil(y, 11, 11), daysFromCivil(y, 12, 12));
  const events = [first, ...sales.filter((d) => d > first && d * DAY <= end)];
  events.forEach((day, i) => {
    if (i > 0 && !rng.chance(0.75)) return;
    const gap = (events[i + 1] ?? day + 150) - day;
    const lines = staples.map((s) => ({ skuId: s.skuId, quantity: Math.min(10, Math.max(1, Math.ceil(gap / s.daysPerItem))) }));
    const t = i === 0 ? arrival : arrivals.atHour(rng, day);
    if (t <= end) place(t, lines, false);
  });
}
