/**
 * "Truth" statistics, computed while the files are written, for tests that check an importer.
 *
 * Definitions (all over the rows actually written):
 * - `orders`: rows in ExportOrderList; `lines`: rows in ExportOrderDetailList.
 * - `customers`: distinct 买家会员名 in ExportOrderList.
 * - `statusCounts`: orders per demo status. Mapping from the files: 等待买家付款 → unpaid;
 *   交易关闭 + 买家未付款 → closed_unpaid; 买家已付款，等待卖家发货 → paid; 卖家已发货，等待买家确认 → shipped;
 *   交易成功 → completed, or partially_refunded when one of its detail rows reads 交易关闭;
 *   交易关闭 + 退款 → refunded.
 * - `validOrders`: status ∈ {paid, shipped, completed, partially_refunded} (huitou's VALID_ORDER_STATUSES).
 * - `customersWithValidOrder`, `repeatCustomers` (≥ 2 valid orders), `oneTimeCustomers` (exactly 1).
 * - `grossPaidCents`: Σ 买家实际支付金额 over valid orders (postage included, discounts deducted).
 * - `refundCents`: Σ partial refunds = Σ 价格 × 购买数量 of 交易关闭 detail rows inside 交易成功 orders.
 * - `netRevenueCents` = grossPaidCents − refundCents (fully refunded orders are not valid, so they are out).
 * - `fullyRefundedCents`: Σ 买家实际支付金额 of refunded (交易关闭/退款) orders, for information.
 * - `validUnits`: Σ 购买数量 of non-refunded lines of valid orders.
 * - `firstOrderTime` / `lastOrderTime`: min / max 订单创建时间 (text as in the file).
 * - `members`: data rows in members.csv.
 */
import type { DemoStatus, OrderOutcome } from './order-outcome.ts';

/** See the module doc for exact definitions. */
export interface DemoTruth {
  orders: number;
  lines: number;
  customers: number;
  statusCounts: Record<DemoStatus, number>;
  validOrders: number;
  customersWithValidOrder: number;
  repeatCustomers: number;
  oneTimeCustomers: number;
  grossPaidCents: number;
  refundCents: number;
  netRevenueCents: number;
  fullyRefundedCents: number;
  validUnits: number;
  firstOrderTime: string | null;
  lastOrderTime: string | null;
  members: number;
}

const VALID: ReadonlySet<DemoStatus> = new Set<DemoStatus>(['paid', 'shipped', 'completed', 'partially_refunded']);

/** Accumulates {@link DemoTruth}; call `beginCustomer`/`endCustomer` around each customer's orders. */
export class TruthAccumulator {
  readonly truth: DemoTruth = {
    orders: 0,
    lines: 0,
    customers: 0,
    statusCounts: { unpaid: 0, closed_unpaid: 0, paid: 0, shipped: 0, completed: 0, refunded: 0, partially_refunded: 0 },
    validOrders: 0,
    customersWithValidOrder: 0,
    repeatCustomers: 0,
    oneTimeCustomers: 0,
    grossPaidCents: 0,
    refundCents: 0,
    netRevenueCents: 0,
    fullyRefundedCents: 0,
    validUnits: 0,
    firstOrderTime: null,
    lastOrderTime: null,
    members: 0,
  };
  #customerOrders = 0;
  #customerValid = 0;
  #firstSeconds = Infinity;
  #lastSeconds = -Infinity;
  #firstText: string | null = null;
  #lastText: string | null = null;

  beginCustomer(): void {
    this.#customerOrders = 0;
    this.#customerValid = 0;
  }

  /** Record one written order. `createdText` is the 订单创建时间 cell. */
  addOrder(outcome: OrderOutcome, lines: readonly { readonly quantity: number }[], created: number, createdText: string): void {
    const t = this.truth;
    t.orders++;
    t.lines += lines.length;
    t.statusCounts[outcome.status]++;
    this.#customerOrders++;
    if (VALID.has(outcome.status)) {
      t.validOrders++;
      this.#customerValid++;
      t.grossPaidCents += outcome.paidCents;
      t.refundCents += outcome.refundCents;
      for (let i = 0; i < lines.length; i++) if (i !== outcome.refundedLine) t.validUnits += lines[i]!.quantity;
    } else if (outcome.status === 'refunded') {
      t.fullyRefundedCents += outcome.paidCents;
    }
    if (created < this.#firstSeconds) [this.#firstSeconds, this.#firstText] = [created, createdText];
    if (created > this.#lastSeconds) [this.#lastSeconds, this.#lastText] = [created, createdText];
  }

  /** Close the current customer; returns how many orders it had written. */
  endCustomer(): number {
    const t = this.truth;
    if (this.#customerOrders > 0) t.customers++;
    if (this.#customerValid > 0) t.customersWithValidOrder++;
    if (this.#customerValid === 1) t.oneTimeCustomers++;
    if (this.#customerValid >= 2) t.repeatCustomers++;
    return this.#customerOrders;
  }

  addMember(): void {
    this.truth.members++;
  }

  /** Final figures. */
  finish(): DemoTruth {
    const t = this.truth;
    t.netRevenueCents = t.grossPaidCents - t.refundCents;
    t.firstOrderTime = this.#firstText;
    t.lastOrderTime = this.#lastText;
    return t;
  }
}
