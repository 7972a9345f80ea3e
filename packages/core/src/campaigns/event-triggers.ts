/**
 * Event triggers. Two kinds of input: the day an event happened (an order, a tier upgrade, a due
 * day) matched exactly against the send day, so each event fires once; or two analysis runs
 * (previous and current arrays, aligned by customer id) where a state change is the event. Keys are
 * described in `occurrence-keys.ts`.
 */
import { NO_DAY } from '../analytics/columns.ts';
import { LIFECYCLE_STAGES, NO_STAGE } from '../analytics/lifecycle.ts';
import { afterOrderKey, MatchBuilder, pAliveKey, skuDueKey, stageKey, tierUpKey, type TriggerMatches } from './occurrence-keys.ts';

/** Orders for `afterOrderMatches` (the analytics order columns plus each order's own reference). */
export interface OrderEventColumns {
  readonly customer: Int32Array;
  readonly day: Int32Array;
  /** 1 = valid (paid / shipped / completed / partially refunded). */
  readonly valid: Uint8Array;
  /** The order's id in the source platform, stable across imports. */
  readonly ref: readonly string[];
}

/** Valid orders placed exactly `afterDays` days before `day` (post-purchase care); key `after_order:<ref>`. */
export function afterOrderMatches(orders: OrderEventColumns, day: number, afterDays: number): TriggerMatches {
  const orderDay = day - afterDays;
  const out = new MatchBuilder();
  for (let i = 0; i < orders.day.length; i++) {
    if (orders.day[i] === orderDay && orders.valid[i] === 1) out.add(orders.customer[i]!, afterOrderKey(orders.ref[i] ?? String(i)), orderDay);
  }
  return out.build();
}

/** Replenishment rows (the shape of `ReplenishmentList`). */
export interface DueRows {
  readonly customer: Int32Array;
  readonly sku: Int32Array;
  readonly lastDay: Int32Array;
  readonly dueDay: Int32Array;
  /** Index into `DUE_STATES`: 0 not_due, 1 due_soon, 2 due, 3 overdue. */
  readonly state: Uint8Array;
}

/** SKU matches carry the SKU too. */
export interface SkuTriggerMatches extends TriggerMatches {
  readonly sku: Int32Array;
}

/**
 * When a SKU "becomes due": `due_day` fires on `dueDay − leadDays = day` (no previous run needed);
 * `transition` fires when a (customer, SKU) row is in one of `states` now but was not in the
 * previous run (or was absent from it).
 */
export type SkuDueRule =
  | { readonly mode: 'due_day'; readonly day: number; readonly leadDays?: number }
  | { readonly mode: 'transition'; readonly previous: DueRows; readonly states: readonly number[] };

/** (customer, SKU) rows that became due; key `sku_due:<skuCode>:<last purchase day>`. */
export function skuDueMatches(current: DueRows, skuCodes: readonly string[], rule: SkuDueRule): SkuTriggerMatches {
  let wasIn: Set<string> | null = null;
  if (rule.mode === 'transition') {
    wasIn = new Set();
    const p = rule.previous;
    for (let i = 0; i < p.customer.length; i++) if (rule.states.includes(p.state[i]!)) wasIn.add(`${p.customer[i]}:${p.sku[i]}`);
  }
  const out = new MatchBuilder();
  const skus: number[] = [];
  for (let i = 0; i < current.customer.length; i++) {
    const c = current.customer[i]!;
    const sku = current.sku[i]!;
    const hit = rule.mode === 'due_day' ? current.dueDay[i]! - (rule.leadDays ?? 0) === rule.day : rule.states.includes(current.state[i]!) && !wasIn!.has(`${c}:${sku}`);
    if (!hit) continue;
    out.add(c, skuDueKey(skuCodes[sku] ?? String(sku), current.lastDay[i]!), current.lastDay[i]!);
    skus.push(sku);
  }
  return { ...out.build(), sku: Int32Array.from(skus) };
}

/**
 * Customers whose lifecycle stage is `stage` (index into `LIFECYCLE_STAGES`) now and was something
 * else in the previous run (customers missing from a shorter previous array count as `NO_STAGE`);
 * key `stage:<code>:<last valid order day>`.
 */
export function stageEnteredMatches(previous: Uint8Array, current: Uint8Array, lastOrderDay: Int32Array, stage: number): TriggerMatches {
  const code = LIFECYCLE_STAGES[stage]?.code;
  if (code === undefined) throw new RangeError(`no lifecycle stage ${stage}`);
  const out = new MatchBuilder();
  for (let c = 0; c < current.length; c++) {
    const last = lastOrderDay[c] ?? NO_DAY;
    if (current[c] === stage && (previous[c] ?? NO_STAGE) !== stage && last !== NO_DAY) out.add(c, stageKey(code, last), last);
  }
  return out.build();
}

/** Options for `pAliveBelowMatches`. */
export interface PAliveOptions {
  /** Also fire for customers below the threshold with no previous value (NaN or beyond the previous array): default false. */
  readonly includeUnseen?: boolean;
}

/**
 * Customers whose P(alive) crossed below `threshold` between runs (previous ≥ T > current);
 * key `palive_below:<T>:<last valid order day>`.
 */
export function pAliveBelowMatches(previous: Float64Array, current: Float64Array, lastOrderDay: Int32Array, threshold: number, options: PAliveOptions = {}): TriggerMatches {
  if (!(threshold > 0 && threshold < 1)) throw new RangeError(`threshold must be in (0, 1), got ${threshold}`);
  const out = new MatchBuilder();
  for (let c = 0; c < current.length; c++) {
    const now = current[c]!;
    const before = previous[c] ?? Number.NaN;
    const last = lastOrderDay[c] ?? NO_DAY;
    if (!(now < threshold) || last === NO_DAY) continue;
    if (before >= threshold || (Number.isNaN(before) && options.includeUnseen === true)) out.add(c, pAliveKey(threshold, last), last);
  }
  return out.build();
}

/** Tier change events (the event columns of `TierHistory`). */
export interface TierEvents {
  readonly eventCustomer: Int32Array;
  readonly eventDay: Int32Array;
  readonly eventFrom: Int8Array;
  readonly eventTo: Int8Array;
}

/**
 * Upgrades dated `day` to a tier ≥ `minTier` (index into the tier config; default any);
 * `tierCodes[i]` names tier i; key `tier_up:<code>:<day>`.
 */
export function tierUpgradeMatches(events: TierEvents, day: number, tierCodes: readonly string[], minTier = 0): TriggerMatches {
  const out = new MatchBuilder();
  for (let i = 0; i < events.eventDay.length; i++) {
    const to = events.eventTo[i]!;
    if (events.eventDay[i] === day && to > events.eventFrom[i]! && to >= minTier) out.add(events.eventCustomer[i]!, tierUpKey(tierCodes[to] ?? String(to), day), day);
  }
  return out.build();
}
