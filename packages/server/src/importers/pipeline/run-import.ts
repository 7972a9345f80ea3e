/**
 * Imports files: opens and recognises every table, groups them into units, and runs each unit as one batch
 * in one transaction. A file that cannot be read becomes a failed unit with a clear message; the others go on.
 */
import { basename } from 'node:path';
import type { Db } from '../../store/database.ts';
import type { FormatDefinition, FormatName } from '../formats/format-definition.ts';
import { findFormat } from '../formats/index.ts';
import { ImportFileError } from '../import-issue.ts';
import { openTables } from '../read/open-tables.ts';
import type { ReadLimits, TableSource } from '../read/table-source.ts';
import { DEFAULT_PART_MIN_BYTES, DEFAULT_WORKER_MIN_BYTES, fillUnit } from './fill-unit.ts';
import type { FillOptions } from './fill-unit.ts';
import { groupUnits } from './group-units.ts';
import type { PlannedTable, PlannedUnit } from './group-units.ts';
import { recogniseTable } from './open-table.ts';
import { runImportUnit } from './run-unit.ts';
import type { UnitReport } from './run-unit.ts';

export interface ImportRequest {
  readonly shopId: number;
  readonly timeZone: string;
  readonly files: readonly string[];
  /** Skip detection and read every table as this format. */
  readonly format: FormatName | null;
  readonly strict: boolean;
  /** Canonical column name -> source header, for `--map FILE`. */
  readonly columnMap: Readonly<Record<string, string>> | null;
  readonly limits?: Partial<ReadLimits>;
  readonly onProgress?: (file: string, rows: number) => void;
  /** Called when a unit's files are read and its merge into the store begins, with the unit's first file. */
  readonly onMerge?: (file: string) => void;
  /**
   * Delimited text tables of at least this many bytes are read and mapped in worker threads (default 5 MB);
   * Infinity maps everything in the main thread. Same results either way.
   */
  readonly workerMinBytes?: number;
  /**
   * Smallest part a big table of row-independent records is cut into, so that both map workers stay busy
   * (default 32 MB); Infinity never cuts. Same results either way.
   */
  readonly partMinBytes?: number;
  /**
   * Caps the database's memory while each unit is imported (Config.importMemoryLimit; absent: no cap): its
   * staging and merge spill to disk instead of growing. A unit that runs out of memory under the cap is rolled
   * back, not recorded, and run again without it: the cap never makes an import fail.
   */
  readonly memoryLimit?: string | null;
}

function fillOptions(request: ImportRequest): FillOptions {
  return {
    timeZone: request.timeZone,
    columnMap: request.columnMap,
    workerMinBytes: request.workerMinBytes ?? DEFAULT_WORKER_MIN_BYTES,
    partMinBytes: request.partMinBytes ?? DEFAULT_PART_MIN_BYTES,
    ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
  };
}

export interface ImportTotals {
  readonly units: number;
  readonly failed: number;
  readonly rowsRead: number;
  readonly ordersNew: number;
  readonly ordersUpdated: number;
  readonly ordersUnchanged: number;
  readonly lines: number;
  readonly customersNew: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface ImportReport {
  readonly units: readonly UnitReport[];
  readonly totals: ImportTotals;
}

export async function importFiles(db: Db, request: ImportRequest): Promise<ImportReport> {
  // A column map only makes sense for the canonical format: --map implies --format canonical.
  const formatName = request.format ?? (request.columnMap === null ? null : 'canonical');
  const forced = formatName === null ? null : findFormat(formatName) ?? null;
  const planned: PlannedTable[] = [];
  const reports: UnitReport[] = [];
  for (const path of request.files) {
    try {
      planned.push(...(await recogniseFile(path, forced, request.limits, request.columnMap)));
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      reports.push(await recordFailure(db, request, path, error));
    }
  }
  const limit = request.memoryLimit ?? null;
  for (const unit of groupUnits(planned)) {
    if (limit === null || db.withMemoryLimit === undefined) {
      reports.push(await runUnit(db, request, unit, false));
      continue;
    }
    try {
      reports.push(await db.withMemoryLimit(limit, () => runUnit(db, request, unit, true)));
    } catch (error) {
      if (!(error instanceof OutOfMemoryUnderCap)) throw error;
      // The cap is a preference, never the reason an import fails: the unit (rolled back, nothing
      // recorded) is read again and run without it.
      const files = [...new Set(unit.tables.map((t) => t.path))];
      const again: PlannedTable[] = [];
      for (const path of files) again.push(...(await recogniseFile(path, forced, request.limits, request.columnMap)));
      for (const retry of groupUnits(again)) reports.push(await runUnit(db, request, retry, false));
    }
  }
  return { units: reports, totals: total(reports) };
}

/** A unit ran out of memory under the import's memory cap (it was rolled back and not recorded). */
class OutOfMemoryUnderCap extends Error {}

/** DuckDB's error for an allocation past memory_limit. */
function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && /Out of Memory Error/i.test(error.message);
}

