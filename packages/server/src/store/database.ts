/**
 * The store's seam: the small subset of a SQL connection that huitou needs. Each dialect (DuckDB now,
 * PostgreSQL later) implements it in its own folder; callers only see this interface.
 */
import type { PackedRows } from './packed-rows.ts';

export type SqlValue = string | number | bigint | boolean | null;
export type Row = Record<string, unknown>;
export type DialectName = 'duckdb' | 'postgres';

/** Column types for bulk writes into staging tables. */
/** `date` values are day numbers (days since 1970-01-01). */
export type BulkColumnType = 'text' | 'int' | 'double' | 'bool' | 'date';

export interface BulkColumn {
  readonly name: string;
  readonly type: BulkColumnType;
  /**
   * Text columns only, optional: every non-null value is one of these codes. Lets a dialect pass each value
   * as a small code instead of a string (DuckDB: an ENUM vector, cast to the table's VARCHAR); a value
   * outside the list is an error.
   */
  readonly values?: readonly string[];
}

/** A fast row sink into one table (DuckDB: the appender; PostgreSQL: COPY). */
export interface BulkWriter {
  appendRow(values: readonly (string | number | boolean | null)[]): void;
  /**
   * Optional fast path: appends a packed batch (packed-rows.ts), the same rows appendRow would take. Callers
   * use `appendPacked(writer, columns, rows)`, which falls back to appendRow.
   */
  appendPacked?(rows: PackedRows): void;
  /** Flushes and releases the writer; rows become visible to later statements of the same transaction. */
  close(): Promise<void>;
}

/** Types for `typedColumns`: each becomes a typed array (NULL → 0 / NaN), or string[] for text (NULL → ''). */
export type TypedColumnType = 'int32' | 'float64' | 'uint8' | 'text';
export type TypedColumn = Int32Array | Float64Array | Uint8Array | string[];

export interface Db {
  readonly dialect: DialectName;
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Rows as plain objects; BIGINTs within the safe range come back as numbers, DECIMALs as numbers. */
  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Result columns as arrays (for columnar analytics): name -> values. */
  columns(sql: string, params?: readonly SqlValue[]): Promise<Record<string, unknown[]>>;
  /**
   * Streams a result into typed arrays, one per selected column in order (for columnar analytics over
   * millions of rows without a JS object per row).
   */
  typedColumns(sql: string, params: readonly SqlValue[], types: readonly TypedColumnType[]): Promise<TypedColumn[]>;
  /** Runs fn in one transaction: commits when it resolves, rolls back when it throws. Not reentrant. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  bulkWriter(table: string, columns: readonly BulkColumn[]): Promise<BulkWriter>;
  /**
   * Optional: appends the rows of bulk files (bulk-file.ts, written for `columns`) to `table`, in one
   * statement of the current transaction. Dialects without it leave it out; callers then use bulkWriter.
   */
  bulkLoad?(table: string, columns: readonly BulkColumn[], files: readonly string[]): Promise<void>;
  /**
   * Another connection to the same database, with its own transactions (e.g. one per sender loop). Writes
   * that conflict with another connection's open transaction fail with a conflict error (DuckDB) or wait
   * (PostgreSQL); callers retry.
   */
  fork(): Promise<Db>;
  /**
   * Optional: runs `fn` with the engine's memory capped at `limit` (e.g. '1GB'; DuckDB: memory_limit, which
   * is instance-wide; the limit before is put back when `fn` settles), so that a big import spills its
   * staging to disk instead of growing. Dialects without such a cap leave it out.
   */
  withMemoryLimit?<T>(limit: string, fn: () => Promise<T>): Promise<T>;
  close(): void;
}

/** Returns the first row, or undefined. */
export async function findOne<T extends Row>(db: Db, sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
  const rows = await db.all<T>(sql, params);
  return rows[0];
}

/** Returns the first row or throws when there is none. */
export async function getOneOrThrow<T extends Row>(db: Db, sql: string, params?: readonly SqlValue[]): Promise<T> {
  const row = await findOne<T>(db, sql, params);
  if (row === undefined) throw new Error(`query returned no row: ${sql.slice(0, 80)}`);
  return row;
}
