/**
 * The loop that streams one recognised table through its mapper, shared by the in-thread fill and the map
 * worker so both emit the same records and the same issues in the same order.
 */
import { basename } from 'node:path';
import type { MapContext, MapSink, RowMapper } from '../formats/format-definition.ts';
import type { ColumnUse } from '../formats/shared/column-use.ts';
import { collectColumnUse, projectionFor } from '../formats/shared/column-use.ts';
import { ImportFileError } from '../import-issue.ts';
import type { ImportIssue } from '../import-issue.ts';
import type { RecognisedTable } from './open-table.ts';

/** A table's mapper with the column use its scopes recorded. */
export interface PreparedMapper {
  readonly mapper: RowMapper;
  readonly uses: readonly ColumnUse[];
}

/** Builds the mapper of a table; throws ImportFileError 'missing_column' when required columns are absent. */
export function prepareMapper(table: RecognisedTable, path: string, ctx: Omit<MapContext, 'file'>): PreparedMapper {
  const file = basename(path);
  const { result: mapper, uses } = collectColumnUse(() => table.variant.createMapper(table.header, { ...ctx, file }));
  if ('missing' in mapper) {
    throw new ImportFileError('missing_column', `${file}: required columns are missing: ${mapper.missing.join(', ')}`, 1);
  }
  return { mapper, uses };
}

/** What the loop reports besides the mapped records. */
export interface MapLoopHooks {
  /** Reader issues (mapper issues go to sink.issue); the two streams interleave in file order. */
  issue(issue: ImportIssue): void;
  /** After each data row; a returned promise is awaited before the next row (back-pressure). */
  afterRow(): Promise<void> | undefined;
}

/**
 * Maps every data row of `table` into `sink`, reader issues to hooks.issue just before the row after them,
 * then calls the mapper's finish. Turns on column projection once the first row has been mapped whole.
 * Returns the number of data rows.
 */
export async function mapTableRows(table: RecognisedTable, prepared: PreparedMapper, sink: MapSink, hooks: MapLoopHooks): Promise<number> {
  const { mapper, uses } = prepared;
  const readerIssues = table.readerIssues;
  const drain = (): void => {
    for (const i of readerIssues) hooks.issue(i);
    readerIssues.length = 0;
  };
  drain();
  let tableRows = 0;
  for await (const row of table.rows) {
    if (readerIssues.length > 0) drain();
    mapper.map(row, sink);
    // After one whole row has been mapped, the reader may skip the cells the mapper never reads.
    if (++tableRows === 1 && table.header.length > 0) table.projection.columns = projectionFor(uses, table.header.length);
    const wait = hooks.afterRow();
    if (wait !== undefined) await wait;
  }
  drain();
  mapper.finish(sink);
  return tableRows;
}
