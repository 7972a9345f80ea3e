/**
 * One import unit (a file, or files that belong together such as a Taobao order file and its detail file)
 * is one batch and one transaction: staged, merged and committed together, or not at all.
 */
import type { Db } from '../../store/database.ts';
import { getOneOrThrow } from '../../store/database.ts';
import type { ImportIssue } from '../import-issue.ts';
import { ImportFileError } from '../import-issue.ts';
import { ISSUE_COLUMNS, IssueSink } from './issue-sink.ts';
import { mergeStagedCustomers } from './merge-customers.ts';
import { mergeStagedOrders } from './merge-orders.ts';
import { createStagingTables, dropMergeTables, dropStagingTables, StagingWriter } from './staging.ts';

export type UnitStatus = 'committed' | 'rejected' | 'failed';

export interface UnitReport {
  readonly batchId: number;
  readonly files: readonly string[];
  readonly format: string | null;
  readonly variants: readonly string[];
  readonly encoding: string | null;
  readonly status: UnitStatus;
  readonly rowsRead: number;
  readonly ordersNew: number;
  readonly ordersUpdated: number;
  readonly ordersUnchanged: number;
  readonly lines: number;
  readonly customersNew: number;
  readonly customersUpdated: number;
  readonly errors: number;
  readonly warnings: number;
  /** The first issues (all are stored in import_issues). */
  readonly issues: readonly ImportIssue[];
  readonly message: string | null;
}

/** What a unit's reader does: stream rows through mappers into the staging writer and the issue sink. */
export interface UnitFill {
  (staging: StagingWriter, issues: IssueSink): Promise<UnitFillResult>;
}

export interface UnitFillResult {
  readonly rowsRead: number;
  readonly format: string;
  readonly variants: readonly string[];
  readonly encoding: string;
}

export interface UnitOptions {
  readonly shopId: number;
  readonly platform: string;
  readonly files: readonly string[];
  /** Land nothing when any row has an error. */
  readonly strict: boolean;
  /** Called when the unit's rows are read and its merge into the store begins (the longest silent step). */
  readonly onMerge?: () => void;
  readonly nowMs?: number;
  /**
   * Failures that are not recorded as a failed batch but thrown (after the rollback) as the error this returns;
   * null records the failure as usual.
   */
  readonly unrecorded?: (error: unknown) => Error | null;
}

class StrictRejection extends Error {}

