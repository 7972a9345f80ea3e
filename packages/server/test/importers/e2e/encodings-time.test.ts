/**
 * Encodings and time at pipeline level: one Taobao order export written as UTF-8, UTF-8 with BOM, GBK, GB18030
 * and UTF-16LE with BOM stores identical rows (and a GB18030 four-byte character such as 𠀀 survives every
 * Unicode encoding); undecodable bytes are reported by line and never stored as U+FFFD; naive times are read in
 * the zone given (`--tz`, else the shop's) and stored as instants.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/paths.ts';
import { cli } from '../../support/run-cli.ts';
import type { FixtureEncoding } from './e2e-support.ts';
import { csvText, encodeText, openTestStore, orderOf, rowsOf, storedCustomers, storedLines, storedOrders, writeFixture } from './e2e-support.ts';
import { LEGACY_ORDER_HEADER } from './taobao-headers.ts';

/** Three orders; `name` is the first buyer's name and nick (to carry 𠀀 or not). */
function fixture(name: string): string {
  const base = { 买家支付宝账号: 'null', 买家应付邮费: '0.00', 订单关闭原因: '订单未关闭', 店铺名称: '回头客测试店', 收货地址: '广东省 深圳市 南山区 粤海街道****' };
  return csvText(rowsOf(LEGACY_ORDER_HEADER, [
    { ...base, 订单编号: '="5300000000000000001"', 买家会员名: name, 收货人姓名: name, 联系手机: "'13800000001", 买家实际支付金额: '￥1,234.50', 订单状态: '买家已付款，等待卖家发货', 订单创建时间: '2024-01-02 03:04:05', 订单付款时间: '2024-01-02 03:05:00', 宝贝标题: '全角（测试）商品，ＡＢＣ', 买家留言: '多行\r\n留言，含"引号"' },
    { ...base, 订单编号: '="5300000000000000002"', 买家会员名: '测试用户　乙', 收货人姓名: '李四', 联系手机: "'13800000002", 买家实际支付金额: '0.01', 订单状态: '交易成功', 订单创建时间: '2024-12-31 23:59:59', 订单付款时间: '2025-01-01 00:00:01', 宝贝标题: '€ 欧元礼盒' },
    { ...base, 订单编号: '="5300000000000000003"', 买家会员名: 'Ｌｉ　Ｗｅｉ', 收货人姓名: '王五', 联系手机: "'+86 138-0000-0003", 买家实际支付金额: '88', 订单状态: '交易关闭', 订单创建时间: '2024-06-01 12:00:00', 宝贝标题: '湿巾' },
  ]));
}

async function importAs(dir: string, text: string, encoding: FixtureEncoding) {
  const store = await openTestStore();
  const file = writeFixture(dir, `ExportOrderList-${encoding}.csv`, text, encoding);
  const report = await store.import([file]);
  expect(report.units[0], encoding).toMatchObject({ status: 'committed', ordersNew: 3, errors: 0, warnings: 0 });
  // Customer ids are surrogate keys whose order of assignment is not specified: compare everything else.
  const withoutId = <T extends { customer_id: number }>(m: Map<string, T>): Map<string, Omit<T, 'customer_id'>> =>
    new Map([...m].map(([k, { customer_id: _id, ...rest }]) => [k, rest]));
  const stored = { orders: withoutId(await storedOrders(store.db)), customers: withoutId(await storedCustomers(store.db)), lines: await storedLines(store.db) };
  store.close();
  return { stored, encodingSeen: report.units[0]!.encoding };
}

describe('one export in five encodings', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('UTF-8, UTF-8 BOM, GBK, GB18030 and UTF-16LE BOM store identical rows', async () => {
    const text = fixture('张三');
    const ref = await importAs(tmp.path, text, 'utf-8');
    expect(ref.encodingSeen).toBe('utf-8');
    const seen: Record<string, string | null> = {};
    for (const enc of ['utf-8-bom', 'gbk', 'gb18030', 'utf-16le-bom'] as const) {
      const r = await importAs(tmp.path, text, enc);
      seen[enc] = r.encodingSeen;
      expect(r.stored, enc).toEqual(ref.stored);
    }
    expect(seen).toEqual({ 'utf-8-bom': 'utf-8-bom', gbk: 'gb18030', gb18030: 'gb18030', 'utf-16le-bom': 'utf-16le' });
    expect(ref.stored.orders.get('5300000000000000001')).toMatchObject({ amount: 1234.5, titles: '全角（测试）商品，ＡＢＣ', key_value: '张三', status: 'paid' });
    expect(ref.stored.customers.get('platform_id:Ｌｉ　Ｗｅｉ')).toMatchObject({ phone: '13800000003' });
  });

  it('a four-byte GB18030 character (𠀀) survives UTF-8, UTF-8 BOM, GB18030 and UTF-16LE identically', async () => {
    const text = fixture('𠀀先生');
    const ref = await importAs(tmp.path, text, 'gb18030');
    for (const enc of ['utf-8', 'utf-8-bom', 'utf-16le-bom'] as const) expect((await importAs(tmp.path, text, enc)).stored, enc).toEqual(ref.stored);
    expect(ref.stored.customers.get('platform_id:𠀀先生')?.name).toBe('𠀀先生');
  });
});

