/** SQL for the leaves that look into other tables (orders, SKU due states, consent) and for tags. */
import { formatDay, validStatusSqlList } from '@huitou/core';
import type { SqlParams } from './sql-params.ts';
import type { BoughtCondition, ConsentChannel, ConsentCondition, DueCondition, TagsCondition } from './types.ts';

/** customers.tags lower-cased, separators unified and spaces removed, wrapped in commas: `,vip,老客,`. */
const TAGS_NORMALISED = `(',' || replace(replace(replace(replace(lower(coalesce(c.tags, '')), '，', ','), '、', ','), ' ', ''), '\u3000', '') || ',')`;

/** Tag conditions: `has` all of, `has_any` one of, `has_none` none of, `exists` any tag at all. */
export function compileTags(cond: TagsCondition, params: SqlParams): string {
  if (cond.op === 'exists') {
    return `length(replace(${TAGS_NORMALISED}, ',', '')) ${cond.present ? '>' : '='} 0`;
  }
  const each = cond.tags.map((t) => `position(',' || ${params.bind(t, 'VARCHAR')} || ',' IN ${TAGS_NORMALISED}) > 0`);
  if (cond.op === 'has') return `(${each.join(' AND ')})`;
  const any = `(${each.join(' OR ')})`;
  return cond.op === 'has_any' ? any : `NOT ${any}`;
}

/**
 * Bought one of the SKUs (product keys) in a valid order placed (paid) on a shop-local day up to the
 * as-of date, and within the last `withinDays` days when given (0 = on the as-of date itself).
 */
export function compileBought(cond: BoughtCondition, params: SqlParams, asOfDay: number, timeZone: string): string {
  const day = `CAST((coalesce(o.paid_time, o.order_time) AT TIME ZONE ${params.bind(timeZone, 'VARCHAR')}) AS DATE)`;
  const from = cond.withinDays === null ? '' : ` AND ${day} >= ${params.bind(formatDay(asOfDay - cond.withinDays), 'DATE')}`;
  return `EXISTS (SELECT 1 FROM orders o JOIN order_lines l ON l.shop_id = o.shop_id AND l.order_key = o.order_key
      WHERE o.shop_id = c.shop_id AND o.customer_id = c.customer_id AND o.status IN (${validStatusSqlList()})
        AND l.product_key IN (${params.list(cond.skus, 'VARCHAR')})
        AND ${day} <= ${params.bind(formatDay(asOfDay), 'DATE')}${from})`;
}

/** A replenishment row of the latest analysis in one of the states (for one of the SKUs, or any). */
export function compileDue(cond: DueCondition, params: SqlParams): string {
  const skus = cond.skus === null ? '' : ` AND d.product_key IN (${params.list(cond.skus, 'VARCHAR')})`;
  return `EXISTS (SELECT 1 FROM customer_sku_due d
      WHERE d.shop_id = c.shop_id AND d.customer_id = c.customer_id AND d.state IN (${params.list(cond.states, 'VARCHAR')})${skus})`;
}

/** The customer's address that a suppression on the channel blocks. */
const SUPPRESSED: Readonly<Record<ConsentChannel, string>> = {
  sms: 's.address = c.phone',
  email: 'lower(s.address) = lower(c.email)',
};

/**
 * Current consent on one of the channels: the latest consent event of the customer on that channel
 * (by recorded_at, then event_id) says `granted`, and the customer's address there is not suppressed.
 */
export function compileConsent(cond: ConsentCondition, params: SqlParams): string {
  const each = cond.channels.map((channel) => {
    const ch = params.bind(channel, 'VARCHAR');
    return `(EXISTS (SELECT 1 FROM consent_events ce
        WHERE ce.shop_id = c.shop_id AND ce.customer_id = c.customer_id AND ce.channel = ${ch} AND ce.status = 'granted'
          AND NOT EXISTS (SELECT 1 FROM consent_events ce2
            WHERE ce2.shop_id = ce.shop_id AND ce2.customer_id = ce.customer_id AND ce2.channel = ce.channel
              AND (ce2.recorded_at > ce.recorded_at OR (ce2.recorded_at = ce.recorded_at AND ce2.event_id > ce.event_id))))
      AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.shop_id = c.shop_id AND s.channel = ${ch} AND ${SUPPRESSED[channel]}))`;
  });
  return each.length === 1 ? each[0]! : `(${each.join(' OR ')})`;
}
