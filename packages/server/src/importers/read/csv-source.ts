/**
 * A CSV (or TSV) text file as a TableSource: decode stream → CSV parser → rows, lazily. The whole file is read as
 * its one segment (csv-segment.ts, which also reads a file in parts).
 */
import type { ImportIssue } from '../import-issue.ts';
import { csvSegmentBatches, csvSegmentSource } from './csv-segment.ts';
import type { CsvSegment } from './csv-segment.ts';
import type { RowProjection, SheetRow, TableSource, TextTableLocation } from './table-source.ts';

/** Where the CSV file is and how to read it. */
export type CsvSourceOptions = TextTableLocation;

/** The whole file: from its start (after a BOM) to its end, detecting the layout. */
const WHOLE_FILE: CsvSegment = { start: 0, end: null, resume: null };

/** Rows of a CSV file, in batches (faster to iterate than one row per await). */
export function csvRowBatches(opts: CsvSourceOptions, issues: ImportIssue[], projection?: RowProjection): AsyncGenerator<SheetRow[]> {
  return csvSegmentBatches(opts, WHOLE_FILE, { overran: false }, issues, projection);
}

/** Makes the TableSource of a CSV file whose encoding is known. */
export function csvSource(opts: CsvSourceOptions): TableSource {
  return csvSegmentSource(opts, WHOLE_FILE, { overran: false });
}
