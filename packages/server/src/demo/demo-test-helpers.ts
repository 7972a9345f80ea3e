/**
 * Test helpers: read the generated export back the way an importer would (decode GB18030, split
 * CSV, clean `="…"`, `'`, `null`), independent of the generator's own code paths.
 */
import { readFileSync } from 'node:fs';

/** One parsed export: header + rows of cells, per file. */
export interface ParsedTable {
  readonly header: string[];
  readonly rows: string[][];
}

/** Split CSV text (CRLF, RFC 4180 quotes; `="…"` cells are left as they are). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const cells: string[] = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let value = '';
        i++;
        for (;;) {
          const q = line.indexOf('"', i);
          if (q < 0) throw new Error(`unterminated quote: ${line}`);
          value += line.slice(i, q);
          if (line[q + 1] === '"') {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        cells.push(value);
        i++;
      } else {
        const comma = line.indexOf(',', i);
        const end = comma < 0 ? line.length : comma;
        cells.push(line.slice(i, end));
        i = end + 1;
      }
    }
    rows.push(cells);
  }
  return rows;
}

/** Decode a GB18030 file and split it. */
export function readGbkCsv(path: string): ParsedTable {
  const text = new TextDecoder('gb18030').decode(readFileSync(path));
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error(`empty file ${path}`);
  return { header, rows };
}

/** Importer-style cell cleaning: strip `="…"` and a leading `'`, `null` → ''. */
export function clean(cell: string | undefined): string {
  if (cell === undefined || cell === 'null') return '';
  if (cell.startsWith('="') && cell.endsWith('"')) return cell.slice(2, -1);
  if (cell.startsWith("'")) return cell.slice(1);
  return cell;
}

/** `123.45` → 12345. */
export function cents(cell: string | undefined): number {
  const text = clean(cell);
  const match = /^(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`not money: "${text}"`);
  return Number(match[1]) * 100 + Number(match[2]);
}

/** Column accessor by trimmed header name. */
export function columns(header: readonly string[]): (row: readonly string[], name: string) => string {
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  return (row, name) => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`no column ${name}`);
    return row[i] ?? '';
  };
}
