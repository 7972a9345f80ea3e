/**
 * Map workers (pipeline/fill-unit.ts): a unit whose tables are read and mapped in worker threads stores the
 * same orders, lines, customers and issues (same lines, columns, order) and reports the same progress as the
 * in-thread fill; with bulk files (DuckDB), with packed batches (a store without bulkLoad) and mixed. A worker
 * that dies fails the unit and leaves the store as it was; a file error in a worker arrives as ImportFileError.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerFeed } from '../../../src/importers/pipeline/map-worker/worker-feed.ts';
import type { ImportReport } from '../../../src/importers/pipeline/run-import.ts';
import { ImportFileError } from '../../../src/importers/import-issue.ts';
import { resolveLimits } from '../../../src/importers/read/limits.ts';
import type { Db } from '../../../src/store/database.ts';
import { tempDir } from '../../support/paths.ts';
import { csvText, openTestStore, storedCustomers, storedLines, storedOrders, tableCounts } from './e2e-support.ts';
import type { TestStore } from './e2e-support.ts';
import { LEGACY_DETAIL_HEADER, LEGACY_ORDER_HEADER } from './taobao-headers.ts';

const ORDERS = 12_000;
const BAD_BYTES = '@@BAD@@';

function orderRow(n: number): string[] {
  const cells = LEGACY_ORDER_HEADER.map(() => 'null');
  const set = (name: string, v: string): void => {
    cells[LEGACY_ORDER_HEADER.findIndex((h) => h.trim() === name)] = v;
  };
  set('订单编号', `="5118${String(n).padStart(12, '0')}"`);
  set('买家会员名', n % 7 === 0 ? 'null' : `买家${n % 3000}`);
  set('买家实际支付金额', n % 1009 === 0 ? '十元' : `${(n % 500) + 1}.50`);
  set('订单状态', n % 1511 === 0 ? '神秘状态' : n % 5 === 0 ? '交易关闭' : '交易成功');
  set('订单关闭原因', n % 5 === 0 ? '买家未付款' : '订单未关闭');
  set('收货人姓名', n % 997 === 0 ? `张三${BAD_BYTES}` : '张三');
  set('收货地址', '江苏省 南京市 建邺区 沙洲街道****');
  set('联系手机', n % 11 === 0 ? "'138****0000" : `'138${String(n % 100000000).padStart(8, '0')}`);
  set('订单创建时间', n % 1213 === 0 ? '2024-13-45 99:00:00' : `2024-0${(n % 9) + 1}-1${n % 10} 10:00:00`);
  set('订单付款时间', n % 5 === 0 ? 'null' : `2024-0${(n % 9) + 1}-1${n % 10} 10:05:00`);
  set('宝贝标题', n % 13 === 0 ? '湿巾 80抽，"棉柔"巾, 大包' : '湿巾 80抽');
  set('宝贝总数量', '1');
  return cells;
}

function detailRow(n: number, orderNo: number): string[] {
  return [`="5118${String(orderNo).padStart(12, '0')}"`, n % 4 === 0 ? '' : '湿巾 80抽', `${(n % 50) + 1}.00`, n % 1777 === 0 ? 'x' : '1', `SKU-${n % 40}`, '颜色分类:白色', 'null', 'null', '交易成功', 'null'];
}

/** A GBK pair with bad rows of every kind the mappers and the reader report. */
function writePair(dir: string): [string, string] {
  const orders = [LEGACY_ORDER_HEADER, ...Array.from({ length: ORDERS }, (_, i) => orderRow(i + 1))];
  const details = [LEGACY_DETAIL_HEADER];
  for (let i = 1; i <= ORDERS; i++) details.push(detailRow(details.length, i));
  for (let i = 1; i <= ORDERS; i += 3) details.push(detailRow(details.length, i));
  details.push(detailRow(details.length, ORDERS + 5)); // orphan line
  const orderBytes = iconv.encode(csvText(orders), 'gbk');
  const marker = iconv.encode(BAD_BYTES, 'gbk');
  for (let at = orderBytes.indexOf(marker); at >= 0; at = orderBytes.indexOf(marker, at)) orderBytes.fill(0xff, at, at + 2);
  const orderFile = join(dir, 'ExportOrderList202401011200.csv');
  const detailFile = join(dir, 'ExportOrderDetailList202401011200.csv');
  writeFileSync(orderFile, orderBytes);
  writeFileSync(detailFile, iconv.encode(csvText(details), 'gbk'));
  return [orderFile, detailFile];
}

