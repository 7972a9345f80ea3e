/**
 * Platform status text -> canonical OrderStatus. Texts are compared after normalizeHeader, so both comma
 * widths (`买家已付款，等待卖家发货` / `买家已付款,等待卖家发货`) match. Unknown text maps to 'unknown' and
 * `known: false`, for the mapper to report `unknown_status`.
 */
import type { OrderStatus } from '../canonical.ts';
import { normalizeHeader } from './normalize-header.ts';

/** A mapped status; `known` is false when the text was not recognised. */
export interface StatusResult {
  readonly status: OrderStatus;
  readonly known: boolean;
}

/** A lookup table from normalised status text to canonical status. */
export type StatusTable = ReadonlyMap<string, OrderStatus>;

/** Builds a table, normalising its keys the same way as the looked-up text. */
export function statusTable(entries: Readonly<Record<string, OrderStatus>>): StatusTable {
  return new Map(Object.entries(entries).map(([k, v]) => [normalizeHeader(k).toLowerCase(), v]));
}

/** Recent lookups per table: an export holds a handful of distinct status texts, looked up once per row. */
const memo = new WeakMap<StatusTable, Map<string, StatusResult>>();
const MEMO_SIZE = 512;

/** Looks `text` up in `table`. */
export function lookupStatus(table: StatusTable, text: string): StatusResult {
  let cache = memo.get(table);
  if (cache === undefined) {
    cache = new Map();
    memo.set(table, cache);
  }
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const s = table.get(normalizeHeader(text).toLowerCase());
  const r: StatusResult = s === undefined ? { status: 'unknown', known: false } : { status: s, known: true };
  if (cache.size < MEMO_SIZE) cache.set(text, r);
  return r;
}

/** Wraps a status that needs no table. */
export function known(status: OrderStatus): StatusResult {
  return { status, known: true };
}

/**
 * A refund on a paid/shipped/completed order: partial when less than what was paid, full otherwise
 * (also when the paid amount is unknown).
 */
export function applyRefund(status: OrderStatus, refundCents: number, paidCents: number | null): OrderStatus {
  if (refundCents <= 0) return status;
  if (status !== 'completed' && status !== 'shipped' && status !== 'paid') return status;
  return paidCents !== null && refundCents < paidCents ? 'partially_refunded' : 'refunded';
}

const TAOBAO = statusTable({
  等待买家付款: 'unpaid',
  '买家已付款,等待卖家发货': 'paid',
  买家已付款: 'paid',
  等待卖家发货: 'paid',
  '卖家已发货,等待买家确认': 'shipped',
  卖家已发货: 'shipped',
  卖家部分发货: 'shipped',
  交易成功: 'completed',
  交易关闭: 'cancelled',
  交易自动关闭: 'cancelled',
});

/**
 * Taobao / Tmall 订单状态. `交易关闭` is told apart by 订单关闭原因 (`买家未付款` -> closed_unpaid,
 * anything with `退款` -> refunded), then by the refund amount, then by whether it was ever paid.
 */
export function taobaoStatus(text: string, closeReason: string, refundCents: number, paid: boolean): StatusResult {
  const r = lookupStatus(TAOBAO, text);
  if (r.status !== 'cancelled') return r;
  if (closeReason.includes('未付款')) return known('closed_unpaid');
  if (closeReason.includes('退款') || refundCents > 0) return known('refunded');
  return known(paid ? 'cancelled' : 'closed_unpaid');
}

/** Taobao item 退款状态: `退款成功` -> refunded; anything else says nothing. */
export function taobaoLineRefund(text: string): OrderStatus | null {
  return text.includes('退款成功') ? 'refunded' : null;
}

const JD = statusTable({
  等待付款: 'unpaid',
  等待出库: 'paid',
  等待打印: 'paid',
  等待发货: 'paid',
  锁定: 'paid',
  暂停: 'paid',
  等待确认收货: 'shipped',
  已发货: 'shipped',
  完成: 'completed',
  已完成: 'completed',
  已取消: 'cancelled',
  取消: 'cancelled',
});

/**
 * JD 订单状态. A `(删除)` prefix means the order was deleted -> cancelled; `(锁定)` is dropped and the rest
 * mapped (`(锁定)等待出库` -> paid). A bare `锁定` or `暂停` is a paid order on hold.
 */
export function jdStatus(text: string): StatusResult {
  const t = normalizeHeader(text);
  if (t.startsWith('(删除)')) return known('cancelled');
  if (t.startsWith('(锁定)')) {
    const rest = t.slice(4);
    return rest === '' ? known('paid') : lookupStatus(JD, rest);
  }
  return lookupStatus(JD, t);
}

const PDD = statusTable({
  待付款: 'unpaid',
  待支付: 'unpaid',
  待发货: 'paid',
  '已发货,待签收': 'shipped',
  '已发货,待收货': 'shipped',
  已签收: 'completed',
  已收货: 'completed',
  已取消: 'cancelled',
  '未发货,退款成功': 'refunded',
  '已发货,退款成功': 'refunded',
  '已签收,退款成功': 'refunded',
});

/** Pinduoduo 订单状态, overridden by 售后状态 `退款成功` (-> refunded). */
export function pinduoduoStatus(text: string, afterSale: string): StatusResult {
  const r = lookupStatus(PDD, text);
  if (afterSale.includes('退款成功') && r.status !== 'unpaid') return known('refunded');
  return r;
}

const DOUYIN = statusTable({
  待支付: 'unpaid',
  待付款: 'unpaid',
  备货中: 'paid',
  待发货: 'paid',
  已支付: 'paid',
  部分发货: 'shipped',
  已发货: 'shipped',
  已完成: 'completed',
  已关闭: 'cancelled',
});

/**
 * Douyin 订单状态. `已关闭` without a payment time -> closed_unpaid. 售后状态 containing `退款成功`
 * -> refunded (`售后中` changes nothing).
 */
export function douyinStatus(text: string, afterSale: string, paid: boolean): StatusResult {
  const r = lookupStatus(DOUYIN, text);
  if (afterSale.includes('退款成功')) return known('refunded');
  if (r.status === 'cancelled' && !paid) return known('closed_unpaid');
  return r;
}

const YOUZAN = statusTable({
  待付款: 'unpaid',
  等待买家付款: 'unpaid',
  待发货: 'paid',
  待成团: 'paid',
  待接单: 'paid',
  已发货: 'shipped',
  部分发货: 'shipped',
  交易完成: 'completed',
  交易成功: 'completed',
  交易关闭: 'cancelled',
  已关闭: 'cancelled',
});

/**
 * Youzan 订单状态. A closed order is closed_unpaid without a payment time, refunded when money was
 * refunded, cancelled otherwise; open orders with a refund go through applyRefund.
 */
export function youzanStatus(text: string, paid: boolean, refundCents: number, paidCents: number | null): StatusResult {
  const r = lookupStatus(YOUZAN, text);
  if (r.status === 'cancelled') {
    if (refundCents > 0) return known('refunded');
    return known(paid ? 'cancelled' : 'closed_unpaid');
  }
  return { status: applyRefund(r.status, refundCents, paidCents), known: r.known };
}
