/** A CSV (or TSV) text file as a TableSource: decode stream → CSV parser → rows, lazily. */
import { CsvParser } from './csv-parser.ts';
import { decodeFile } from './decode-stream.ts';
import { rowsFromBatches } from './row-batches.ts';
import type { ImportIssue } from '../import-issue.ts';
import type { RowProjection, SheetRow, TableSource, TextTableLocation } from './table-source.ts';

/** Where the CSV file is and how to read it. */
export type CsvSourceOptions = TextTableLocation;

/** Rows of a CSV file, in batches (faster to iterate than one row per await). */
export async function* csvRowBatches(opts: CsvSourceOptions, issues: ImportIssue[], projection?: RowProjection): AsyncGenerator<SheetRow[]> {
  const parser = new CsvParser(opts.file, opts.limits.maxRecordChars, issues, projection);
  for await (const chunk of decodeFile(opts.path, opts.encoding, opts.bomLength, opts.chunkBytes)) {
    const out: SheetRow[] = [];
    parser.push(chunk, out);
    if (out.length > 0) yield out;
  }
  const tail: SheetRow[] = [];
  parser.finish(tail);
  if (tail.length > 0) yield tail;
}

/** Makes the TableSource of a CSV file whose encoding is known. */
export function csvSource(opts: CsvSourceOptions): TableSource {
  return {
    file: opts.file,
    sheet: null,
    encoding: opts.encoding,
    text: opts,
    rows(issues: ImportIssue[], projection?: RowProjection): AsyncIterable<SheetRow> {
      return rowsFromBatches(() => csvRowBatches(opts, issues, projection));
    },
  };
}
