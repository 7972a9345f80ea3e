/** The one set of order statuses every platform's statuses normalise to. */
export const ORDER_STATUSES = [
  'unpaid',
  'paid',
  'shipped',
  'completed',
  'closed_unpaid',
  'refunded',
  'partially_refunded',
  'cancelled',
  'unknown',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** An order is valid (counts as a purchase) when paid, shipped, completed or partially refunded. */
export const VALID_ORDER_STATUSES: readonly OrderStatus[] = ['paid', 'shipped', 'completed', 'partially_refunded'];

/** `status IN (…)` for SQL, built from constants only (never from user input). */
export function validStatusSqlList(): string {
  return VALID_ORDER_STATUSES.map((s) => `'${s}'`).join(', ');
}
