import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTaobaoDemoExport, writeTaobaoExportPair, type DemoStatus, type ExportResult } from './index.ts';
import { cents, clean, columns, readGbkCsv } from './demo-test-helpers.ts';

interface Order {
  id: string;
  nick: string;
  day: string;
  time: number;
  status: DemoStatus;
  paid: number;
  lines: { sku: string; qty: number; amount: number; closed: boolean }[];
}

let root = '';
let result: ExportResult;
const parsed: Order[] = [];

/** Read the files back with the rules documented in truth.ts. */
function load(r: ExportResult): Order[] {
  const o = readGbkCsv(r.orderFile);
  const d = readGbkCsv(r.detailFile);
  const oc = columns(o.header);
  const dc = columns(d.header);
  const lines = new Map<string, Order['lines']>();
  for (const row of d.rows) {
    const id = clean(dc(row, '订单编号'));
    const list = lines.get(id) ?? [];
    const qty = Number(dc(row, '购买数量'));
    list.push({ sku: dc(row, '商家编码'), qty, amount: cents(dc(row, '价格')) * qty, closed: dc(row, '订单状态') === '交易关闭' });
    lines.set(id, list);
  }
  return o.rows.map((row) => {
    const id = clean(oc(row, '订单编号'));
    const raw = oc(row, '订单状态');
    const reason = oc(row, '订单关闭原因');
    const own = lines.get(id) ?? [];
    const created = oc(row, '订单创建时间');
    let status: DemoStatus;
    if (raw === '等待买家付款') status = 'unpaid';
    else if (raw === '买家已付款，等待卖家发货') status = 'paid';
    else if (raw === '卖家已发货，等待买家确认') status = 'shipped';
    else if (raw === '交易成功') status = own.some((l) => l.closed) ? 'partially_refunded' : 'completed';
    else status = reason === '退款' ? 'refunded' : 'closed_unpaid';
    return {
      id, nick: oc(row, '买家会员名'), day: created.slice(0, 10), time: Date.parse(`${created.replace(' ', 'T')}+08:00`),
      status, paid: cents(oc(row, '买家实际支付金额')), lines: own,
    };
  });
}

const VALID = new Set<DemoStatus>(['paid', 'shipped', 'completed', 'partially_refunded']);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'huitou-demo-behaviour-'));
  result = await writeTaobaoDemoExport(join(root, 'main'), { customers: 2000, seed: 3, endDate: '2025-06-30' });
  parsed.push(...load(result));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

function validByCustomer(): Map<string, Order[]> {
  const map = new Map<string, Order[]>();
  for (const o of parsed) {
    if (!VALID.has(o.status)) continue;
    const list = map.get(o.nick) ?? [];
    list.push(o);
    map.set(o.nick, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.time - b.time);
  return map;
}

describe('truth statistics', () => {
  it('are reproduced by reading the files back', () => {
    const t = result.truth;
    const byCustomer = validByCustomer();
    const valid = parsed.filter((o) => VALID.has(o.status));
    const refunds = valid.reduce((s, o) => s + o.lines.filter((l) => l.closed).reduce((a, l) => a + l.amount, 0), 0);
    const gross = valid.reduce((s, o) => s + o.paid, 0);
    expect(t.orders).toBe(parsed.length);
    expect(t.lines).toBe(parsed.reduce((s, o) => s + o.lines.length, 0));
    expect(t.customers).toBe(new Set(parsed.map((o) => o.nick)).size);
    expect(t.validOrders).toBe(valid.length);
    expect(t.customersWithValidOrder).toBe(byCustomer.size);
    expect(t.repeatCustomers).toBe([...byCustomer.values()].filter((l) => l.length >= 2).length);
    expect(t.grossPaidCents).toBe(gross);
    expect(t.refundCents).toBe(refunds);
    expect(t.netRevenueCents).toBe(gross - refunds);
    for (const status of Object.keys(t.statusCounts) as DemoStatus[]) {
      expect(t.statusCounts[status], status).toBe(parsed.filter((o) => o.status === status).length);
    }
  });

  it('have plausible shares of refunds, unpaid and partial refunds', () => {
    const c = result.truth.statusCounts;
    const paidEver = c.paid + c.shipped + c.completed + c.partially_refunded + c.refunded;
    expect(c.refunded / paidEver).toBeGreaterThan(0.025);
    expect(c.refunded / paidEver).toBeLessThan(0.05);
    expect((c.unpaid + c.closed_unpaid) / result.orders).toBeGreaterThan(0.03);
    expect((c.unpaid + c.closed_unpaid) / result.orders).toBeLessThan(0.07);
    expect(c.partially_refunded).toBeGreaterThan(0);
    expect(c.paid + c.shipped).toBeGreaterThan(0);
  });
});

describe('behaviour', () => {
  it('has 55–65 % one-time buyers among buyers with a valid order', () => {
    const t = result.truth;
    const share = t.oneTimeCustomers / t.customersWithValidOrder;
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.65);
    expect(t.repeatCustomers + t.oneTimeCustomers).toBe(t.customersWithValidOrder);
  });

  it('spaces repeat wipes purchases near 20 days per pack bought', () => {
    const packs: Record<string, number> = { 'WIPE-80-1': 1, 'WIPE-80-3': 3, 'WIPE-80-10': 10 };
    const perPack: number[] = [];
    for (const list of validByCustomer().values()) {
      const wipes = list.filter((o) => o.lines.some((l) => l.sku in packs && !l.closed));
      for (let i = 1; i < wipes.length; i++) {
        const prev = wipes[i - 1]!;
        const bought = prev.lines.reduce((s, l) => s + (packs[l.sku] ?? 0) * l.qty, 0);
        perPack.push((wipes[i]!.time - prev.time) / 86_400_000 / bought);
      }
    }
    perPack.sort((a, b) => a - b);
    expect(perPack.length).toBeGreaterThan(200);
    const median = perPack[Math.floor(perPack.length / 2)]!;
    expect(median).toBeGreaterThan(17);
    expect(median).toBeLessThan(23);
  });

  it('shows a 双11 spike', () => {
    const perDay = new Map<string, number>();
    for (const o of parsed) perDay.set(o.day, (perDay.get(o.day) ?? 0) + 1);
    for (const year of [2022, 2023, 2024]) {
      let october = 0;
      for (let d = 1; d <= 31; d++) october += perDay.get(`${year}-10-${String(d).padStart(2, '0')}`) ?? 0;
      const day = `${year}-11-11`;
      expect(perDay.get(day) ?? 0, day).toBeGreaterThan((4 * october) / 31);
    }
  });
});

describe('writeTaobaoExportPair', () => {
  it('writes exactly the requested number of orders', async () => {
    const r = await writeTaobaoExportPair(join(root, 'pair'), { orders: 3001, seed: 9, endDate: '2025-06-30' });
    expect(r.orders).toBe(3001);
    expect(load(r)).toHaveLength(3001);
    expect(r.truth.orders).toBe(3001);
  });

  it('calibrates loyalty to approach a requested customer count', async () => {
    const r = await writeTaobaoExportPair(join(root, 'pair2'), { orders: 6000, customers: 600, seed: 2, endDate: '2025-06-30' });
    expect(r.orders).toBe(6000);
    expect(r.customers).toBeGreaterThan(600 * 0.8);
    expect(r.customers).toBeLessThan(600 * 1.2);
  });
});
