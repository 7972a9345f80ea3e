/**
 * What readers produce: tables of string cells with physical line numbers, read lazily so that huge files
 * stream. CSV files give one table; XLSX workbooks one per sheet.
 */
import type { ImportIssue } from '../import-issue.ts';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface SheetRow {
  /** Physical line (CSV, 1-based, of the record's first line) or sheet row number (XLSX, 1-based). */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface TableSource {
  /** File name for messages. */
  readonly file: string;
  /** Sheet name for XLSX, null for CSV. */
  readonly sheet: string | null;
  /** Encoding detected ('xlsx' for workbooks). */
  readonly encoding: TextEncodingName | 'xlsx';
  /**
   * Rows including the header row, in order. Problems in individual records (undecodable bytes, a line over
   * the length cap, a bad quote) are pushed to `issues` and that record is skipped; whole-file problems
   * throw ImportFileError.
   */
  rows(issues: ImportIssue[], projection?: RowProjection): AsyncIterable<SheetRow>;
  /**
   * For delimited text: how to open the same table again elsewhere (a worker thread reads and maps big files
   * there). Absent for workbooks.
   */
  readonly text?: TextTableLocation;
}

/** Where and how a delimited text table is read (csv-source.ts makes the source again from it). */
export interface TextTableLocation {
  readonly path: string;
  /** Name used in messages. */
  readonly file: string;
  readonly encoding: TextEncodingName;
  readonly bomLength: number;
  readonly limits: ReadLimits;
  /** Bytes per read; for tests of chunk boundaries. */
  readonly chunkBytes?: number;
}

/**
 * Stands for a cell the reader did not materialise because the projection left it out and it is not blank
 * (after cleaning). Blank cells left out read as ''. Keeps "is this row blank?" exact without the strings.
 */
export const OMITTED_CELL = '\u{E000}';

/**
 * Column projection (optional, additive): which cells the consumer will read. The consumer may set `columns`
 * at any time, e.g. once it has seen the header; a reader applies it to the records it parses from then on
 * (rows already parsed stay whole). Left-out cells read as '' or OMITTED_CELL. Readers may ignore it.
 */
export interface RowProjection {
  /** columns[i] !== 0 when cell i is wanted; null means every cell. */
  columns: Uint8Array | null;
}

export interface ReadLimits {
  /** Largest input file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** Longest CSV record, in characters. */
  readonly maxRecordChars: number;
  /** XLSX: largest total inflated size and largest inflate ratio. */
  readonly maxInflatedBytes: number;
  readonly maxInflateRatio: number;
  /** XLSX: most rows per sheet. */
  readonly maxRows: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = Object.freeze({
  maxFileBytes: 4 * 1024 ** 3,
  maxRecordChars: 1024 * 1024,
  maxInflatedBytes: 200 * 1024 ** 2,
  maxInflateRatio: 100,
  maxRows: 5_000_000,
});
