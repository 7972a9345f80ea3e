/**
 * Hostile and broken inputs through importFiles: each gives a clear error code and message, writes no order,
 * records a failed batch, and finishes within a few seconds. Covers an oversized file (limit lowered through
 * `limits`), XLSX zip bombs (ratio cap and total cap, before any row and after good rows), billion laughs and
 * XXE in XLSX parts, a 10 MB line, binary garbage, empty and header-only files, an unknown format, a missing file.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../src/importers/pipeline/run-import.ts';
import type { ReadLimits } from '../../../src/importers/read/table-source.ts';
import { writeXlsx } from '../../../src/importers/read/xlsx/xlsx-writer.ts';
import { tempDir } from '../../support/paths.ts';
import type { TestStore } from './e2e-support.ts';
import { csvText, openTestStore, tableCounts, writeFixture } from './e2e-support.ts';

const HEADER = ['order_id', 'customer_id', 'order_time', 'amount'];
const GOOD = [HEADER, ['H1', 'C1', '2024-01-01 10:00:00', '10.00'], ['H2', 'C2', '2024-01-02 10:00:00', '20.00']];

/** A workbook whose sheet1.xml (and any other part) is replaced by the given bytes. */
function doctored(parts: Record<string, Uint8Array>): Uint8Array {
  const files = unzipSync(writeXlsx([{ name: 'Sheet1', rows: GOOD }]));
  return zipSync({ ...files, ...parts }, { level: 9 });
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const row = (r: number, cells: readonly string[]): string =>
  `<row r="${r}">${cells.map((c) => `<c t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`;

/** Rows of a sheet: the header, then `n` valid orders. */
function goodRows(n: number): string[][] {
  return [HEADER, ...Array.from({ length: n }, (_, i) => [`B${i}`, `C${i % 97}`, `2024-01-${String((i % 28) + 1).padStart(2, '0')} 10:00:00`, `${(i % 500) + 1}.00`])];
}

/** A sheet of `rows`, then a row holding a cell of `megabytes` MB of '0' (compresses about 1000:1). */
function bombSheet(rows: readonly (readonly string[])[], megabytes: number): Uint8Array {
  const before = strToU8(SHEET_HEAD + rows.map((r, i) => row(i + 1, r)).join('') + `<row r="${rows.length + 1}"><c t="inlineStr"><is><t>`);
  const after = strToU8('</t></is></c></row></sheetData></worksheet>');
  const out = new Uint8Array(before.length + megabytes * 1024 * 1024 + after.length);
  out.set(before, 0);
  out.fill(0x30, before.length, before.length + megabytes * 1024 * 1024);
  out.set(after, out.length - after.length);
  return out;
}

describe('hostile inputs', () => {
  const tmp = tempDir();
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => {
    store.close();
    tmp.remove();
  });

  /** Imports one file; expects one failed unit with `code`, no stored order, quickly. Returns the report. */
  async function expectRefused(path: string, code: string, message: RegExp, limits?: Partial<ReadLimits>, onProgress?: (file: string, rows: number) => void): Promise<ImportReport> {
    const before = await tableCounts(store.db);
    const t0 = performance.now();
    const report = await store.import([path], { ...(limits === undefined ? {} : { limits }), ...(onProgress === undefined ? {} : { onProgress }) });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(report.units).toHaveLength(1);
    const unit = report.units[0]!;
    expect(unit).toMatchObject({ status: 'failed', ordersNew: 0, lines: 0 });
    expect(unit.issues.map((i) => [i.code, i.severity])).toContainEqual([code, 'error']);
    expect(unit.message).toMatch(message);
    const after = await tableCounts(store.db);
    expect(after).toEqual({ ...before, batches: before.batches + 1 });
    const batch = await store.db.all(`SELECT status, orders_new FROM import_batches WHERE batch_id = $1`, [unit.batchId]);
    expect(batch).toEqual([{ status: 'failed', orders_new: 0 }]);
    return report;
  }

  it('oversized file: refused before reading, by the limit given in `limits`', async () => {
    const path = writeFixture(tmp.path, 'big.csv', csvText(GOOD));
    await expectRefused(path, 'file_too_large', /big\.csv is \d+ bytes, over the limit of 64/, { maxFileBytes: 64 });
  });

  it('XLSX zip bomb: stopped by the inflate ratio (default 100:1) before any row', async () => {
    const path = writeFixture(tmp.path, 'bomb-ratio.xlsx', doctored({ 'xl/worksheets/sheet1.xml': bombSheet(GOOD.slice(0, 1), 32) }));
    await expectRefused(path, 'xlsx_too_large', /expands past the limit .*refusing a possible zip bomb/);
  });

  it('XLSX zip bomb: stopped by the total inflated size after 30,000 good rows were staged (none of them is kept)', async () => {
    const path = writeFixture(tmp.path, 'bomb-total.xlsx', doctored({ 'xl/worksheets/sheet1.xml': bombSheet(goodRows(30_000), 16) }));
    let staged = 0;
    await expectRefused(path, 'xlsx_too_large', /zip bomb/, { maxInflateRatio: 1e9, maxInflatedBytes: 12 * 1024 * 1024 }, (_file, rows) => {
      staged = rows;
    });
    expect(staged).toBeGreaterThanOrEqual(16_384);
  });

  it('billion laughs in sharedStrings.xml and XXE in a sheet are refused as bad_xlsx', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>';
    await expectRefused(writeFixture(tmp.path, 'laughs.xlsx', doctored({ 'xl/sharedStrings.xml': strToU8(laughs) })), 'bad_xlsx', /laughs\.xlsx/);
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${SHEET_HEAD.replace(/^<\?xml[^>]*>/, '')}${row(1, HEADER)}${row(2, ['&x;', 'C1', '2024-01-01 10:00:00', '10.00'])}</sheetData></worksheet>`;
    const report = await expectRefused(writeFixture(tmp.path, 'xxe.xlsx', doctored({ 'xl/worksheets/sheet1.xml': strToU8(xxe) })), 'bad_xlsx', /xxe\.xlsx/);
    expect(JSON.stringify(report)).not.toContain('root:');
  });

  it('a 10 MB line between good rows is skipped with line_too_long; the good rows land', async () => {
    const text = `${csvText(GOOD.slice(0, 2), '\n')}H9,C9,2024-01-03 10:00:00,${'9'.repeat(10 * 1024 * 1024)}\n${GOOD[2]!.join(',')}\n`;
    const path = writeFixture(tmp.path, 'giant-line.csv', text);
    const t0 = performance.now();
    const report = await store.import([path]);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(report.units[0]).toMatchObject({ status: 'committed', ordersNew: 2, errors: 1 });
    expect(report.units[0]!.issues.map((i) => [i.line, i.code])).toEqual([[3, 'line_too_long']]);
    expect(await store.db.all(`SELECT order_no FROM orders WHERE order_no LIKE 'H%' ORDER BY 1`)).toEqual([{ order_no: 'H1' }, { order_no: 'H2' }]);
    await store.db.run(`DELETE FROM order_lines`);
    await store.db.run(`DELETE FROM orders`);
  });

  it('a file that is one 10 MB line is refused', async () => {
    const path = writeFixture(tmp.path, 'one-line.csv', 'x'.repeat(10 * 1024 * 1024));
    await expectRefused(path, 'line_too_long', /too long|longer|exceeds|characters/i);
  });

  // Once reported as an empty file: the reader's line_too_long for line 1 was dropped.
  it('a file that is one 10 MB line says that line 1 is too long', async () => {
    const path = writeFixture(tmp.path, 'one-line-2.csv', 'x'.repeat(10 * 1024 * 1024));
    const report = await store.import([path]);
    expect(report.units[0]!.issues.map((i) => [i.line, i.code])).toContainEqual([1, 'line_too_long']);
  });

  it('binary garbage (random bytes, an image) is refused as binary_garbage', async () => {
    await expectRefused(writeFixture(tmp.path, 'random.csv', randomBytes(256 * 1024)), 'binary_garbage', /random\.csv is not a text or XLSX file/);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(1024)]);
    await expectRefused(writeFixture(tmp.path, 'orders.csv.png', png), 'binary_garbage', /looks like a PNG image/);
  });

  it('an empty file, a blank file and a header-only file', async () => {
    await expectRefused(writeFixture(tmp.path, 'empty.csv', ''), 'empty_file', /empty\.csv is empty/);
    await expectRefused(writeFixture(tmp.path, 'blank.csv', '\r\n\r\n  \r\n'), 'empty_file', /blank\.csv/);
    await expectRefused(writeFixture(tmp.path, 'header.csv', csvText([HEADER])), 'header_only', /header\.csv has a header but no data rows/);
    await expectRefused(writeFixture(tmp.path, 'header.xlsx', writeXlsx([{ name: 'S', rows: [HEADER] }])), 'header_only', /header\.xlsx has a header but no data rows/);
  });

  it('a file of an unknown format names its header and suggests --format / --map', async () => {
    const path = writeFixture(tmp.path, 'contacts.csv', 'foo,bar,baz\n1,2,3\n');
    await expectRefused(path, 'unknown_format', /contacts\.csv: the header does not match any known export \(foo,bar,baz…\); use --format NAME or --map FILE/);
  });

  it('a recognised export without a column its mapper needs fails with missing_column, naming it', async () => {
    const path = writeFixture(tmp.path, 'youzan-cut.csv', '订单号,订单状态,订单创建时间,收货人手机号/提货人手机号\nE1,交易成功,2024-01-01 10:00:00,13800000001\n');
    await expectRefused(path, 'missing_column', /youzan-cut\.csv: required columns are missing: 订单实付金额/);
  });

  it('a missing file fails alone; the other files of the call still import', async () => {
    const missing = join(tmp.path, 'no-such-export.csv');
    const good = writeFixture(tmp.path, 'good.csv', csvText(GOOD));
    const report = await store.import([missing, good]);
    expect(report.units.map((u) => [u.files.join(), u.status])).toEqual([['no-such-export.csv', 'failed'], ['good.csv', 'committed']]);
    expect(report.units[0]!.message).toMatch(/no-such-export\.csv: no such file/);
    expect(report.units[0]!.issues.map((i) => i.code)).toEqual(['unknown_format']);
    expect(report.totals).toMatchObject({ units: 2, failed: 1, ordersNew: 2 });
  });

  it('a zip that is not a workbook, and a truncated workbook, are bad_xlsx', async () => {
    await expectRefused(writeFixture(tmp.path, 'photos.xlsx', zipSync({ 'a.txt': strToU8('hello') })), 'bad_xlsx', /not an XLSX workbook/);
    const whole = writeXlsx([{ name: 'S', rows: GOOD }]);
    await expectRefused(writeFixture(tmp.path, 'cut.xlsx', whole.subarray(0, whole.length - 40)), 'bad_xlsx', /cut\.xlsx/);
  });
});
