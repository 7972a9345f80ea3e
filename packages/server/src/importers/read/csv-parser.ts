/**
 * An incremental RFC 4180 parser over decoded text chunks. Speed comes from indexOf scanning: a line without a
 * quote is cut with one `split`; only records holding quotes take the field-by-field path. Line numbers are
 * physical (a record's line is the one it starts on). Empty lines are skipped. Cells are not cleaned.
 *
 * Leniency: a quote only opens a quoted field at the field's first character (`="123"` stays literal text), and
 * text after a closing quote is kept (`"ab"c` reads `abc`). In a file with '\n' line ends a lone '\r' is data;
 * a file whose first chunk has '\r' and no '\n' is read with '\r' line ends.
 */
import type { ImportIssue, ImportIssueCode } from '../import-issue.ts';
import type { TextChunk } from './decode-stream.ts';
import { cleansToEmpty } from '../cells/clean-cell.ts';
import { OMITTED_CELL } from './table-source.ts';
import type { RowProjection, SheetRow } from './table-source.ts';

const QUOTE = 34;
const CR = 13;

interface Parsed {
  readonly cells: string[];
  /** Index just past the record's line end. */
  readonly end: number;
  /** Physical lines the record spans. */
  readonly lines: number;
}

type QuotedResult = Parsed | 'more' | 'unterminated';

/**
 * Remembers where the next delimiter is in the current chunk, so that lines without a delimiter (CDNOW's
 * whitespace columns) do not each rescan the rest of the chunk: without it, that search is quadratic.
 */
class DelimiterIndex {
  #s = '';
  #from = 0;
  #at = -1;

