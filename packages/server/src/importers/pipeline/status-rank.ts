/**
 * How far along an order is. A later export never moves an order backwards: when the incoming status ranks
 * lower than the stored one (an older export imported after a newer one), the stored order is kept.
 */
import type { OrderStatus } from '../canonical.ts';

export const STATUS_RANK: Readonly<Record<OrderStatus, number>> = {
  unknown: 0,
  unpaid: 1,
  paid: 2,
  shipped: 3,
  completed: 4,
  partially_refunded: 5,
  closed_unpaid: 6,
  cancelled: 6,
  refunded: 6,
};

/** A SQL CASE expression giving the rank of a status column. */
export function statusRankSql(column: string): string {
  const arms = Object.entries(STATUS_RANK)
    .map(([status, rank]) => `WHEN '${status}' THEN ${rank}`)
    .join(' ');
  return `(CASE ${column} ${arms} ELSE 0 END)`;
}
