/** A workbook a seller can open: one sheet per report, headers in the chosen language, formulas neutralised. */
import { writeXlsx } from '../importers/read/xlsx/xlsx-writer.ts';
import type { ReportTable } from './report-table.ts';

export function reportWorkbook(tables: readonly ReportTable[], lang: 'zh' | 'en'): Uint8Array {
  const used = new Set<string>();
  const sheets = tables.map((t) => {
    let name = sheetName(lang === 'zh' ? t.zh : t.en);
    for (let i = 2; used.has(name); i++) name = sheetName(`${lang === 'zh' ? t.zh : t.en} ${i}`);
    used.add(name);
    return { name, rows: [t.columns.map((c) => (lang === 'zh' ? c.zh : c.en)), ...t.rows.map((r) => [...r])] };
  });
  return writeXlsx(sheets, { neutraliseFormulas: true });
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(raw: string): string {
  return raw.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}
