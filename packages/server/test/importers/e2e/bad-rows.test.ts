/**
 * Bad rows in a ~100k-line canonical CSV at physical lines 17, 5,000 and 99,999 (after a quoted cell that spans
 * two lines, so record and line numbers differ): each is reported with exactly that line, its column and code,
 * and every good row lands. `--strict` lands nothing and records a rejected batch. Order ids that went through
 * Excel (`5.11861E+18`, `….00`) are rejected with the message that the digits were lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../src/importers/read/xlsx/xlsx-writer.ts';
import { tempDir } from '../../support/paths.ts';
import { csvText, openTestStore, rowsOf, storedIssues, tableCounts, writeFixture } from './e2e-support.ts';
import { LEGACY_ORDER_HEADER } from './taobao-headers.ts';

const LINES = 100_000;
const BAD: Readonly<Record<number, { readonly record: string; readonly column: string; readonly code: string }>> = {
  17: { record: 'O17,C17,2024-01-01 10:00:00,abc,ok', column: 'amount', code: 'bad_amount' },
  5000: { record: 'O5000,C5000,2024-02-30 10:00:00,10.00,ok', column: 'order_time', code: 'bad_date' },
  99_999: { record: '5.11861E+18,C99999,2024-01-01 10:00:00,10.00,ok', column: 'order_id', code: 'order_id_scientific' },
};

/** Header at line 1, a two-line record at lines 10–11, bad records at their lines, good orders elsewhere. */
function bigCsv(): { text: string; goodOrders: number } {
  const out: string[] = ['order_id,customer_id,order_time,amount,title'];
  let goodOrders = 0;
  for (let line = 2; line <= LINES; line++) {
    const bad = BAD[line];
    if (bad !== undefined) out.push(bad.record);
    else if (line === 10) {
      out.push('O10,C10,2024-01-01 10:00:00,10.00,"礼盒\n（两行）"');
      line++;
      goodOrders++;
    } else {
      out.push(`O${line},C${line % 5000},2024-01-${String((line % 28) + 1).padStart(2, '0')} 10:00:00,${(line % 997) + 1}.50,茶叶`);
      goodOrders++;
    }
  }
  return { text: `${out.join('\n')}\n`, goodOrders };
}

describe('bad rows in a 100,000-line file', () => {
  const tmp = tempDir();
  let path = '';
  let goodOrders = 0;
  beforeAll(() => {
    const big = bigCsv();
    goodOrders = big.goodOrders;
    path = writeFixture(tmp.path, 'orders-100k.csv', big.text);
  });
  afterAll(() => tmp.remove());

  it('reports lines 17, 5,000 and 99,999 exactly, with column and code, and lands every good row', async () => {
    const store = await openTestStore();
    const report = await store.import([path]);
    expect(goodOrders).toBe(LINES - 1 - 1 - 3);
    expect(report.units[0]).toMatchObject({ status: 'committed', rowsRead: LINES - 2, ordersNew: goodOrders, errors: 3, warnings: 0 });
    const issues = report.units[0]!.issues;
    expect(issues.map((i) => [i.file, i.line, i.column, i.code, i.severity])).toEqual(
      Object.entries(BAD).map(([line, b]) => ['orders-100k.csv', Number(line), b.column, b.code, 'error']),
    );
    expect(issues[2]!.message).toContain('digits were lost when the file was re-saved in Excel');
    expect(await storedIssues(store.db)).toEqual(issues.map((i) => [i.file, i.line, i.column ?? null, i.code, i.severity]));
    expect(await tableCounts(store.db)).toMatchObject({ orders: goodOrders, lines: goodOrders });
    const twoLine = await store.db.all(`SELECT title FROM order_lines WHERE order_no = 'O10'`);
    expect(twoLine).toEqual([{ title: '礼盒\n（两行）' }]);
    expect(await store.db.all(`SELECT count(*) n FROM orders WHERE order_no IN ('O17', 'O5000', 'O12')`)).toEqual([{ n: 1 }]);
    store.close();
  }, 60_000);

  it('--strict lands nothing and records the rejected batch with its issues', async () => {
    const store = await openTestStore();
    const report = await store.import([path], { strict: true });
    expect(report.units[0]).toMatchObject({ status: 'rejected', ordersNew: 0, lines: 0, errors: 3 });
    expect(report.units[0]!.message).toContain('--strict lands nothing');
    expect(await tableCounts(store.db)).toEqual({ orders: 0, lines: 0, customers: 0, batches: 1 });
    expect(await store.db.all(`SELECT status, errors, orders_new FROM import_batches`)).toEqual([{ status: 'rejected', errors: 3, orders_new: 0 }]);
    expect((await storedIssues(store.db)).map(([, line, column, code]) => [line, column, code])).toEqual(
      Object.entries(BAD).map(([line, b]) => [Number(line), b.column, b.code]),
    );
    store.close();
  }, 60_000);
});

describe('order ids re-saved through Excel', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('are rejected in CSV (E+18 and .00 tails) and in XLSX (a numeric cell), naming the lost digits', async () => {
    const order = (id: string | number): (string | number)[] => [id, '测试用户', '12.50', '交易成功', '2024-01-02 10:00:00'];
    const header = ['订单编号', '买家会员名', '买家实际支付金额', '订单状态', '订单创建时间'];
    expect(header.every((h) => LEGACY_ORDER_HEADER.map((x) => x.trim()).includes(h))).toBe(true);
    const csv = writeFixture(tmp.path, 'ExportOrderList202401021200.csv', csvText(rowsOf(header, [
      Object.fromEntries(header.map((h, i) => [h, String(order('5.11861E+18')[i])])),
      Object.fromEntries(header.map((h, i) => [h, String(order('5118612345678900000.00')[i])])),
      Object.fromEntries(header.map((h, i) => [h, String(order('="5118612345678900001"')[i])])),
    ])), 'gbk');
    const xlsx = writeFixture(tmp.path, 'resaved.xlsx', writeXlsx([{ name: 'Sheet1', rows: [header, order(5118612345678900000), order('5118612345678900002')] }]));
    const store = await openTestStore();
    const report = await store.import([csv, xlsx]);
    expect(report.units.map((u) => [u.status, u.ordersNew, u.errors])).toEqual([['committed', 1, 2], ['committed', 1, 1]]);
    const issues = report.units.flatMap((u) => u.issues);
    expect(issues.map((i) => [i.file, i.line, i.column, i.code])).toEqual([
      ['ExportOrderList202401021200.csv', 2, '订单编号', 'order_id_scientific'],
      ['ExportOrderList202401021200.csv', 3, '订单编号', 'order_id_scientific'],
      ['resaved.xlsx', 2, '订单编号', 'order_id_scientific'],
    ]);
    for (const i of issues) expect(i.message).toMatch(/digits were lost when the file was re-saved in Excel and cannot be recovered; export the orders again/);
    expect(issues[0]!.message).toContain('"5.11861E+18" is in scientific notation');
    expect(await store.db.all(`SELECT order_no FROM orders ORDER BY 1`)).toEqual([{ order_no: '5118612345678900001' }, { order_no: '5118612345678900002' }]);
    store.close();
  });
});
