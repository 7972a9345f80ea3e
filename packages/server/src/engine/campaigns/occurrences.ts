/**
 * When a campaign's trigger fires on a shop-local day: shop-wide occurrences (once, cron, retail dates,
 * member days) have one key for everyone; customer triggers (birthday, N days after an order, a SKU due,
 * a lifecycle stage, P(alive) below a threshold, a tier upgrade) add a SQL filter choosing the customers
 * and an episode expression, so that a customer is touched once per episode however many days the
 * condition holds. Keys follow core's scheme (campaigns/occurrence-keys.ts).
 */
import { formatDay, instantOfWallTime, isMemberDay, localDayAt, nextOccurrences, retailDateOccurrence } from '@huitou/core';
import type { TriggerSpec } from '@huitou/core';
import type { SqlValue } from '../../store/database.ts';
import type { SqlDialect } from '../../store/sql-dialect.ts';

export interface Occurrence {
  readonly key: string;
  /** When the occurrence's messages may start going out. */
  readonly sendAtMs: number;
  /** Extra condition on `c` (customers) / `a` (customer_analysis); placeholders numbered from the given start. */
  readonly filter: ((bind: (v: SqlValue) => string) => string) | null;
  /** SQL text giving each customer's episode key; the occurrence key when null. */
  readonly episode: ((bind: (v: SqlValue) => string) => string) | null;
}

export type OccurrenceResult = { readonly ok: true; readonly occurrences: Occurrence[] } | { readonly ok: false; readonly message: string };

const DAY_MS = 86_400_000;

/** Occurrences of `trigger` on shop-local `day` in `timeZone`; `dayStartMs` is that day's first instant. */
export function occurrencesOn(trigger: TriggerSpec, day: number, timeZone: string, dayStartMs: number, nowMs: number, sql: SqlDialect): OccurrenceResult {
  const at = (ms: number) => Math.max(ms, nowMs);
  const date = formatDay(day);
  const one = (key: string, extra: Partial<Occurrence> = {}): OccurrenceResult => ({
    ok: true,
    occurrences: [{ key, sendAtMs: at(dayStartMs + 10 * 3_600_000), filter: null, episode: null, ...extra }],
  });
  switch (trigger.kind) {
    case 'once': {
      const ms = instantOfWallTime(trigger.at, timeZone);
      return localDayAt(ms, timeZone) === day ? one('once', { sendAtMs: at(ms) }) : { ok: true, occurrences: [] };
    }
    case 'recurring': {
      const times = nextOccurrences(trigger.cron, dayStartMs - 1, timeZone, 48).filter((ms) => ms < dayStartMs + DAY_MS);
      return { ok: true, occurrences: times.map((ms) => ({ key: `cron:${new Date(ms).toISOString().slice(0, 16)}Z`, sendAtMs: at(ms), filter: null, episode: null })) };
    }
    case 'retail_date': {
      const occ = retailDateOccurrence(day, trigger.code, trigger.daysBefore);
      return occ === null ? { ok: true, occurrences: [] } : one(occ.key);
    }
    case 'member_day':
      return isMemberDay(day + trigger.daysBefore, trigger.daysOfMonth) ? one(`member_day:${formatDay(day + trigger.daysBefore)}`) : { ok: true, occurrences: [] };
    case 'birthday': {
      const target = formatDay(day + trigger.daysBefore);
      const [, mm, dd] = target.split('-');
      const leapFallback = mm === '02' && dd === '28' && !isLeap(Number(target.slice(0, 4)));
      return one(`birthday:${target}`, {
        filter: (bind) =>
          `(${sql.monthDay('c.birthday')} = ${bind(`${mm}-${dd}`)}${leapFallback ? ` OR ${sql.monthDay('c.birthday')} = '02-29'` : ''})`,
      });
    }
    case 'after_order':
      return one(`after_order:${date}`, {
        filter: (bind) =>
          `EXISTS (SELECT 1 FROM orders o WHERE o.shop_id = c.shop_id AND o.customer_id = c.customer_id
             AND o.status IN ('paid', 'shipped', 'completed', 'partially_refunded')
             AND o.order_time >= to_timestamp(${bind((dayStartMs - trigger.days * DAY_MS) / 1000)})
             AND o.order_time < to_timestamp(${bind((dayStartMs - (trigger.days - 1) * DAY_MS) / 1000)}))`,
        episode: (bind) => `'after_order:' || ${bind(formatDay(day - trigger.days))}`,
      });
    case 'sku_due':
      return one(`sku_due:${date}`, {
        filter: (bind) =>
          `EXISTS (SELECT 1 FROM customer_sku_due d WHERE d.shop_id = c.shop_id AND d.customer_id = c.customer_id
             AND d.due_on = CAST(${bind(formatDay(day + trigger.leadDays))} AS DATE))`,
        episode: (bind) =>
          `'sku_due:' || (SELECT min(d.product_key || ':' || CAST(d.last_purchase AS VARCHAR)) FROM customer_sku_due d
             WHERE d.shop_id = c.shop_id AND d.customer_id = c.customer_id AND d.due_on = CAST(${bind(formatDay(day + trigger.leadDays))} AS DATE))`,
      });
    case 'stage_entered':
      return one(`stage:${trigger.stage}:${date}`, {
        filter: (bind) => `a.lifecycle = ${bind(trigger.stage)}`,
        episode: (bind) => `'stage:' || ${bind(trigger.stage)} || ':' || CAST(a.last_order AS VARCHAR)`,
      });
    case 'palive_below':
      return one(`palive_below:${date}`, {
        filter: (bind) => `a.p_alive < ${bind(trigger.threshold)}`,
        episode: (bind) => `'palive_below:' || ${bind(String(trigger.threshold))} || ':' || CAST(a.last_order AS VARCHAR)`,
      });
    case 'tier_upgrade':
      return one(`tier_up:${date}`, {
        filter: (bind) =>
          `EXISTS (SELECT 1 FROM customer_tier_history h WHERE h.shop_id = c.shop_id AND h.customer_id = c.customer_id
             AND h.direction = 'up' AND h.changed_on = CAST(${bind(date)} AS DATE)${trigger.minTierCode === undefined ? '' : ` AND h.to_tier = ${bind(trigger.minTierCode)}`})`,
      });
    case 'anniversary': {
      // Membership starts with the first valid order; the anniversary is that month-day, at least minYears on.
      const target = formatDay(day + trigger.daysBefore);
      const [yyyy, mm, dd] = target.split('-');
      const leapFallback = mm === '02' && dd === '28' && !isLeap(Number(yyyy));
      return one(`anniversary:${target}`, {
        filter: (bind) =>
          `((${sql.monthDay('a.first_order')} = ${bind(`${mm}-${dd}`)}${leapFallback ? ` OR ${sql.monthDay('a.first_order')} = '02-29'` : ''})
            AND a.first_order <= CAST(${bind(`${Number(yyyy) - (trigger.minYears ?? 1)}-${mm}-${dd}`)} AS DATE))`,
      });
    }
    case 'shop_date':
      return { ok: false, message: `trigger shop_date is not supported by the planner; for a yearly shop date use a recurring trigger, e.g. cron "0 10 8 3 *" for every 8 March at 10:00` };
  }
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
