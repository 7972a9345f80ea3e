/**
 * Writes the legacy Taobao 卖家中心 export pair (formats doc §1a) plus huitou's members file.
 *
 * Quirks reproduced: GBK bytes, CRLF, the verbatim 44-column header (cells ending in a space
 * included), order numbers as Excel formula text `="…"`, phones with a leading `'`, empty cells as
 * the literal `null`, full-width commas in statuses and in 宝贝标题 (titles joined with `，`), times
 * `yyyy-MM-dd HH:mm:ss` China time, a quoted 买家留言 that contains a comma.
 */
import { join } from 'node:path';
import { ByteSink } from './byte-sink.ts';
import { DateTimeFormatter, pad2 } from './calendar.ts';
import { CATALOGUE, skuById } from './catalogue.ts';
import type { PlannedOrder } from './customer-behaviour.ts';
import { encodeGbk, gbkBytes } from './gbk.ts';
import type { OrderOutcome, DemoStatus } from './order-outcome.ts';
import type { Person } from './people.ts';

/** The 44-column legacy order header, verbatim (formats doc §1a). */
export const LEGACY_ORDER_HEADER =
  '订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,订单付款时间 ,宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,是否上传合同照片,是否上传小票,是否代付,定金排名,修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,集分宝抵扣,是否是O2O交易';

/** The legacy detail header, verbatim. */
export const LEGACY_DETAIL_HEADER = '订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码';

/** huitou's canonical members file header (UTF-8 with BOM). */
export const MEMBERS_HEADER = 'customer_id,name,phone,birthday';

/** Verbatim 订单状态 per demo status (legacy full-width commas). */
export const LEGACY_STATUS_TEXT: Readonly<Record<DemoStatus, string>> = {
  unpaid: '等待买家付款',
  closed_unpaid: '交易关闭',
  paid: '买家已付款，等待卖家发货',
  shipped: '卖家已发货，等待买家确认',
  completed: '交易成功',
  refunded: '交易关闭',
  partially_refunded: '交易成功',
};

const CRLF = '\r\n';
const STATUS: Readonly<Record<DemoStatus, string>> = {
  unpaid: gbkBytes(LEGACY_STATUS_TEXT.unpaid),
  closed_unpaid: gbkBytes(LEGACY_STATUS_TEXT.closed_unpaid),
  paid: gbkBytes(LEGACY_STATUS_TEXT.paid),
  shipped: gbkBytes(LEGACY_STATUS_TEXT.shipped),
  completed: gbkBytes(LEGACY_STATUS_TEXT.completed),
  refunded: gbkBytes(LEGACY_STATUS_TEXT.refunded),
  partially_refunded: gbkBytes(LEGACY_STATUS_TEXT.partially_refunded),
};
const CLOSED_LINE = gbkBytes('交易关闭');
const REASON_OPEN = gbkBytes('订单未关闭');
const REASON_UNPAID = gbkBytes('买家未付款');
const REASON_REFUND = gbkBytes('退款');
const TITLE_SEP = gbkBytes('，');
const EXPRESS = gbkBytes('快递');
const MOBILE = gbkBytes('手机订单');
const NO = gbkBytes('否');
const CARRIERS: readonly (readonly [string, string])[] = [
  [gbkBytes('圆通速递'), 'YT'], [gbkBytes('中通快递'), '7'], [gbkBytes('韵达快递'), '43'], [gbkBytes('顺丰速运'), 'SF'],
];
const MESSAGES: readonly string[] = ['请尽快发货', '"请发顺丰,谢谢"', '不要放快递柜', '周末在家 工作日放门卫'].map((m) => gbkBytes(m));
const MEMOS: readonly string[] = ['老客户', '已补发赠品'].map((m) => gbkBytes(m));
const SKU_BYTES: readonly { readonly title: string; readonly attributes: string }[] = CATALOGUE.map((sku) => ({
  title: gbkBytes(sku.title),
  attributes: gbkBytes(sku.attributes),
}));

/** Cents as `123.45`. */
export function yuan(cents: number): string {
  return `${Math.floor(cents / 100)}.${pad2(cents % 100)}`;
}

/** The three output paths for an export taken at `stamp` (yyyyMMddHHmm). */
export function exportFileNames(dir: string, stamp: string): { orderFile: string; detailFile: string; membersFile: string } {
  return {
    orderFile: join(dir, `ExportOrderList${stamp}.csv`),
    detailFile: join(dir, `ExportOrderDetailList${stamp}.csv`),
    membersFile: join(dir, 'members.csv'),
  };
}

