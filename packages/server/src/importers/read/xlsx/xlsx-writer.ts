/**
 * Writes a minimal valid XLSX package (content types, rels, workbook, styles, sheets) with fflate. Strings are
 * inline strings, numbers are numbers, null is an absent cell. Used for test fixtures (e.g. the 千牛 three-sheet
 * workbook) and report exports.
 */
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';

export type XlsxCell = string | number | null;

export interface XlsxSheet {
  readonly name: string;
  readonly rows: readonly (readonly XlsxCell[])[];
}

export interface WriteXlsxOptions {
  /**
   * Prefix `'` to text starting with = + - @ TAB or CR (OWASP formula triggers), so a spreadsheet never runs it.
   * Text made only of an optional sign, digits, spaces, dots and dashes is left alone: it cannot call a
   * function or reference a cell, so phones like `+8613800000000` and `-12.50` round-trip unchanged.
   */
  readonly neutraliseFormulas?: boolean;
  /** 'store' writes uncompressed entries, as 千牛 does; default 'deflate'. */
  readonly compression?: 'deflate' | 'store';
}

const FORMULA_START = /^[=+\-@\t\r]/;
const HARMLESS_NUMBERISH = /^[+-]?\d[\d .-]*$/;
const MTIME = new Date(Date.UTC(2020, 0, 1));

/** The text a cell is written with when neutralising formulas (see WriteXlsxOptions). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !HARMLESS_NUMBERISH.test(text) ? `'${text}` : text;
}

/** Drops characters XML 1.0 cannot carry (C0 controls other than TAB, LF, CR; U+FFFE, U+FFFF). */
function xmlChars(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

function esc(s: string): string {
  return xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Column letters of a zero-based index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetXml(rows: readonly (readonly XlsxCell[])[], neutralise: boolean): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (cell === null) return;
      const ref = `${columnLetters(c)}${r + 1}`;
      if (typeof cell === 'number' && Number.isFinite(cell)) {
        cells.push(`<c r="${ref}"><v>${cell}</v></c>`);
        return;
      }
      let text = String(cell);
      if (neutralise) text = neutraliseFormula(text);
      const space = text !== text.trim() ? ' xml:space="preserve"' : '';
      cells.push(`<c r="${ref}" t="inlineStr"><is><t${space}>${esc(text)}</t></is></c>`);
    });
    out.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  out.push('</sheetData></worksheet>');
  return out.join('');
}

/** Sheet names made valid for Excel: no []:*?/\, at most 31 characters, unique, not empty. */
function sheetNames(sheets: readonly XlsxSheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((s, i) => {
    const base = s.name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || `Sheet${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 28)}(${k})`;
    used.add(name.toLowerCase());
    return name;
  });
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Builds an XLSX workbook from sheets of rows. */
export function writeXlsx(sheets: readonly XlsxSheet[], options: WriteXlsxOptions = {}): Uint8Array {
  if (sheets.length === 0) throw new Error('writeXlsx needs at least one sheet');
  const names = sheetNames(sheets);
  const enc = new TextEncoder();
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Zippable = {
    '[Content_Types].xml': enc.encode(
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    ),
    '_rels/.rels': enc.encode(
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': enc.encode(
      `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets>` +
        names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': enc.encode(
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${names.length + 1}" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': enc.encode(STYLES),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = enc.encode(sheetXml(s.rows, options.neutraliseFormulas === true));
  });
  return zipSync(files, { level: options.compression === 'store' ? 0 : 6, mtime: MTIME });
}