async function recogniseFile(
  path: string,
  forced: FormatDefinition | null,
  limits: Partial<ReadLimits> | undefined,
  columnMap: Readonly<Record<string, string>> | null,
): Promise<PlannedTable[]> {
  let sources: TableSource[];
  try {
    sources = await openTables(path, limits);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportFileError('unknown_format', code === 'ENOENT' ? `${path}: no such file` : `${path}: ${String(error)}`);
  }
  const tables: PlannedTable[] = [];
  const skippedSheets: ImportFileError[] = [];
  for (const source of sources) {
    try {
      const table = await recogniseTable(source, forced, columnMap);
      if (table !== null) tables.push({ path, table });
    } catch (error) {
      // A workbook's notes or summary sheet (说明, 汇总) is skipped when another sheet holds the data.
      if (!(error instanceof ImportFileError) || error.code !== 'unknown_format' || sources.length === 1) throw error;
      skippedSheets.push(error);
    }
  }
  if (tables.length === 0 && skippedSheets[0] !== undefined) throw skippedSheets[0];
  if (tables.length === 0) throw new ImportFileError('empty_file', `${basename(path)} has no rows`);
  const first = tables[0]!.table;
  for (const skipped of skippedSheets) {
    first.readerIssues.push({ file: basename(path), line: skipped.line, code: 'unknown_format', severity: 'warning', message: `sheet skipped: ${skipped.message}` });
  }
  if (tables.every((t) => t.table.empty)) {
    throw new ImportFileError('header_only', `${basename(path)} has a header but no data rows`, 1);
  }
  return tables;
}

/** Runs one unit; `capped` (under the import's memory cap): running out of memory throws OutOfMemoryUnderCap, unrecorded. */
async function runUnit(db: Db, request: ImportRequest, unit: PlannedUnit, capped: boolean): Promise<UnitReport> {
  const files = [...new Set(unit.tables.map((t) => t.path))];
  const first = unit.tables[0]!.table;
  return runImportUnit(
    db,
    {
      shopId: request.shopId, platform: first.format.platform, files: files.map((f) => basename(f)), strict: request.strict,
      ...(request.onMerge === undefined ? {} : { onMerge: () => request.onMerge?.(basename(files[0] ?? '')) }),
      ...(capped ? { unrecorded: (error: unknown) => (isOutOfMemory(error) ? new OutOfMemoryUnderCap(String(error)) : null) } : {}),
    },
    async (staging, issues) => fillUnit(db, unit, files, fillOptions(request), staging, issues),
  );
}

async function recordFailure(db: Db, request: ImportRequest, path: string, error: ImportFileError): Promise<UnitReport> {
  return runImportUnit(
    db,
    { shopId: request.shopId, platform: 'unknown', files: [basename(path)], strict: request.strict },
    async () => {
      throw error;
    },
  );
}

function total(reports: readonly UnitReport[]): ImportTotals {
  const sum = (f: (r: UnitReport) => number) => reports.reduce((a, r) => a + f(r), 0);
  return {
    units: reports.length,
    failed: reports.filter((r) => r.status !== 'committed').length,
    rowsRead: sum((r) => r.rowsRead),
    ordersNew: sum((r) => r.ordersNew),
    ordersUpdated: sum((r) => r.ordersUpdated),
    ordersUnchanged: sum((r) => r.ordersUnchanged),
    lines: sum((r) => r.lines),
    customersNew: sum((r) => r.customersNew),
    errors: sum((r) => r.errors),
    warnings: sum((r) => r.warnings),
  };
}