/** Streams orders, lines and members to the three files. */
export class TaobaoLegacyWriter {
  readonly #orders: ByteSink;
  readonly #details: ByteSink;
  readonly #members: ByteSink;
  /** Row tails after 宝贝总数量, per [close reason][mobile flag]. */
  readonly #tails: ReadonlyMap<string, readonly [string, string]>;
  readonly #dates = new DateTimeFormatter();

  constructor(files: { orderFile: string; detailFile: string; membersFile: string }, shopName: string, shopId: string) {
    this.#orders = new ByteSink(files.orderFile, 'latin1');
    this.#details = new ByteSink(files.detailFile, 'latin1');
    this.#members = new ByteSink(files.membersFile, 'utf8');
    const shop = encodeGbk(shopName).toString('latin1');
    const tail = (reason: string, mobile: boolean): string =>
      `,${shopId},${shop},${reason},0,0,null,${mobile ? MOBILE : ''},null,null,${NO},${NO},${NO},null,null,null,null,0.00,0.00,${NO}${CRLF}`;
    this.#tails = new Map([REASON_OPEN, REASON_UNPAID, REASON_REFUND].map((r) => [r, [tail(r, false), tail(r, true)] as const]));
    this.#orders.write(encodeGbk(LEGACY_ORDER_HEADER).toString('latin1') + CRLF);
    this.#details.write(encodeGbk(LEGACY_DETAIL_HEADER).toString('latin1') + CRLF);
    this.#members.write(`\uFEFF${MEMBERS_HEADER}${CRLF}`);
  }

  /** Format a local time as the files do. */
  formatTime(localSeconds: number): string {
    return this.#dates.format(localSeconds);
  }

  /**
   * Write one order row and its detail rows. `extras` are per-order draws made by the caller:
   * message / memo index (−1 for none), carrier index, mobile flag, tracking number digits.
   */
  writeOrder(
    person: Person, orderNo: string, plan: PlannedOrder, outcome: OrderOutcome, createdText: string,
    extras: { message: number; memo: number; carrier: number; mobile: boolean; tracking: number },
  ): void {
    const id = `="${orderNo}"`;
    const status = outcome.status;
    let titles = '';
    let quantity = 0;
    let details = '';
    const lines = plan.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const sku = skuById(line.skuId);
      const bytes = SKU_BYTES[line.skuId]!;
      titles = i === 0 ? bytes.title : titles + TITLE_SEP + bytes.title;
      quantity += line.quantity;
      const lineStatus = i === outcome.refundedLine ? CLOSED_LINE : STATUS[status];
      details += `${id},${bytes.title},${yuan(sku.priceCents)},${line.quantity},null,${bytes.attributes},null,null,${lineStatus},${sku.code}${CRLF}`;
    }
    this.#details.write(details);

    const carrier = CARRIERS[extras.carrier]!;
    const shipped = outcome.shippedAt !== null;
    const reason = status === 'closed_unpaid' ? REASON_UNPAID : status === 'refunded' ? REASON_REFUND : REASON_OPEN;
    const total = outcome.goodsCents + outcome.postageCents;
    this.#orders.write(
      `${id},${person.nickBytes},${person.alipay ?? 'null'},${yuan(outcome.goodsCents)},${yuan(outcome.postageCents)},0,` +
        `${yuan(total)},0,${yuan(outcome.paidCents)},0,${STATUS[status]},${MESSAGES[extras.message] ?? 'null'},` +
        `${person.nameBytes},${person.addressBytes},${EXPRESS},null,'${person.phone},${createdText},` +
        `${outcome.paidAt === null ? '' : this.#dates.format(outcome.paidAt)},${titles},${lines.length},` +
        `${shipped ? carrier[1] + String(extras.tracking) : 'null'},${shipped ? carrier[0] : 'null'},` +
        `${MEMOS[extras.memo] ?? 'null'},${quantity}${this.#tails.get(reason)![extras.mobile ? 1 : 0]}`,
    );
  }

  /** Write one members.csv row. */
  writeMember(person: Person, birthday: string): void {
    this.#members.write(`${person.nick},${person.name},${person.phone},${birthday}${CRLF}`);
  }

  /** Bytes written to the two GBK files and the members file. */
  get bytesWritten(): number {
    return this.#orders.bytesWritten + this.#details.bytesWritten + this.#members.bytesWritten;
  }

  /** Let the streams drain when they ask to. */
  async ready(): Promise<void> {
    await Promise.all([this.#orders.ready(), this.#details.ready(), this.#members.ready()]);
  }

  async close(): Promise<void> {
    await Promise.all([this.#orders.close(), this.#details.close(), this.#members.close()]);
  }
}
