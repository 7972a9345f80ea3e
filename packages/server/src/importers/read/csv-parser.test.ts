import { describe, it, expect } from 'vitest';
import type { ImportIssue } from '../import-issue.ts';
import { CsvParser, detectDelimiter } from './csv-parser.ts';
import type { SheetRow } from './table-source.ts';

function parse(pieces: string[], maxRecordChars = 1024, bad: number[][] = []): { rows: SheetRow[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const rows: SheetRow[] = [];
  const p = new CsvParser('t.csv', maxRecordChars, issues);
  pieces.forEach((text, i) => p.push({ text, bad: bad[i] ?? [] }, rows));
  p.finish(rows);
  return { rows, issues };
}

const SAMPLE = 'id,name,note\r\n1,"Wang, Li","said ""hi"""\r\n2,"multi\r\nline\r\nnote",x\r\n\r\n3,plain,="5118"\r\n\r\n\r\n';

describe('CsvParser', () => {
  it('parses quotes, doubled quotes and quoted newlines with physical line numbers', () => {
    const { rows, issues } = parse([SAMPLE]);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { line: 1, cells: ['id', 'name', 'note'] },
      { line: 2, cells: ['1', 'Wang, Li', 'said "hi"'] },
      { line: 3, cells: ['2', 'multi\r\nline\r\nnote', 'x'] },
      { line: 7, cells: ['3', 'plain', '="5118"'] },
    ]);
  });

  it('gives the same rows however the text is cut into chunks', () => {
    const whole = parse([SAMPLE]).rows;
    for (const size of [1, 2, 3, 5, 7]) {
      const pieces: string[] = [];
      for (let i = 0; i < SAMPLE.length; i += size) pieces.push(SAMPLE.slice(i, i + size));
      expect(parse(pieces).rows).toEqual(whole);
    }
  });

  it('reads LF and CR-only line ends and keeps cells uncleaned', () => {
    expect(parse(['a,b\n x ,"y"\n']).rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: [' x ', 'y'] },
    ]);
    expect(parse(['a,b\r1,2\r']).rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it('detects tab and semicolon delimiters from the first record', () => {
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a;b;"c,d"')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
    expect(parse(['a;b\n1;"2;3"\n']).rows[1]!.cells).toEqual(['1', '2;3']);
  });

  it('reports an unterminated quote and resynchronises on the next line', () => {
    const { rows, issues } = parse(['h1,h2\n1,ok\n2,"broken\n']);
    expect(rows.map((r) => r.line)).toEqual([1, 2]);
    expect(issues.map((i) => [i.code, i.line])).toEqual([['unterminated_quote', 3]]);
  });

  it('skips an over-long record, in one chunk or across many, and keeps going', () => {
    const long = 'x'.repeat(5000);
    const text = `h\n${long}\nafter\n"${long}\n${long}"\nend\n`;
    for (const pieces of [[text], text.match(/[\s\S]{1,700}/g)!]) {
      const { rows, issues } = parse(pieces, 1000);
      expect(rows).toEqual([
        { line: 1, cells: ['h'] },
        { line: 3, cells: ['after'] },
        { line: 6, cells: ['end'] },
      ]);
      // Cut into chunks, the quoted record is abandoned at the cap and the parser resumes at the next physical
      // line, which is itself too long: line 5 may be reported too. Whole, it is one record.
      expect(issues.slice(0, 2).map((i) => [i.code, i.line])).toEqual([
        ['line_too_long', 2],
        ['line_too_long', 4],
      ]);
    }
  });

  it('drops the record holding a bad-bytes mark and reports its start line', () => {
    const text = 'h\n1\n"a\nb"\n4\n';
    const { rows, issues } = parse([text], 1024, [[text.indexOf('b"')]]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
    expect(issues.map((i) => [i.code, i.line])).toEqual([['undecodable_bytes', 3]]);
  });
});
