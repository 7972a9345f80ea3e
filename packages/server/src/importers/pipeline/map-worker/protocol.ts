/**
 * Messages between the import's main thread and a map worker (one worker reads, decodes, parses and maps one
 * delimited text table). Records travel as packed batches (store/packed-rows.ts), issues as plain objects.
 */
import type { PackedRows } from '../../../store/packed-rows.ts';
import type { FormatName } from '../../formats/format-definition.ts';
import type { ImportIssue, ImportIssueCode } from '../../import-issue.ts';
import type { TextTableLocation } from '../../read/table-source.ts';
import type { StagingWriters } from '../staging.ts';

/** What a worker maps (its workerData). */
export interface MapWorkerSpec {
  readonly table: TextTableLocation;
  /** Format and variant the main thread recognised; the worker reads the header again and maps with these. */
  readonly format: FormatName;
  readonly variantId: string;
  /** Index of the file in the unit (the staged file_idx). */
  readonly fileIdx: number;
  readonly timeZone: string;
  readonly columnMap: Readonly<Record<string, string>> | null;
  /** Rows per posted batch. */
  readonly batchRows: number;
  /** Batches posted and not yet acknowledged before the worker waits. */
  readonly maxInFlight: number;
  /**
   * Where staged rows go: bulk files in this directory (store/bulk-file.ts; the main thread loads them with
   * Db.bulkLoad once the table is done), or null to post them as packed batches for the main thread to append.
   */
  readonly bulkDir: string | null;
  /**
   * A part of the table (read/csv-segment.ts): bytes [start, end) of the file, the first part (index 0)
   * holding the header; null for the whole table. Parts need bulk files (their rows are discarded when an
   * earlier part reads past its end).
   */
  readonly part: MapWorkerPart | null;
}

/** Which part of a table a worker maps. */
export interface MapWorkerPart {
  readonly index: number;
  readonly start: number;
  /** Null for the last part. */
  readonly end: number | null;
}

/** A bulk file the worker wrote for one staged table. */
export interface BulkFileInfo {
  readonly path: string;
  readonly rows: number;
}

/** A batch of mapped rows (packed per staged table, or none with bulkDir) and the issues that came with them, in order. */
export interface BatchMessage {
  readonly type: 'batch';
  /** Data rows mapped since the previous batch. */
  readonly rows: number;
  readonly staged: Partial<StagingWriters<PackedRows>>;
  readonly issues: readonly ImportIssue[];
}

/** The table is done; every batch was posted before it. With bulkDir, the files holding its staged rows. */
export interface DoneMessage {
  readonly type: 'done';
  readonly files: Partial<StagingWriters<BulkFileInfo>>;
  /** A part that did not end at a record boundary read on to the end of the file (later parts are void). */
  readonly overran: boolean;
}

/** The table failed; `fileError` keeps an ImportFileError's code and line. */
export interface ErrorMessage {
  readonly type: 'error';
  readonly message: string;
  readonly fileError: { readonly code: ImportIssueCode; readonly line: number } | null;
}

export type WorkerMessage = BatchMessage | DoneMessage | ErrorMessage;

/** Main thread → worker: one batch was appended. */
export interface AckMessage {
  readonly type: 'ack';
}
