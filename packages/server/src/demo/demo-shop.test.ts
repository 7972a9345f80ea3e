import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTaobaoDemoExport, type ExportResult } from './index.ts';
import { cents, clean, columns, readGbkCsv, type ParsedTable } from './demo-test-helpers.ts';

/** Copied verbatim from docs/order-formats.md §1a (cells ending in a space included). */
const DOC_ORDER_HEADER =
  '订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,订单付款时间 ,宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,是否上传合同照片,是否上传小票,是否代付,定金排名,修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,集分宝抵扣,是否是O2O交易';
const DOC_DETAIL_HEADER = '订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码';

let root = '';
let result: ExportResult;
let orders: ParsedTable;
let details: ParsedTable;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'huitou-demo-test-'));
  result = await writeTaobaoDemoExport(join(root, 'main'), { customers: 2000, seed: 1, endDate: '2025-06-30' });
  orders = readGbkCsv(result.orderFile);
  details = readGbkCsv(result.detailFile);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

describe('files', () => {
  it('is byte-identical for the same seed and differs for another', async () => {
    const options = { customers: 300, endDate: '2024-12-31', years: 2 };
    const a = await writeTaobaoDemoExport(join(root, 'a'), { ...options, seed: 5 });
    const b = await writeTaobaoDemoExport(join(root, 'b'), { ...options, seed: 5 });
    const c = await writeTaobaoDemoExport(join(root, 'c'), { ...options, seed: 6 });
    for (const key of ['orderFile', 'detailFile', 'membersFile'] as const) {
      expect(await sha256(a[key])).toBe(await sha256(b[key]));
    }
    expect(await sha256(a.orderFile)).not.toBe(await sha256(c.orderFile));
    expect(a.truth).toEqual(b.truth);
  });

  it('names the files like the legacy export and writes the headers verbatim', () => {
    expect(result.orderFile).toMatch(/ExportOrderList202506302359\.csv$/);
    expect(result.detailFile).toMatch(/ExportOrderDetailList202506302359\.csv$/);
    expect(orders.header.join(',')).toBe(DOC_ORDER_HEADER);
    expect(orders.header).toHaveLength(44);
    expect(details.header.join(',')).toBe(DOC_DETAIL_HEADER);
  });

  it('is GBK with CRLF line ends, not UTF-8', async () => {
    for (const path of [result.orderFile, result.detailFile]) {
      const bytes = await readFile(path);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      const text = iconv.decode(bytes, 'gbk');
      expect(iconv.encode(text, 'gbk').equals(bytes)).toBe(true);
      expect(text.includes('\n')).toBe(true);
      expect(/[^\r]\n/.test(text)).toBe(false);
    }
  });

  it('writes members.csv as UTF-8 with BOM for about 35 % of customers, keyed by 买家会员名', async () => {
    const text = await readFile(result.membersFile, 'utf8');
    expect(text.startsWith('\uFEFFcustomer_id,name,phone,birthday\r\n')).toBe(true);
    const rows = text.slice(1).split('\r\n').slice(1).filter((l) => l !== '');
    expect(rows.length).toBe(result.truth.members);
    expect(rows.length / result.customers).toBeGreaterThan(0.3);
    expect(rows.length / result.customers).toBeLessThan(0.4);
    const col = columns(orders.header);
    const nicks = new Set(orders.rows.map((r) => col(r, '买家会员名')));
    for (const row of rows) {
      const [nick, , phone, birthday] = row.split(',');
      expect(nicks.has(nick ?? '')).toBe(true);
      expect(phone).toMatch(/^13800\d{6}$/);
      expect(birthday).toMatch(/^(19[89]\d|200\d)-\d{2}-\d{2}$/);
    }
  });
});

describe('legacy quirks', () => {
  it('quotes unique 18–19 digit order numbers as ="…" in both files', () => {
    const col = columns(orders.header);
    const ids = orders.rows.map((r) => col(r, '订单编号'));
    for (const id of ids) expect(id).toMatch(/^="5\d{17,18}"$/);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(ids);
    for (const row of details.rows) expect(known.has(row[0] ?? '')).toBe(true);
  });

  it('has quoted phones, literal null cells, verbatim statuses and close reasons, China times', () => {
    const col = columns(orders.header);
    const statuses = new Set<string>();
    let nulls = 0;
    for (const row of orders.rows) {
      expect(row).toHaveLength(44);
      expect(col(row, '联系手机')).toMatch(/^'13800\d{6}$/);
      expect(col(row, '订单创建时间')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      nulls += row.filter((c) => c === 'null').length;
      const status = col(row, '订单状态');
      statuses.add(status);
      const reason = col(row, '订单关闭原因');
      if (status === '交易关闭') expect(['买家未付款', '退款']).toContain(reason);
      else expect(reason).toBe('订单未关闭');
      if (reason === '买家未付款' || status === '等待买家付款') expect(col(row, '订单付款时间')).toBe('');
    }
    expect(nulls).toBeGreaterThan(orders.rows.length * 5);
    expect([...statuses].sort()).toEqual(['买家已付款，等待卖家发货', '卖家已发货，等待买家确认', '交易关闭', '交易成功', '等待买家付款'].sort());
    const multi = orders.rows.find((r) => Number(col(r, '宝贝种类')) > 1);
    expect(multi && col(multi, '宝贝标题')).toContain('，');
  });
});

describe('money', () => {
  it('agrees between the order and the detail file', () => {
    const oc = columns(orders.header);
    const dc = columns(details.header);
    const goodsByOrder = new Map<string, number>();
    const qtyByOrder = new Map<string, number>();
    for (const row of details.rows) {
      const id = clean(dc(row, '订单编号'));
      const qty = Number(dc(row, '购买数量'));
      goodsByOrder.set(id, (goodsByOrder.get(id) ?? 0) + cents(dc(row, '价格')) * qty);
      qtyByOrder.set(id, (qtyByOrder.get(id) ?? 0) + qty);
    }
    for (const row of orders.rows) {
      const id = clean(oc(row, '订单编号'));
      const goods = cents(oc(row, '买家应付货款'));
      const total = cents(oc(row, '总金额'));
      const paid = cents(oc(row, '买家实际支付金额'));
      expect(goods).toBe(goodsByOrder.get(id));
      expect(Number(oc(row, '宝贝总数量'))).toBe(qtyByOrder.get(id));
      expect(total).toBe(goods + cents(oc(row, '买家应付邮费')));
      if (clean(oc(row, '订单付款时间')) === '') expect(paid).toBe(0);
      else expect(paid).toBeLessThanOrEqual(total);
    }
  });
});
