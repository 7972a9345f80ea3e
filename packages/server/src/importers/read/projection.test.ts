import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanCell, cleansToEmpty } from '../cells/clean-cell.ts';
import { writeTaobaoExportPair } from '../../demo/index.ts';
import type { CanonicalLine, CanonicalOrder } from '../canonical.ts';
import { collectColumnUse, projectionFor } from '../formats/shared/column-use.ts';
import type { ImportIssue } from '../import-issue.ts';
import { recogniseTable } from '../pipeline/open-table.ts';
import { CsvParser } from './csv-parser.ts';
import { csvSource } from './csv-source.ts';
import { resolveLimits } from './limits.ts';
import { OMITTED_CELL } from './table-source.ts';
import type { SheetRow } from './table-source.ts';

describe('cleansToEmpty', () => {
  it('agrees with cleanCell on quirky cells', () => {
    const parts = ['', ' ', '\t', '=', '"', "'", 'null', 'NULL', 'Null', 'nul', 'x', '\u3000', '5118'];
    let checked = 0;
    for (const a of parts) for (const b of parts) for (const c of parts) {
      const s = `<${a}${b}${c}>`;
      expect(cleansToEmpty(s, 1, s.length - 1), JSON.stringify(s)).toBe(cleanCell(s.slice(1, -1)) === '');
      checked++;
    }
    expect(checked).toBe(parts.length ** 3);
  });
});

describe('CsvParser projection', () => {
  const text = 'a,b,c,d\n="1",x, null ,"q,1"\n="2",,="",\n';
  const parse = (wanted: Uint8Array | null): SheetRow[] => {
    const rows: SheetRow[] = [];
    const p = new CsvParser('t.csv', 1024, [], { columns: wanted });
    p.push({ text, bad: [] }, rows);
    p.finish(rows);
    return rows;
  };
  it('keeps wanted cells, leaves the others blank or OMITTED_CELL, and cuts ="…" lines like plain ones', () => {
    expect(parse(null).map((r) => r.cells)).toEqual([['a', 'b', 'c', 'd'], ['="1"', 'x', ' null ', 'q,1'], ['="2"', '', '=""', '']]);
    expect(parse(Uint8Array.of(1, 0, 0, 0)).map((r) => r.cells)).toEqual([
      ['a', OMITTED_CELL, OMITTED_CELL, OMITTED_CELL],
      ['="1"', OMITTED_CELL, '', OMITTED_CELL],
      ['="2"', '', '', ''],
    ]);
  });
});

interface Mapped {
  orders: CanonicalOrder[];
  lines: CanonicalLine[];
  issues: ImportIssue[];
}

async function mapFile(path: string, project: boolean): Promise<Mapped> {
  const source = csvSource({ path, file: 'f.csv', encoding: 'gb18030', bomLength: 0, limits: resolveLimits(), chunkBytes: 4096 });
  const table = await recogniseTable(source, null);
  if (table === null) throw new Error('empty');
  const { result: mapper, uses } = collectColumnUse(() => table.variant.createMapper(table.header, { file: 'f.csv', timeZone: 'Asia/Shanghai', columnMap: null }));
  if ('missing' in mapper) throw new Error('missing');
  const out: Mapped = { orders: [], lines: [], issues: table.readerIssues };
  const sink = { order: (o: CanonicalOrder) => out.orders.push(o), line: (l: CanonicalLine) => out.lines.push(l), customer: () => {}, contact: () => {}, issue: (i: ImportIssue) => out.issues.push(i) };
  let n = 0;
  for await (const row of table.rows) {
    mapper.map(row, sink);
    if (++n === 1 && project) {
      table.projection.columns = projectionFor(uses, table.header.length);
      expect(table.projection.columns).not.toBeNull();
    }
  }
  mapper.finish(sink);
  return out;
}

describe('column projection on a Taobao export pair', () => {
  it('maps exactly the same records as whole rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'huitou-proj-'));
    try {
      const pair = await writeTaobaoExportPair(dir, { orders: 400, seed: 3, endDate: '2026-06-30' });
      for (const file of [pair.orderFile, pair.detailFile]) {
        const whole = await mapFile(file, false);
        const projected = await mapFile(file, true);
        expect(whole.orders.length + whole.lines.length).toBeGreaterThan(300);
        expect(projected).toEqual(whole);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