interface Outcome {
  readonly report: ImportReport;
  readonly progress: string[];
  readonly stored: unknown;
}

async function snapshot(db: Db): Promise<unknown> {
  const orders = [...(await storedOrders(db)).values()].map(({ customer_id: _, ...o }) => o);
  const customers = [...(await storedCustomers(db)).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { customer_id: _, ...c }]) => c);
  const issues = await db.all(`SELECT file, line, column_name, code, severity, message FROM import_issues ORDER BY file, line, code, message`);
  return { orders, customers, lines: await storedLines(db), issues, counts: await tableCounts(db) };
}

function comparable(report: ImportReport): unknown {
  return report.units.map(({ batchId: _, ...u }) => u);
}

/** Imports `files` into a fresh store, mapping in workers (minBytes 0) or in-thread (Infinity). */
async function importWith(
  files: readonly string[],
  workerMinBytes: number,
  strict = false,
  wrap?: (db: Db) => Db,
  partMinBytes = Number.POSITIVE_INFINITY,
): Promise<Outcome> {
  const store = await openTestStore();
  const db = wrap === undefined ? store.db : wrap(store.db);
  const { importFiles } = await import('../../../src/importers/pipeline/run-import.ts');
  const progress: string[] = [];
  const report = await importFiles(db, {
    shopId: store.shopId, timeZone: 'Asia/Shanghai', files, format: null, strict, columnMap: null, workerMinBytes, partMinBytes,
    onProgress: (file, rows) => progress.push(`${file}:${rows}`),
  });
  const stored = await snapshot(store.db);
  store.close();
  return { report, progress, stored };
}

/** The store without bulkLoad: workers post packed batches that the main thread appends. */
function withoutBulkLoad(db: Db): Db {
  return {
    dialect: db.dialect,
    run: (sql, params) => db.run(sql, params),
    all: (sql, params) => db.all(sql, params),
    columns: (sql, params) => db.columns(sql, params),
    typedColumns: (sql, params, types) => db.typedColumns(sql, params, types),
    transaction: (fn) => db.transaction(fn),
    bulkWriter: (table, columns) => db.bulkWriter(table, columns),
    fork: () => db.fork(),
    close: () => db.close(),
  };
}

/** The store as it is, counting the bulk files loaded into each staging table (one per part). */
function countingBulkLoads(loads: Map<string, number>): (db: Db) => Db {
  return (db) => ({
    ...withoutBulkLoad(db),
    bulkLoad: async (table, columns, paths) => {
      loads.set(table, (loads.get(table) ?? 0) + paths.length);
      await db.bulkLoad!(table, columns, paths);
    },
  });
}

/** A GBK order file whose titles are quoted and span many lines, so that cuts fall inside records. */
function writeMultiLineOrders(dir: string): string {
  const rows = [LEGACY_ORDER_HEADER];
  for (let n = 1; n <= 3000; n++) {
    const row = orderRow(n);
    row[LEGACY_ORDER_HEADER.findIndex((h) => h.trim() === '宝贝标题')] = `"湿巾 ${n}\n${'第二行\n'.repeat(40)}末行"`;
    rows.push(row);
  }
  const file = join(dir, 'ExportOrderList202402011200.csv');
  writeFileSync(file, iconv.encode(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'gbk'));
  return file;
}

