/**
 * Reading a file in parts gives exactly what one reader over the whole file gives (rows, physical lines,
 * issues), wherever the cuts fall: between records, inside quoted fields that hold newlines (the part reads on
 * and the later parts are void), next to undecodable bytes, over-long and unterminated records.
 */
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../import-issue.ts';
import { csvRowBatches } from './csv-source.ts';
import { csvSegmentBatches, lineAt, planCuts, readLayout } from './csv-segment.ts';
import type { SegmentOutcome } from './csv-segment.ts';
import { resolveLimits } from './limits.ts';
import type { SheetRow, TextTableLocation } from './table-source.ts';
import { tempDir } from './test-files.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

interface Read {
  readonly rows: SheetRow[];
  readonly issues: ImportIssue[];
}

async function readWhole(location: TextTableLocation): Promise<Read> {
  const issues: ImportIssue[] = [];
  const rows: SheetRow[] = [];
  for await (const batch of csvRowBatches(location, issues)) rows.push(...batch);
  return { rows, issues };
}

/** What fill-unit does with parts: read each, keep parts up to the first that overran. */
async function readInParts(location: TextTableLocation, cuts: readonly number[]): Promise<Read & { overran: number }> {
  const layout = await readLayout(location);
  const rows: SheetRow[] = [];
  const issues: ImportIssue[] = [];
  const starts = [0, ...cuts];
  for (const [index, start] of starts.entries()) {
    const outcome: SegmentOutcome = { overran: false };
    const resume = index === 0 ? null : { layout, line: await lineAt(location.path, start) };
    for await (const batch of csvSegmentBatches(location, { start, end: cuts[index] ?? null, resume }, outcome, issues)) rows.push(...batch);
    if (outcome.overran) return { rows, issues, overran: index };
  }
  return { rows, issues, overran: -1 };
}

/** Offsets just after every newline of the file (every place a cut may fall). */
function newlineCuts(bytes: Buffer): number[] {
  const cuts: number[] = [];
  for (let i = bytes.indexOf(0x0a); i >= 0 && i + 1 < bytes.length; i = bytes.indexOf(0x0a, i + 1)) cuts.push(i + 1);
  return cuts;
}

function location(name: string, bytes: Buffer, encoding: TextTableLocation['encoding'], extra: Partial<TextTableLocation> = {}): TextTableLocation {
  return { path: tmp.write(name, bytes), file: name, encoding, bomLength: 0, limits: resolveLimits(), chunkBytes: 64, ...extra };
}

// Synthetic records: a header, plain rows, `="…"` ids, quoted fields with commas, quotes and newlines.
const RECORDS = [
  '订单编号,买家会员名,备注,金额',
  '="5118000000000000001",小王,普通,1.00',
  '="5118000000000000002",小李,"含逗号,和""引号""",2.00',
  '="5118000000000000003",小张,"第一行\n第二行\n第三行",3.00',
  '',
  '="5118000000000000004",小赵,5"寸,4.00',
  '="5118000000000000005",小钱,"跨\r\n行",5.00',
  '="5118000000000000006",小孙,末行,6.00',
];

describe('reading a CSV file in parts', () => {
  it('gives the whole-file rows, lines and issues for every single cut and for all cuts at once (GB18030)', async () => {
    const bytes = iconv.encode(`${RECORDS.join('\n')}\n`, 'gb18030');
    const loc = location('parts.csv', bytes, 'gb18030');
    const whole = await readWhole(loc);
    expect(whole.rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 8, 9, 11]);
    const cuts = newlineCuts(bytes);
    let overruns = 0;
    for (const cut of cuts) {
      const parts = await readInParts(loc, [cut]);
      if (parts.overran >= 0) overruns++;
      expect({ rows: parts.rows, issues: parts.issues }, `cut at ${cut}`).toEqual(whole);
    }
    // Cuts inside the quoted multi-line fields make the part before them read on.
    expect(overruns).toBe(3);
    const all = await readInParts(loc, cuts);
    expect({ rows: all.rows, issues: all.issues }).toEqual(whole);
  });

  it('keeps reader issues in place: undecodable bytes, an over-long record, an unterminated quote', async () => {
    const text = [
      'a,b,c',
      '1,@@BAD@@,x',
      '2,ok,y',
      `3,${'长'.repeat(300)},z`,
      '4,ok,w',
      '5,"never closed,v',
      '6,ok,u',
    ].join('\n');
    const bytes = iconv.encode(`${text}\n`, 'gb18030');
    const bad = bytes.indexOf(Buffer.from('@@BAD@@'));
    bytes.fill(0xff, bad, bad + 2);
    const loc = location('issues.csv', bytes, 'gb18030', { limits: resolveLimits({ maxRecordChars: 200 }) });
    const whole = await readWhole(loc);
    expect(whole.issues.map((i) => i.code)).toEqual(['undecodable_bytes', 'line_too_long', 'unterminated_quote']);
    for (const cut of newlineCuts(bytes)) {
      const parts = await readInParts(loc, [cut]);
      expect({ rows: parts.rows, issues: parts.issues }, `cut at ${cut}`).toEqual(whole);
    }
    const all = await readInParts(loc, newlineCuts(bytes));
    expect({ rows: all.rows, issues: all.issues }).toEqual(whole);
  });

  it('works on UTF-8 with a BOM and tab-separated files', async () => {
    const text = RECORDS.map((r) => r.replaceAll(',', '\t')).join('\n');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\n`, 'utf8')]);
    const loc = location('bom.tsv', bytes, 'utf-8-bom', { bomLength: 3 });
    const whole = await readWhole(loc);
    expect(whole.rows[0]!.cells).toEqual(['订单编号', '买家会员名', '备注', '金额']);
    const all = await readInParts(loc, newlineCuts(bytes).filter((c) => c > 3));
    expect({ rows: all.rows, issues: all.issues }).toEqual(whole);
  });

  it('plans cuts after newlines, near equal sizes, and none for files without \\n line ends or in UTF-16', async () => {
    const body = `${Array.from({ length: 2000 }, (_, i) => `${i},row ${i}`).join('\n')}\n`;
    const bytes = Buffer.from(body, 'utf8');
    const loc = location('plan.csv', bytes, 'utf-8');
    const cuts = await planCuts(loc, bytes.length, 4);
    expect(cuts).toHaveLength(3);
    for (const [i, cut] of cuts.entries()) {
      expect(bytes[cut - 1]).toBe(0x0a);
      expect(Math.abs(cut - (bytes.length * (i + 1)) / 4)).toBeLessThan(20);
    }
    expect(await lineAt(loc.path, cuts[0]!)).toBe(bytes.subarray(0, cuts[0]).toString('utf8').split('\n').length);
    const cr = location('cr.csv', Buffer.from(body.replaceAll('\n', '\r'), 'utf8'), 'utf-8');
    expect(await planCuts(cr, bytes.length, 4)).toEqual([]);
    const utf16 = location('u16.csv', Buffer.from(body, 'utf16le'), 'utf-16le');
    expect(await planCuts(utf16, bytes.length * 2, 4)).toEqual([]);
    expect(await planCuts(loc, bytes.length, 1)).toEqual([]);
  });
});