/** Runs one unit in one transaction and records its batch, whatever the outcome. */
export async function runImportUnit(db: Db, options: UnitOptions, fill: UnitFill): Promise<UnitReport> {
  const { batchId } = await getOneOrThrow<{ batchId: number }>(db, `SELECT nextval('batch_id_seq') AS "batchId"`);
  const startedMs = options.nowMs ?? Date.now();
  // Written inside the transaction callback, read again if it fails.
  const state: { filled: UnitFillResult | null; sink: IssueSink | null; storedIssues: ImportIssue[] } = {
    filled: null,
    sink: null,
    storedIssues: [],
  };
  const base = { batchId, files: options.files };
  try {
    return await db.transaction(async () => {
      await createStagingTables(db);
      await db.run(`CREATE TEMP TABLE stg_files (file_idx INTEGER, file VARCHAR)`);
      for (const [i, file] of options.files.entries()) {
        await db.run(`INSERT INTO stg_files VALUES ($1, $2)`, [i, file]);
      }
      const staging = await StagingWriter.open(db);
      const sink = new IssueSink(await db.bulkWriter('import_issues', ISSUE_COLUMNS), batchId);
      state.sink = sink;
      let filled: UnitFillResult;
      try {
        filled = await fill(staging, sink);
        state.filled = filled;
      } finally {
        await staging.close();
        await sink.close();
      }
      options.onMerge?.();
      const orders = staging.counts.orders + staging.counts.lines > 0
        ? await mergeStagedOrders(db, { shopId: options.shopId, platform: options.platform, batchId, staged: staging.counts })
        : { ordersNew: 0, ordersUpdated: 0, ordersUnchanged: 0, linesWritten: 0, customersNew: 0 };
      await dropMergeTables(db);
      const customers = staging.counts.customers > 0
        ? await mergeStagedCustomers(db, options.shopId, batchId, startedMs)
        : { customersNew: 0, customersUpdated: 0 };
      const tally = await getOneOrThrow<{ errors: number; warnings: number }>(
        db,
        `SELECT count(*) FILTER (WHERE severity = 'error') AS errors, count(*) FILTER (WHERE severity = 'warning') AS warnings
         FROM import_issues WHERE batch_id = $1`,
        [batchId],
      );
      if (options.strict && tally.errors > 0) {
        state.storedIssues = await readIssues(db, batchId);
        throw new StrictRejection(`${tally.errors} rows have errors; --strict lands nothing`);
      }
      const report: UnitReport = {
        ...base,
        format: filled.format,
        variants: filled.variants,
        encoding: filled.encoding,
        status: 'committed',
        rowsRead: filled.rowsRead,
        ordersNew: orders.ordersNew,
        ordersUpdated: orders.ordersUpdated,
        ordersUnchanged: orders.ordersUnchanged,
        lines: orders.linesWritten,
        customersNew: orders.customersNew + customers.customersNew,
        customersUpdated: customers.customersUpdated,
        errors: tally.errors,
        warnings: tally.warnings,
        issues: sink.kept.length >= tally.errors + tally.warnings ? sink.kept : await readIssues(db, batchId, 200),
        message: null,
      };
      await insertBatch(db, options, report, startedMs);
      await dropStagingTables(db);
      return report;
    });
  } catch (error) {
    const unrecorded = options.unrecorded?.(error) ?? null;
    if (unrecorded !== null) {
      await dropStagingTables(db).catch(() => undefined);
      throw unrecorded;
    }
    const rejected = error instanceof StrictRejection;
    const fileError = error instanceof ImportFileError;
    const message = error instanceof Error ? error.message : String(error);
    const fillResult = state.filled;
    const issueSink = state.sink;
    const issues: ImportIssue[] = rejected
      ? state.storedIssues
      : [...(issueSink?.kept ?? []), ...(fileError ? [fileIssue(options.files, error)] : [])];
    const report: UnitReport = {
      ...base,
      format: fillResult?.format ?? null,
      variants: fillResult?.variants ?? [],
      encoding: fillResult?.encoding ?? null,
      status: rejected ? 'rejected' : 'failed',
      rowsRead: fillResult?.rowsRead ?? 0,
      ordersNew: 0,
      ordersUpdated: 0,
      ordersUnchanged: 0,
      lines: 0,
      customersNew: 0,
      customersUpdated: 0,
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
      issues: issues.slice(0, 200),
      message,
    };
    await db.transaction(async () => {
      await dropStagingTables(db);
      await insertBatch(db, options, report, startedMs);
      const writer = await db.bulkWriter('import_issues', ISSUE_COLUMNS);
      for (const i of issues) writer.appendRow([batchId, i.file, i.line, i.column ?? null, i.code, i.severity, i.message]);
      await writer.close();
    });
    return report;
  }
}

function fileIssue(files: readonly string[], error: ImportFileError): ImportIssue {
  return { file: files[0] ?? '', line: error.line, code: error.code, severity: 'error', message: error.message };
}

async function readIssues(db: Db, batchId: number, limit?: number): Promise<ImportIssue[]> {
  const rows = await db.all<{ file: string; line: number; column_name: string | null; code: ImportIssue['code']; severity: ImportIssue['severity']; message: string }>(
    `SELECT file, line, column_name, code, severity, message FROM import_issues WHERE batch_id = $1
     ORDER BY file, line${limit === undefined ? '' : ` LIMIT ${Math.floor(limit)}`}`,
    [batchId],
  );
  return rows.map((r) => ({
    file: r.file,
    line: r.line,
    code: r.code,
    severity: r.severity,
    message: r.message,
    ...(r.column_name === null ? {} : { column: r.column_name }),
  }));
}

async function insertBatch(db: Db, options: UnitOptions, r: UnitReport, startedMs: number): Promise<void> {
  await db.run(
    `INSERT INTO import_batches (batch_id, shop_id, files, format, variants, encoding, status, started_at, finished_at,
       rows_read, orders_new, orders_updated, orders_unchanged, lines_written, customers_new, errors, warnings, message)
     VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8 / 1000.0), current_timestamp, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      r.batchId, options.shopId, JSON.stringify(r.files), r.format, r.variants.join(','), r.encoding, r.status, startedMs,
      r.rowsRead, r.ordersNew, r.ordersUpdated, r.ordersUnchanged, r.lines, r.customersNew, r.errors, r.warnings, r.message,
    ],
  );
}