describe('map workers', () => {
  const tmp = tempDir();
  let files: [string, string];
  let inThread: Outcome;

  beforeAll(async () => {
    files = writePair(tmp.path);
    inThread = await importWith(files, Number.POSITIVE_INFINITY);
  });
  afterAll(() => tmp.remove());

  it('the fixture has issues of several kinds and more rows than one batch and one progress step', () => {
    const codes = new Set(inThread.report.units[0]!.issues.map((i) => i.code));
    expect([...codes].sort()).toEqual(['bad_amount', 'bad_date', 'bad_quantity', 'orphan_line', 'undecodable_bytes', 'unknown_status']);
    expect(inThread.report.units[0]!.status).toBe('committed');
    expect(inThread.progress.length).toBeGreaterThanOrEqual(1);
  });

  it('workers writing bulk files store and report exactly what the in-thread fill does', async () => {
    const worker = await importWith(files, 0);
    expect(comparable(worker.report)).toEqual(comparable(inThread.report));
    expect(worker.progress).toEqual(inThread.progress);
    expect(worker.stored).toEqual(inThread.stored);
  });

  it('workers posting packed batches (no bulkLoad) store and report the same', async () => {
    const worker = await importWith(files, 0, false, withoutBulkLoad);
    expect(comparable(worker.report)).toEqual(comparable(inThread.report));
    expect(worker.stored).toEqual(inThread.stored);
  });

  it('--strict rejects the same rows with the same issues', async () => {
    const a = await importWith(files, Number.POSITIVE_INFINITY, true);
    const b = await importWith(files, 0, true);
    expect(b.report.units[0]!.status).toBe('rejected');
    expect(comparable(b.report)).toEqual(comparable(a.report));
    expect(b.stored).toEqual(a.stored);
  });

  it('a worker that dies fails the unit and leaves the store as it was', async () => {
    const store: TestStore = await openTestStore();
    await store.import([files[1]]);
    const before = await snapshot(store.db);
    process.env['HUITOU_TEST_MAP_WORKER_CRASH_AFTER'] = '1';
    let report: ImportReport;
    try {
      report = await store.import(files, { workerMinBytes: 0 });
    } finally {
      delete process.env['HUITOU_TEST_MAP_WORKER_CRASH_AFTER'];
    }
    const unit = report.units[0]!;
    expect(unit.status).toBe('failed');
    expect(unit.message).toMatch(/map worker for .* stopped \(exit code 70\)/);
    // Orders, lines and customers are as before; the failed batch is recorded with the issues read so far.
    const dataOf = (x: unknown): unknown => {
      const { orders, customers, lines, counts } = x as { orders: unknown; customers: unknown; lines: unknown; counts: Record<string, number> };
      return { orders, customers, lines, counts: { ...counts, batches: 0 } };
    };
    expect(dataOf(await snapshot(store.db))).toEqual(dataOf(before));
    expect((await tableCounts(store.db)).batches).toBe(2);
    store.close();
  });

  it('a unit with one table in a worker and one in-thread stores and reports the same', async () => {
    const mixed = await importWith(files, 1024 * 1024);
    expect(comparable(mixed.report)).toEqual(comparable(inThread.report));
    expect(mixed.progress).toEqual(inThread.progress);
    expect(mixed.stored).toEqual(inThread.stored);
  });

  it('tables cut into parts for both workers store and report exactly what the in-thread fill does', async () => {
    const loads = new Map<string, number>();
    const parted = await importWith(files, 0, false, countingBulkLoads(loads), 1);
    expect(loads.get('stg_orders')).toBeGreaterThanOrEqual(2);
    expect(comparable(parted.report)).toEqual(comparable(inThread.report));
    expect(parted.progress).toEqual(inThread.progress);
    expect(parted.stored).toEqual(inThread.stored);
    // The unknown status is reported once per table, as by one mapper over the whole file.
    expect(parted.report.units[0]!.issues.filter((i) => i.code === 'unknown_status')).toHaveLength(1);
    const strictWhole = await importWith(files, Number.POSITIVE_INFINITY, true);
    const strictParts = await importWith(files, 0, true, undefined, 1);
    expect(comparable(strictParts.report)).toEqual(comparable(strictWhole.report));
  });

  it('a part cut inside a multi-line quoted record reads on, and the parts after it are left out', async () => {
    const file = writeMultiLineOrders(tmp.path);
    const whole = await importWith([file], Number.POSITIVE_INFINITY);
    expect(whole.report.units[0]!.status).toBe('committed');
    expect(whole.report.units[0]!.ordersNew).toBeGreaterThan(2000);
    const loads = new Map<string, number>();
    const parted = await importWith([file], 0, false, countingBulkLoads(loads), 1);
    // Four parts were planned (1 byte minimum, two slots); a cut inside a title made a part read on.
    expect(loads.get('stg_orders')).toBeLessThan(4);
    expect(comparable(parted.report)).toEqual(comparable(whole.report));
    expect(parted.progress).toEqual(whole.progress);
    expect(parted.stored).toEqual(whole.stored);
  });

  it('a file error inside a worker reaches the main thread as an ImportFileError', async () => {
    const empty = join(tmp.path, 'empty.csv');
    writeFileSync(empty, '');
    const feed = startWorkerFeed(
      {
        table: { path: empty, file: 'empty.csv', encoding: 'utf-8', bomLength: 0, limits: resolveLimits() },
        format: 'taobao', variantId: 'taobao-legacy-orders', fileIdx: 0, timeZone: 'Asia/Shanghai', columnMap: null,
        batchRows: 8192, maxInFlight: 3, bulkDir: null, part: null,
      },
      () => undefined,
    );
    const error: unknown = await feed.finished.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).code).toBe('empty_file');
  });
});
