import { afterAll, describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { ImportFileError } from '../../import-issue.ts';
import { openTables } from '../open-tables.ts';
import type { ReadLimits } from '../table-source.ts';
import { readAll, tempDir } from '../test-files.ts';
import { formatNumber, serialToText } from './cell-value.ts';
import { neutraliseFormula, writeXlsx } from './xlsx-writer.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A hand-made package; `parts` override or add entries. */
function pkg(sheetXml: string, parts: Record<string, string> = {}, level: 0 | 6 = 6): Uint8Array {
  const files: Zippable = {
    '_rels/.rels': strToU8(`<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook ${NS} xmlns:r="${REL}"><workbookPr/><sheets><sheet name="数据 &amp; more" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  };
  for (const [k, v] of Object.entries(parts)) files[k] = strToU8(v);
  return zipSync(files, { level });
}

async function open(bytes: Uint8Array, name: string, limits: Partial<ReadLimits> = {}): Promise<string[][]> {
  const tables = await openTables(tmp.write(name, bytes), limits);
  const { rows } = await readAll(tables[0]!);
  return rows.map((r) => [String(r.line), ...r.cells]);
}

async function fileError(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportFileError);
  return (e as ImportFileError).code;
}

describe('XLSX reader', () => {
  it('reads shared strings with rich text, inline strings, numbers, booleans, formulas, gaps and dates', async () => {
    const sst = `<sst ${NS}><si><t>订单编号</t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r><rPh><t>フリガナ</t></rPh></si><si><t>a&lt;b&amp;c</t></si></sst>`;
    const styles = `<styleSheet ${NS}><numFmts><numFmt numFmtId="164" formatCode="yyyy/mm/dd hh:mm:ss"/><numFmt numFmtId="165" formatCode="&quot;¥&quot;#,##0.00"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
    const sheet =
      `<worksheet ${NS}><sheetData>` +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>千牛</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>17850.0</v></c><c t="b"><v>1</v></c><c t="str"><f>A2&amp;""</f><v>17850</v></c><c r="F2" s="1"><v>45292</v></c></row>' +
      '<row r="4"><c r="B4" s="2"><v>45292.5</v></c><c r="C4" s="3"><v>12.5</v></c><c r="D4"><v>5.11861E+18</v></c></row>' +
      '<row r="5"><c r="A5" s="1"/></row>' +
      '<row><c r="A6"><v>0.30000000000000004</v></c><c r="B6" t="e"><v>#N/A</v></c></row>' +
      '</sheetData></worksheet>';
    const rows = await open(pkg(sheet, { 'xl/sharedStrings.xml': sst, 'xl/styles.xml': styles }), 'cells.xlsx');
    expect(rows).toEqual([
      ['1', '订单编号', '富文本 ', 'a<b&c', '千牛'],
      ['2', '17850', 'TRUE', '17850', '', '', '2024-01-01'],
      ['4', '', '2024-01-01 12:00:00', '12.5', '5.11861E+18'],
      ['6', '0.3', '#N/A', '', ''],
    ]);
    const [table] = await openTables(tmp.write('cells2.xlsx', pkg(sheet, { 'xl/sharedStrings.xml': sst, 'xl/styles.xml': styles }, 0)));
    expect(table!.sheet).toBe('数据 & more');
    expect(table!.encoding).toBe('xlsx');
  });

  it('formats numbers and dates as Excel shows them', () => {
    expect(formatNumber(5.11861e18)).toBe('5.11861E+18');
    expect(formatNumber(-2.5)).toBe('-2.5');
    expect(formatNumber(1e-7)).toBe('1E-7');
    expect(serialToText(1, 'date', false)).toBe('1900-01-01');
    expect(serialToText(59, 'date', false)).toBe('1900-02-28');
    expect(serialToText(61, 'date', false)).toBe('1900-03-01');
    expect(serialToText(0, 'date', true)).toBe('1904-01-01');
    expect(serialToText(0.75, 'time', false)).toBe('18:00:00');
  });

  it('uses the 1904 date system when the workbook says so', async () => {
    const wb = `<workbook ${NS} xmlns:r="${REL}"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const styles = `<styleSheet ${NS}><cellXfs><xf numFmtId="0"/><xf numFmtId="22"/></cellXfs></styleSheet>`;
    const rows = await open(pkg(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" s="1"><v>1.5</v></c></row></sheetData></worksheet>`, { 'xl/workbook.xml': wb, 'xl/styles.xml': styles }), 'd1904.xlsx');
    expect(rows).toEqual([['1', '1904-01-02 12:00:00']]);
  });

  it('round-trips the writer: 千牛 three-sheet workbook, stored and deflated, formulas neutralised', async () => {
    const sheets = [
      { name: '订单报表', rows: [['订单编号', '买家实付金额', '订单状态'], ['="5118600000000000001"', 128.5, '买家已付款,等待卖家发货'], ['5118600000000000002', 17850, null]] },
      { name: '销售明细', rows: [['子订单编号', '主订单编号', '商品标题'], ['1', '5118600000000000001', ' 夏季 T恤 & <礼盒> ']] },
      { name: '发货报表', rows: [['主订单编号', '收货人姓名', '联系手机'], ['5118600000000000001', '=HYPERLINK("http://x")', '+8613800000000'], ['5118600000000000002', '@SUM(A1)', '-12.50']] },
    ];
    for (const compression of ['store', 'deflate'] as const) {
      const bytes = writeXlsx(sheets, { neutraliseFormulas: true, compression });
      const tables = await openTables(tmp.write(`qn-${compression}.xlsx`, bytes));
      expect(tables.map((t) => t.sheet)).toEqual(['订单报表', '销售明细', '发货报表']);
      const orders = (await readAll(tables[0]!)).rows;
      expect(orders[1]!.cells).toEqual(["'=\"5118600000000000001\"", '128.5', '买家已付款,等待卖家发货']);
      expect(orders[2]!.cells).toEqual(['5118600000000000002', '17850', '']);
      expect((await readAll(tables[1]!)).rows[1]!.cells[2]).toBe(' 夏季 T恤 & <礼盒> ');
      const ship = (await readAll(tables[2]!)).rows;
      expect(ship[1]!.cells).toEqual(['5118600000000000001', '\'=HYPERLINK("http://x")', '+8613800000000']);
      expect(ship[2]!.cells).toEqual(['5118600000000000002', "'@SUM(A1)", '-12.50']);
    }
    expect(neutraliseFormula('+86 138-0000-0000')).toBe('+86 138-0000-0000');
    expect(neutraliseFormula('-1+cmd|x')).toBe("'-1+cmd|x");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
  });

  it('stops a zip bomb by ratio and by total size while inflating', async () => {
    const zip = new Zip();
    const parts: Uint8Array[] = [];
    zip.ondata = (err, chunk) => {
      if (err) throw err;
      parts.push(chunk);
    };
    const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 9 });
    zip.add(sheet);
    sheet.push(strToU8(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`));
    const zeros = new Uint8Array(1 << 20).fill(0x30);
    for (let i = 0; i < 64; i++) sheet.push(zeros);
    sheet.push(strToU8('</t></is></c></row></sheetData></worksheet>'), true);
    for (const [name, text] of [
      ['_rels/.rels', `<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
      ['xl/workbook.xml', `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`],
      ['xl/_rels/workbook.xml.rels', `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ] as const) {
      const f = new ZipDeflate(name);
      zip.add(f);
      f.push(strToU8(text), true);
    }
    zip.end();
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((o, p) => (bytes.set(p, o), o + p.length), 0);
    expect(bytes.length).toBeLessThan(200_000);
    const t0 = performance.now();
    expect(await fileError(open(bytes, 'bomb.xlsx'))).toBe('xlsx_too_large');
    expect(await fileError(open(bytes, 'bomb2.xlsx', { maxInflateRatio: 1e9, maxInflatedBytes: 8 << 20 }))).toBe('xlsx_too_large');
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('refuses DOCTYPE/ENTITY payloads, corrupt zips and too many rows', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><sst ${NS}><si><t>&lol2;</t></si></sst>`;
    const sheet = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    expect(await fileError(open(pkg(sheet, { 'xl/sharedStrings.xml': laughs }), 'laughs.xlsx'))).toBe('bad_xlsx');
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>`;
    expect(await fileError(open(pkg(xxe), 'xxe.xlsx'))).toBe('bad_xlsx');
    const good = pkg(sheet, { 'xl/sharedStrings.xml': `<sst ${NS}><si><t>x</t></si></sst>` });
    expect(await fileError(open(good.subarray(0, good.length - 30), 'cut.xlsx'))).toBe('bad_xlsx');
    const flipped = new Uint8Array(good);
    for (let i = 40; i < 140; i++) flipped[i] = flipped[i]! ^ 0x5a;
    expect(await fileError(open(flipped, 'flipped.xlsx'))).toBe('bad_xlsx');
    const many = `<worksheet ${NS}><sheetData>${Array.from({ length: 5 }, (_, i) => `<row r="${i + 1}"><c t="inlineStr"><is><t>r</t></is></c></row>`).join('')}</sheetData></worksheet>`;
    expect(await fileError(open(pkg(many), 'many.xlsx', { maxRows: 4 }))).toBe('xlsx_too_large');
    const evil = zipSync({ '../evil.xml': strToU8('x'), 'xl/workbook.xml': strToU8(`<workbook ${NS}><sheets/></workbook>`) });
    expect(await fileError(open(evil, 'evil.xlsx'))).toBe('bad_xlsx');
  });

  it('reads the Online Retail 40k sample', async () => {
    const repoRoot = fileURLToPath(new URL('../../../../../../', import.meta.url));
    const path = `${repoRoot}../shared/data/online_retail_40k_sample.xlsx`;
    const tables = await openTables(path);
    expect(tables).toHaveLength(1);
    const { rows, issues } = await readAll(tables[0]!);
    expect(issues).toEqual([]);
    expect(rows[0]!.cells.join(',')).toBe('InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country');
    expect(rows).toHaveLength(40_001);
    expect(rows[1]).toEqual({ line: 2, cells: ['573415', '21166', 'COOK WITH WINE METAL SIGN ', '1', '2011-10-30 16:17:00', '2.08', '13607', 'United Kingdom'] });
    expect(rows.at(-1)!.line).toBe(40_001);
    const dates = rows.slice(1).map((r) => r.cells[4]!);
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(d))).toBe(true);
    const ids = rows.slice(1).map((r) => r.cells[6]!).filter((c) => c !== '');
    expect(ids.length).toBeGreaterThan(25_000);
    expect(ids.every((c) => /^\d+$/.test(c))).toBe(true);
  }, 20_000);
});