describe('undecodable bytes', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('are reported by line; the record is skipped; no U+FFFD is ever stored', async () => {
    const header = 'order_id,customer_id,order_time,amount,name,title\r\n';
    const good = (n: number, name: string): string => `G${n},C${n},2024-01-0${n} 10:00:00,10.00,${name},茶叶\r\n`;
    for (const [enc, bad] of [
      ['gbk', Buffer.from([0x80, 0xff, 0x80])],
      ['utf-8', Buffer.from([0xc3, 0x28, 0xe4, 0xb8])],
    ] as const) {
      const parts = [header, good(1, '张三'), good(2, '李四')].map((s) => writeBytes(s, enc));
      const badLine = Buffer.concat([writeBytes('B4,C4,2024-01-04 10:00:00,10.00,', enc), bad, writeBytes(',茶叶\r\n', enc)]);
      const after = writeBytes(good(5, '王五') + good(6, '赵六'), enc);
      const path = writeFixture(tmp.path, `bad-${enc}.csv`, Buffer.concat([...parts, badLine, after]));
      const store = await openTestStore();
      const report = await store.import([path]);
      expect(report.units[0], enc).toMatchObject({ status: 'committed', ordersNew: 4, errors: 1, encoding: enc === 'gbk' ? 'gb18030' : 'utf-8' });
      expect(report.units[0]!.issues.map((i) => [i.line, i.code]), enc).toEqual([[4, 'undecodable_bytes']]);
      const all = JSON.stringify([...(await storedOrders(store.db)).values(), ...(await storedCustomers(store.db)).values(), ...(await storedLines(store.db))]);
      expect(all).not.toContain('\ufffd');
      expect([...(await storedOrders(store.db)).keys()]).toEqual(['G1', 'G2', 'G5', 'G6']);
      store.close();
    }
  });
});

function writeBytes(text: string, enc: 'gbk' | 'utf-8'): Buffer {
  return encodeText(text, enc);
}

describe('time zones', () => {
  const tmp = tempDir();
  let file = '';
  beforeAll(() => {
    file = writeFixture(tmp.path, 'tz.csv', csvText([['order_id', 'customer_id', 'order_time', 'amount', 'paid_time'], ['T1', 'C1', '2024-03-10 02:30:00', '1.00', '2024-03-10T02:31:00Z']]));
  });
  afterAll(() => tmp.remove());

  it('naive times are read in the shop zone by default and in --tz when given; explicit offsets win', async () => {
    const shanghai = join(tmp.path, 'sh.duckdb');
    const newYork = join(tmp.path, 'ny.duckdb');
    expect((await cli(['import', file, '--db', shanghai, '--json'])).code).toBe(0);
    expect((await cli(['import', file, '--db', newYork, '--tz', 'America/New_York', '--json'])).code).toBe(0);
    const read = async (path: string): Promise<{ order_ms: number; paid_ms: number | null }> => {
      const store = await openTestStore(path);
      const o = orderOf(await storedOrders(store.db), 'T1');
      store.close();
      return o;
    };
    expect(await read(shanghai)).toMatchObject({ order_ms: Date.UTC(2024, 2, 9, 18, 30), paid_ms: Date.UTC(2024, 2, 10, 2, 31) });
    // 02:30 on 2024-03-10 does not exist in New York (DST starts at 02:00): it is read as 03:30 EDT = 07:30 UTC.
    expect(await read(newYork)).toMatchObject({ order_ms: Date.UTC(2024, 2, 10, 7, 30), paid_ms: Date.UTC(2024, 2, 10, 2, 31) });
  });
});
