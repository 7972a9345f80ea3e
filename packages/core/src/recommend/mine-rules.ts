import type { LineColumns, OrderColumns } from '../analytics/columns.ts';
import { mineCoPurchaseRules } from './co-purchase.ts';
import type { RuleTable, RuleThresholds } from './rule-table.ts';
import { mineSequentialRules } from './sequential.ts';

/** Options for `mineRules`: one set of thresholds for both tables. */
export interface MineRulesOptions extends RuleThresholds {
  readonly asOfDay: number;
  readonly fromDay?: number;
  /** Basket for "together" (default `order`). */
  readonly basket?: 'order' | 'customer_day';
  /** Window for "after" in days (default 180). */
  readonly windowDays?: number;
  readonly maxBasketSkus?: number;
  readonly maxEventsPerCustomer?: number;
}

/** Both rule tables: "bought together" and "bought after". */
export interface MinedRules {
  readonly together: RuleTable;
  readonly after: RuleTable;
}

/** Mines co-purchase and sequential rules with the same thresholds. */
export function mineRules(orders: OrderColumns, lines: LineColumns, options: MineRulesOptions): MinedRules {
  return { together: mineCoPurchaseRules(orders, lines, options), after: mineSequentialRules(orders, lines, options) };
}
