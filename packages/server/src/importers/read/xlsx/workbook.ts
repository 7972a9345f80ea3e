/** Sheet names and their part paths, from the package rels, xl/workbook.xml and its rels. */
import { attr, XmlScanner } from './xml-scan.ts';
import type { XmlHandler } from './xml-scan.ts';

export interface SheetRef {
  readonly name: string;
  /** Zip entry name of the sheet XML, e.g. xl/worksheets/sheet1.xml. */
  readonly path: string;
}

export interface WorkbookInfo {
  readonly sheets: readonly { readonly name: string; readonly relId: string }[];
  readonly date1904: boolean;
}

function scan(xml: string, file: string, open: XmlHandler['open']): void {
  new XmlScanner({ wantText: false, open, close() {}, text() {} }, file).feed(xml, true);
}

/** Relationship id → target, from a .rels part. */
export function parseRels(xml: string, file: string): Map<string, { target: string; type: string }> {
  const rels = new Map<string, { target: string; type: string }>();
  scan(xml, file, (name, s, a, b) => {
    if (name !== 'Relationship') return;
    const id = attr(s, a, b, 'Id', file);
    const target = attr(s, a, b, 'Target', file);
    if (id !== null && target !== null) rels.set(id, { target, type: attr(s, a, b, 'Type', file) ?? '' });
  });
  return rels;
}

/** Sheets (in tab order) and the date system, from workbook.xml. */
export function parseWorkbook(xml: string, file: string): WorkbookInfo {
  const sheets: { name: string; relId: string }[] = [];
  let date1904 = false;
  scan(xml, file, (name, s, a, b) => {
    if (name === 'workbookPr') {
      const v = attr(s, a, b, 'date1904', file);
      date1904 = v === '1' || v === 'true';
    } else if (name === 'sheet') {
      const tag = s.slice(a, b);
      const m = /\s([A-Za-z_][\w.-]*:)?id\s*=/.exec(tag);
      const relId = m === null ? null : attr(s, a, b, `${m[1] ?? ''}id`, file);
      const sheetName = attr(s, a, b, 'name', file);
      if (relId !== null && sheetName !== null) sheets.push({ name: sheetName, relId });
    }
  });
  return { sheets, date1904 };
}

/** Resolves a relationship target against the folder of the part that owns the rels; null if it escapes. */
export function resolveTarget(baseDir: string, target: string): string | null {
  const parts = target.startsWith('/') ? [] : baseDir.split('/').filter((p) => p !== '');
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else {
      parts.push(seg);
    }
  }
  return parts.join('/');
}
