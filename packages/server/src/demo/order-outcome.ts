/**
 * Money and status of a planned order as seen in an export taken at `exportSeconds`.
 *
 * Money (cents): goods = Σ 价格 × 购买数量; postage 6.00 below 59.00 of goods, else free;
 * discount = sale rule (双11 每满200减30, 双12 每满200减20, 618 每满200减25) or a shop coupon;
 * 总金额 = goods + postage; 买家实际支付金额 = 总金额 − discount (0 for never-paid orders).
 *
 * Partial refund (the legacy 44-column export has no 退款金额 column): the order stays 交易成功 with
 * its 买家实际支付金额 unchanged, and the refunded item's detail row reads 交易关闭. Only orders
 * without a discount get one, so the refund is exactly that row's 价格 × 购买数量.
 */
import { Promo, SECONDS_PER_DAY, type ShopCalendar } from './calendar.ts';
import { skuById } from './catalogue.ts';
import type { PlannedOrder } from './customer-behaviour.ts';
import type { Rng } from './prng.ts';

/** The demo's order states; they map 1:1 onto huitou's canonical statuses. */
export type DemoStatus = 'unpaid' | 'closed_unpaid' | 'paid' | 'shipped' | 'completed' | 'refunded' | 'partially_refunded';

/** Everything the writer needs beyond the plan. */
export interface OrderOutcome {
  readonly status: DemoStatus;
  readonly goodsCents: number;
  readonly postageCents: number;
  readonly discountCents: number;
  /** 买家实际支付金额 column (0 when never paid). */
  readonly paidCents: number;
  /** Partial refund amount (0 unless partially_refunded); a full refund is the whole paidCents. */
  readonly refundCents: number;
  /** Index of the refunded line of a partially refunded order, else -1. */
  readonly refundedLine: number;
  readonly paidAt: number | null;
  /** Set when the parcel left before the export (and before any refund). */
  readonly shippedAt: number | null;
}

const DAY = SECONDS_PER_DAY;
const FREE_POSTAGE_FROM = 5900;
const POSTAGE = 600;

/** Decide money and status for one planned order (consumes draws from the customer's rng). */
export function decideOutcome(order: PlannedOrder, rng: Rng, calendar: ShopCalendar, exportSeconds: number): OrderOutcome {
  let goods = 0;
  for (const line of order.lines) goods += skuById(line.skuId).priceCents * line.quantity;
  const postage = goods >= FREE_POSTAGE_FROM ? 0 : POSTAGE;
  const day = Math.floor(order.created / DAY);
  const discount = discountFor(calendar.promo(day), goods, rng);
  const paidAt = order.created + 15 + Math.min(1800, Math.floor(rng.exponential(120)));
  if (order.fate === 'unpaid' || paidAt > exportSeconds) {
    const status = exportSeconds - order.created < DAY ? 'unpaid' : 'closed_unpaid';
    return outcome(status, goods, postage, discount, 0, 0, -1, null, null);
  }
  const paid = goods + postage - discount;
  const shipAt = shipTime(paidAt, rng, calendar);
  const completeAt = shipAt + (3 + rng.int(8)) * DAY + rng.int(DAY);
  if (order.fate === 'refund') {
    const refundAt = paidAt + 3600 + rng.int(10 * DAY);
    if (refundAt <= exportSeconds) {
      return outcome('refunded', goods, postage, discount, paid, 0, -1, paidAt, shipAt < refundAt ? shipAt : null);
    }
  }
  if (exportSeconds < shipAt) return outcome('paid', goods, postage, discount, paid, 0, -1, paidAt, null);
  if (exportSeconds < completeAt) return outcome('shipped', goods, postage, discount, paid, 0, -1, paidAt, shipAt);
  if (order.fate === 'partial' && discount === 0 && order.lines.length > 1) {
    const refundedLine = order.lines.length - 1;
    const line = order.lines[refundedLine]!;
    const refund = skuById(line.skuId).priceCents * line.quantity;
    return outcome('partially_refunded', goods, postage, discount, paid, refund, refundedLine, paidAt, shipAt);
  }
  return outcome('completed', goods, postage, discount, paid, 0, -1, paidAt, shipAt);
}

function outcome(
  status: DemoStatus, goodsCents: number, postageCents: number, discountCents: number, paidCents: number,
  refundCents: number, refundedLine: number, paidAt: number | null, shippedAt: number | null,
): OrderOutcome {
  return { status, goodsCents, postageCents, discountCents, paidCents, refundCents, refundedLine, paidAt, shippedAt };
}

function discountFor(promo: Promo, goods: number, rng: Rng): number {
  const steps = Math.floor(goods / 20_000);
  if (promo === Promo.Double11 && steps > 0) return steps * 3000;
  if (promo === Promo.Mid618 && steps > 0) return steps * 2500;
  if (promo === Promo.Double12 && steps > 0) return steps * 2000;
  const couponP = promo === Promo.None ? 1 : 2.5;
  if (goods >= 19_900 && rng.chance(0.06 * couponP)) return 2000;
  if (goods >= FREE_POSTAGE_FROM && rng.chance(0.12 * couponP)) return 500;
  return 0;
}

/** Ships within 3–48 h; 双11 adds a backlog; nothing ships from 春节 −5 to +6. */
function shipTime(paidAt: number, rng: Rng, calendar: ShopCalendar): number {
  let ship = paidAt + 3 * 3600 + rng.int(45 * 3600);
  const paidDay = Math.floor(paidAt / DAY);
  if (calendar.promo(paidDay) === Promo.Double11) ship += (1 + rng.int(3)) * DAY;
  const lny = calendar.nearestLunarNewYear(paidDay);
  const offset = Math.floor(ship / DAY) - lny;
  if (offset >= -5 && offset <= 6) ship = (lny + 7) * DAY + 9 * 3600 + rng.int(8 * 3600);
  return ship;
}