  /** First index of `delim` at or after `from` in `s`, or -1. */
  next(s: string, delim: string, from: number): number {
    if (s === this.#s && from >= this.#from && (this.#at < 0 || from <= this.#at)) return this.#at;
    this.#s = s;
    this.#from = from;
    this.#at = s.indexOf(delim, from);
    return this.#at;
  }
}

/** A left-out cell: '' when it cleans to nothing, else OMITTED_CELL (no substring is made). */
function omitted(s: string, start: number, end: number): string {
  return start === end || cleansToEmpty(s, start, end) ? '' : OMITTED_CELL;
}

/**
 * Cuts a line without quoted fields into cells (indexOf scanning: faster in V8 than String#split here). With a
 * projection, cells left out are not sliced: fewer strings, less garbage.
 */
function splitPlain(s: string, start: number, end: number, delim: string, index: DelimiterIndex, wanted: Uint8Array | null): string[] {
  const cells: string[] = [];
  let i = start;
  for (let col = 0; ; col++) {
    let k = index.next(s, delim, i);
    const last = k < 0 || k >= end;
    if (last) k = end;
    cells.push(wanted === null || wanted[col] === 1 ? s.slice(i, k) : omitted(s, i, k));
    if (last) return cells;
    i = k + 1;
  }
}

/**
 * True when some quote in [from, end) opens a quoted field (is a field's first character); quotes inside a
 * field (`="5118…"`, `5"`) are literal text, so such a line is cut like a line without quotes.
 */
function opensQuotedField(s: string, from: number, end: number, lineStart: number, delimCode: number): boolean {
  for (let q = from; q >= 0 && q < end; q = s.indexOf('"', q + 1)) {
    if (q === lineStart || s.charCodeAt(q - 1) === delimCode) return true;
  }
  return false;
}

/** Picks the delimiter of the first record among ',', '\t' and ';' (comma on a tie or when none occurs). */
export function detectDelimiter(firstLine: string): string {
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    const count = unquoted.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** How a file's records are cut: its delimiter and line end, fixed by its first chunk. */
export interface CsvLayout {
  readonly delimiter: string;
  readonly newline: '\n' | '\r';
}

/** The layout the parser picks from a file's first decoded chunk. */
export function detectLayout(firstChunk: string): CsvLayout {
  const newline = firstChunk.indexOf('\n') < 0 && firstChunk.indexOf('\r') >= 0 ? '\r' : '\n';
  const firstEnd = firstChunk.indexOf(newline);
  return { newline, delimiter: detectDelimiter(firstEnd < 0 ? firstChunk : firstChunk.slice(0, firstEnd)) };
}

/** Where a parser starts when it reads a part of a file (csv-segment.ts): a record start at a known line. */
export interface CsvResume {
  readonly layout: CsvLayout;
  /** Physical line number of the first line of the part. */
  readonly line: number;
}

export class CsvParser {
  readonly #file: string;
  readonly #maxRecord: number;
  readonly #issues: ImportIssue[];
  #delim = ',';
  readonly #delimiters = new DelimiterIndex();
  #nl = '\n';
  #started = false;
  #buf = '';
  /** Absolute char offset of #buf[0] in the decoded stream, and total chars pushed. */
  #bufAbs = 0;
  #pushed = 0;
  /** Physical line number of #buf[0]. */
  #line = 1;
  #bad: number[] = [];
  #badHead = 0;
  /** Discarding the rest of an over-long record up to the next line end. */
  #skipping = false;
  readonly #projection: RowProjection | null;

  constructor(file: string, maxRecordChars: number, issues: ImportIssue[], projection?: RowProjection, resume?: CsvResume) {
    this.#file = file;
    this.#maxRecord = maxRecordChars;
    this.#issues = issues;
    this.#projection = projection ?? null;
    if (resume !== undefined) {
      this.#started = true;
      this.#delim = resume.layout.delimiter;
      this.#nl = resume.layout.newline;
      this.#line = resume.line;
    }
  }

  /**
   * True when everything pushed so far ended exactly at a record boundary: no partial record is buffered and
   * no over-long record is being skipped. (A part of a file may only end where this holds.)
   */
  atRecordBoundary(): boolean {
    return this.#buf.length === 0 && !this.#skipping;
  }

  /** Parses a chunk, appending complete records to `out`. */
  push(chunk: TextChunk, out: SheetRow[]): void {
    let text = chunk.text;
    for (const b of chunk.bad) this.#bad.push(this.#pushed + b);
    this.#pushed += text.length;
    if (!this.#started) {
      this.#started = true;
      const layout = detectLayout(text);
      this.#nl = layout.newline;
      this.#delim = layout.delimiter;
    }
    if (this.#skipping) {
      const nl = text.indexOf(this.#nl);
      if (nl < 0) {
        this.#bufAbs += text.length;
        return;
      }
      this.#skipping = false;
      this.#line++;
      this.#bufAbs += nl + 1;
      text = text.slice(nl + 1);
    }
    this.#buf = this.#buf.length === 0 ? text : this.#buf + text;
    this.#run(false, out);
  }

  /** Parses whatever is left at end of input. */
  finish(out: SheetRow[]): void {
    if (!this.#skipping) this.#run(true, out);
    this.#buf = '';
  }

  #issue(code: ImportIssueCode, line: number, message: string): void {
    this.#issues.push({ file: this.#file, line, code, severity: 'error', message });
  }

  #countLines(s: string, from: number, to: number): number {
    let count = 0;
    for (let i = s.indexOf(this.#nl, from); i >= 0 && i < to; i = s.indexOf(this.#nl, i + 1)) count++;
    return count;
  }

  /** True when a bad-bytes mark falls in [start, end) of the stream; consumes marks before `end`. */
  #hitsBad(start: number, end: number): boolean {
    let hit = false;
    while (this.#badHead < this.#bad.length && this.#bad[this.#badHead]! < end) {
      if (this.#bad[this.#badHead]! >= start) hit = true;
      this.#badHead++;
    }
    return hit;
  }

  #emit(out: SheetRow[], line: number, cells: string[], start: number, end: number): void {
    if (this.#badHead < this.#bad.length && this.#hitsBad(this.#bufAbs + start, this.#bufAbs + end)) {
      this.#issue('undecodable_bytes', line, `line ${line} has bytes that are not valid text in this file's encoding; the record was skipped`);
      return;
    }
    out.push({ line, cells });
  }

  #tooLong(line: number): void {
    this.#issue('line_too_long', line, `the record at line ${line} is longer than ${this.#maxRecord} characters (an unbalanced quote?); it was skipped`);
  }

  #run(final: boolean, out: SheetRow[]): void {
    const s = this.#buf;
    const n = s.length;
    const nl = this.#nl;
    const delim = this.#delim;
    const max = this.#maxRecord;
    const wanted = this.#projection?.columns ?? null;
    const delimCode = delim.charCodeAt(0);
    let p = 0;
    let nextQuote = s.indexOf('"');
    if (nextQuote < 0) nextQuote = n;
    while (p < n) {
      let eol = s.indexOf(nl, p);
      if (eol < 0) {
        if (!final) break;
        eol = n;
      }
      if (nextQuote < p) {
        nextQuote = s.indexOf('"', p);
        if (nextQuote < 0) nextQuote = n;
      }
      if (nextQuote >= eol || !opensQuotedField(s, nextQuote, eol, p, delimCode)) {
        let lineEnd = eol;
        if (lineEnd > p && nl === '\n' && s.charCodeAt(lineEnd - 1) === CR) lineEnd--;
        if (lineEnd - p > max) this.#tooLong(this.#line);
        else if (lineEnd > p) this.#emit(out, this.#line, splitPlain(s, p, lineEnd, delim, this.#delimiters, wanted), p, eol + 1);
        p = eol + 1;
        this.#line++;
        continue;
      }
      const r = this.#quoted(s, p, final, wanted);
      if (r === 'more') break;
      if (r === 'unterminated') {
        this.#issue('unterminated_quote', this.#line, `the record at line ${this.#line} opens a quote that is never closed; it was skipped`);
        p = eol + 1;
        this.#line++;
        continue;
      }
      if (r.end - p > max) this.#tooLong(this.#line);
      else this.#emit(out, this.#line, r.cells, p, r.end);
      this.#line += r.lines;
      p = r.end;
    }
    if (p >= n) {
      this.#buf = '';
      this.#bufAbs += n;
      return;
    }
    if (n - p > max) {
      // Over-long incomplete record: drop it, count the lines dropped, skip to the next line end.
      this.#tooLong(this.#line);
      this.#line += this.#countLines(s, p, n);
      this.#bufAbs += n;
      this.#buf = '';
      this.#skipping = true;
      return;
    }
    this.#bufAbs += p;
    this.#buf = p === 0 ? s : s.slice(p);
  }

  /** Parses one record holding quotes, starting at `p`. */
  #quoted(s: string, p: number, final: boolean, wanted: Uint8Array | null): QuotedResult {
    const n = s.length;
    const nl = this.#nl;
    const delim = this.#delim;
    const cells: string[] = [];
    let i = p;
    let eol = s.indexOf(nl, i);
    let lines = 1;
    for (;;) {
      let value = '';
      if (s.charCodeAt(i) === QUOTE) {
        let from = i + 1;
        for (;;) {
          const j = s.indexOf('"', from);
          if (j < 0) return final ? 'unterminated' : 'more';
          if (j + 1 === n && !final) return 'more';
          if (s.charCodeAt(j + 1) === QUOTE) {
            value += s.slice(from, j + 1);
            from = j + 2;
            continue;
          }
          value += s.slice(from, j);
          i = j + 1;
          break;
        }
        if (eol >= 0 && eol < i) {
          lines += this.#countLines(s, eol, i);
          eol = s.indexOf(nl, i);
        }
      }
      if (eol < 0 && !final) return 'more';
      const lineEnd = eol < 0 ? n : eol;
      let k = s.indexOf(delim, i);
      if (k < 0 || k > lineEnd) k = lineEnd;
      let fieldEnd = k;
      if (k === lineEnd && nl === '\n' && k > i && s.charCodeAt(k - 1) === CR) fieldEnd--;
      const cell = i === fieldEnd ? value : value + s.slice(i, fieldEnd);
      cells.push(wanted === null || wanted[cells.length] === 1 ? cell : omitted(cell, 0, cell.length));
      if (k === lineEnd) return { cells, end: Math.min(n, lineEnd + 1), lines };
      i = k + 1;
    }
  }
}
