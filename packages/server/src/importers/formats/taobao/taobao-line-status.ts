/**
 * Status of one Taobao item row: its 订单状态, overridden by 退款状态 `退款成功`.
 */
import type { OrderStatus } from '../../canonical.ts';
import { taobaoLineRefund, taobaoStatus } from '../../cells/status.ts';

/** Line status; null when the row has no status; undefined when the text is not recognised. */
export function lookupTaobaoLineStatus(statusText: string, refundStatus: string): OrderStatus | null | undefined {
  const refunded = taobaoLineRefund(refundStatus);
  if (refunded !== null) return refunded;
  if (statusText === '') return null;
  const r = taobaoStatus(statusText, '', 0, true);
  return r.known ? r.status : undefined;
}
