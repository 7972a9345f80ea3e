/**
 * File structure a seller's export may have: an unbalanced quote, a repeated order row, a workbook with an extra
 * sheet of notes (说明) next to the orders.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../src/importers/read/xlsx/xlsx-writer.ts';
import { tempDir } from '../../support/paths.ts';
import { openTestStore, writeFixture } from './e2e-support.ts';

describe('file structure', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('a quote that is never closed skips only its own record (line 3); the parser resumes on the next line', async () => {
    const store = await openTestStore();
    const path = writeFixture(tmp.path, 'quote.csv', 'order_id,customer_id,order_time,amount,title\nQ1,C1,2024-01-01 10:00:00,1.00,ok\nQ2,C1,2024-01-01 10:00:00,1.00,"broken\nQ3,C1,2024-01-01 10:00:00,1.00,ok\nQ4,C1,2024-01-01 10:00:00,1.00,ok\n');
    const report = await store.import([path]);
    expect(report.units[0]).toMatchObject({ status: 'committed', ordersNew: 3, errors: 1 });
    expect(report.units[0]!.issues.map((i) => [i.line, i.code])).toEqual([[3, 'unterminated_quote']]);
    expect(await store.db.all(`SELECT order_no FROM orders ORDER BY 1`)).toEqual([{ order_no: 'Q1' }, { order_no: 'Q3' }, { order_no: 'Q4' }]);
    store.close();
  });

  it('an order row repeated in a one-row-per-order file: the first is kept, the repeat is a warning at its line', async () => {
    const store = await openTestStore();
    const path = writeFixture(tmp.path, 'ExportOrderList202401011200.csv', '订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间\n1,张三,1.00,交易成功,2024-01-01 10:00:00\n2,李四,2.00,交易成功,2024-01-01 10:00:00\n1,张三,9.00,交易关闭,2024-01-01 10:00:00\n');
    const report = await store.import([path]);
    expect(report.units[0]).toMatchObject({ status: 'committed', ordersNew: 2, errors: 0, warnings: 1 });
    expect(report.units[0]!.issues.map((i) => [i.line, i.code, i.severity])).toEqual([[4, 'duplicate_order_row', 'warning']]);
    expect(await store.db.all(`SELECT order_no, status, CAST(amount AS DOUBLE) amount FROM orders ORDER BY 1`)).toEqual([
      { order_no: '1', status: 'completed', amount: 1 },
      { order_no: '2', status: 'completed', amount: 2 },
    ]);
    store.close();
  });

  // Once a bug: one unrecognised sheet failed the whole workbook.
  it('a workbook with an orders sheet and a 说明 sheet imports the orders, warning about the notes sheet', async () => {
    const store = await openTestStore();
    const bytes = writeXlsx([
      { name: '订单', rows: [['order_id', 'customer_id', 'order_time', 'amount'], ['E1', 'C1', '2024-01-01 10:00:00', '12.50']] },
      { name: '说明', rows: [['本表由系统导出'], ['金额单位：元']] },
    ]);
    const report = await store.import([writeFixture(tmp.path, 'with-notes.xlsx', bytes)]);
    store.close();
    expect(report.units[0]).toMatchObject({ status: 'committed', ordersNew: 1, warnings: 1 });
    expect(report.units[0]!.issues[0]).toMatchObject({ code: 'unknown_format', severity: 'warning', message: expect.stringContaining('说明') });
  });
});
