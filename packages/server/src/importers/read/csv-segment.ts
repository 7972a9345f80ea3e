/**
 * Segments of a delimited text file: the whole file (csv-source.ts), or parts of one big file read in parallel
 * (pipeline/fill-unit.ts gives each part its own map worker). A part is a byte range that starts just after a newline; it is a true record start only if the
 * part before it ended exactly at a record boundary. Each part checks that at its end: a part that ends
 * inside a record (a quoted field holding newlines across the cut) reads on to the end of the file instead
 * and says so, and the caller discards the parts after it. So the records, line numbers and issues are
 * those of one reader over the whole file, whatever the cuts.
 *
 * Only for UTF-8 and GB18030 (0x0A is never part of another character there) with '\n' line ends.
 */
import { open } from 'node:fs/promises';
import type { ImportIssue } from '../import-issue.ts';
import { CsvParser, detectLayout } from './csv-parser.ts';
import type { CsvLayout, CsvResume } from './csv-parser.ts';
import { DEFAULT_CHUNK_BYTES, decodeFile } from './decode-stream.ts';
import { rowsFromBatches } from './row-batches.ts';
import type { RowProjection, SheetRow, TableSource, TextTableLocation } from './table-source.ts';

const NEWLINE = 0x0a;
/** How far past a planned cut the next newline is looked for before the cut is given up. */
const CUT_WINDOW = 1024 * 1024;

/** A segment of a file: bytes [start, end) (end null: to the end of the file). */
export interface CsvSegment {
  readonly start: number;
  readonly end: number | null;
  /** Null for the first part, which starts at the file's start (after a BOM) and detects the layout. */
  readonly resume: CsvResume | null;
}

/** What reading a part found out at its end. */
export interface SegmentOutcome {
  /** The part did not end at a record boundary and was read to the end of the file. */
  overran: boolean;
}

/** True for encodings in which a file may be cut at any 0x0A byte. */
export function splittableEncoding(encoding: TextTableLocation['encoding']): boolean {
  return encoding === 'utf-8' || encoding === 'utf-8-bom' || encoding === 'gb18030';
}

/**
 * Byte offsets where parts 2…n of the file start (each just after a newline, ascending, distinct), for about
 * `parts` equal parts. Fewer when a cut finds no newline nearby; none when the file does not use '\n' line
 * ends (its first chunk, as the reader sees it, has no '\n') or is not splittable.
 */
export async function planCuts(location: TextTableLocation, size: number, parts: number): Promise<number[]> {
  if (parts < 2 || !splittableEncoding(location.encoding)) return [];
  const fh = await open(location.path, 'r');
  try {
    const buf = Buffer.allocUnsafe(Math.max(CUT_WINDOW, DEFAULT_CHUNK_BYTES));
    const head = await fh.read(buf, 0, DEFAULT_CHUNK_BYTES, location.bomLength);
    if (buf.subarray(0, head.bytesRead).indexOf(NEWLINE) < 0) return [];
    const cuts: number[] = [];
    for (let i = 1; i < parts; i++) {
      const target = Math.floor((size * i) / parts);
      const { bytesRead } = await fh.read(buf, 0, CUT_WINDOW, target);
      const nl = buf.subarray(0, bytesRead).indexOf(NEWLINE);
      if (nl < 0) continue;
      const cut = target + nl + 1;
      if (cut >= size || cut <= (cuts.at(-1) ?? location.bomLength)) continue;
      cuts.push(cut);
    }
    return cuts;
  } finally {
    await fh.close();
  }
}

/** The physical line number at byte `offset` (a line start): one more than the newlines before it. */
export async function lineAt(path: string, offset: number): Promise<number> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
    let lines = 1;
    for (let position = 0; position < offset;) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, offset - position), position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const b = buf.subarray(0, bytesRead);
      for (let i = b.indexOf(NEWLINE); i >= 0; i = b.indexOf(NEWLINE, i + 1)) lines++;
    }
    return lines;
  } finally {
    await fh.close();
  }
}

/** The layout the whole-file reader uses: detected on the file's first decoded chunk. */
export async function readLayout(location: TextTableLocation): Promise<CsvLayout> {
  for await (const chunk of decodeFile(location.path, location.encoding, location.bomLength, location.chunkBytes)) {
    return detectLayout(chunk.text);
  }
  return detectLayout('');
}

/** Rows of one segment, in batches; sets `outcome.overran` when a part had to read past its end. */
export async function* csvSegmentBatches(
  location: TextTableLocation,
  segment: CsvSegment,
  outcome: SegmentOutcome,
  issues: ImportIssue[],
  projection?: RowProjection,
): AsyncGenerator<SheetRow[]> {
  const parser = new CsvParser(location.file, location.limits.maxRecordChars, issues, projection, segment.resume ?? undefined);
  const start = segment.resume === null ? location.bomLength : segment.start;
  const read = async function* (from: number, to: number): AsyncGenerator<SheetRow[]> {
    for await (const chunk of decodeFile(location.path, location.encoding, from, location.chunkBytes, to)) {
      const out: SheetRow[] = [];
      parser.push(chunk, out);
      if (out.length > 0) yield out;
    }
  };
  if (segment.end === null) {
    yield* read(start, Number.POSITIVE_INFINITY);
  } else {
    yield* read(start, segment.end);
    if (parser.atRecordBoundary()) return;
    outcome.overran = true;
    yield* read(segment.end, Number.POSITIVE_INFINITY);
  }
  const tail: SheetRow[] = [];
  parser.finish(tail);
  if (tail.length > 0) yield tail;
}

/** One segment of a CSV file as a TableSource. */
export function csvSegmentSource(location: TextTableLocation, segment: CsvSegment, outcome: SegmentOutcome): TableSource {
  return {
    file: location.file,
    sheet: null,
    encoding: location.encoding,
    text: location,
    rows(issues: ImportIssue[], projection?: RowProjection): AsyncIterable<SheetRow> {
      return rowsFromBatches(() => csvSegmentBatches(location, segment, outcome, issues, projection));
    },
  };
}
