/** DuckDB implementation of the Db seam, over @duckdb/node-api. */
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { BulkColumn, BulkWriter, Db, Row, SqlValue, TypedColumn, TypedColumnType } from '../../database.ts';
import type { PackedRows } from '../../packed-rows.ts';
import { bulkLoadSql } from './duckdb-bulk-load.ts';
import { ChunkRows } from './duckdb-chunk-writer.ts';
import { appendPackedRows } from './duckdb-packed.ts';
import { readTypedColumns } from './duckdb-typed-columns.ts';

export interface DuckDbOptions {
  /** File path, or ':memory:'. */
  readonly path: string;
  /** DuckDB memory_limit, e.g. '4GB'. */
  readonly memoryLimit?: string;
  readonly threads?: number;
}

/** Opens (creating if needed) a DuckDB database file. */
export async function openDuckDb(options: DuckDbOptions): Promise<Db> {
  const config: Record<string, string> = {};
  if (options.memoryLimit !== undefined) config['memory_limit'] = options.memoryLimit;
  if (options.threads !== undefined) config['threads'] = String(options.threads);
  const instance = await DuckDBInstance.create(options.path, config);
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  return new DuckDb(instance, connection);
}

class DuckDb implements Db {
  readonly dialect = 'duckdb' as const;
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;
  readonly #ownsInstance: boolean;
  #inTransaction = false;

  constructor(instance: DuckDBInstance, connection: DuckDBConnection, ownsInstance = true) {
    this.#instance = instance;
    this.#connection = connection;
    this.#ownsInstance = ownsInstance;
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<void> {
    if (params === undefined || params.length === 0) await this.#connection.run(sql);
    else await this.#connection.run(sql, toDuckValues(params));
  }

  async all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    const reader =
      params === undefined || params.length === 0
        ? await this.#connection.runAndReadAll(sql)
        : await this.#connection.runAndReadAll(sql, toDuckValues(params));
    const rows = reader.getRowObjectsJS();
    const out: T[] = [];
    for (const row of rows) out.push(normaliseRow(row) as T);
    return out;
  }

  async columns(sql: string, params?: readonly SqlValue[]): Promise<Record<string, unknown[]>> {
    const reader =
      params === undefined || params.length === 0
        ? await this.#connection.runAndReadAll(sql)
        : await this.#connection.runAndReadAll(sql, toDuckValues(params));
    const names = reader.columnNames();
    const cols = reader.getColumnsJS();
    const out: Record<string, unknown[]> = {};
    names.forEach((name, i) => {
      out[name] = (cols[i] ?? []).map(normaliseValue);
    });
    return out;
  }

  async typedColumns(sql: string, params: readonly SqlValue[], types: readonly TypedColumnType[]): Promise<TypedColumn[]> {
    const result = params.length === 0 ? await this.#connection.stream(sql) : await this.#connection.stream(sql, toDuckValues(params));
    return readTypedColumns(result, types);
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#inTransaction) throw new Error('nested transactions are not supported');
    this.#inTransaction = true;
    await this.#connection.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.#connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.#connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      this.#inTransaction = false;
    }
  }

  async bulkWriter(table: string, columns: readonly BulkColumn[]): Promise<BulkWriter> {
    const appender = await this.#connection.createAppender(table);
    return new DuckBulkWriter(appender, columns);
  }

  async bulkLoad(table: string, columns: readonly BulkColumn[], files: readonly string[]): Promise<void> {
    if (files.length === 0) return;
    await this.#connection.run(bulkLoadSql(table, columns, files));
  }

  async fork(): Promise<Db> {
    const connection = await this.#instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
    return new DuckDb(this.#instance, connection, false);
  }

  close(): void {
    this.#connection.closeSync();
    if (this.#ownsInstance) this.#instance.closeSync();
  }
}

class DuckBulkWriter implements BulkWriter {
  readonly #appender: DuckDBAppender;
  readonly #types: readonly BulkColumn['type'][];
  readonly #rows: ChunkRows;

  constructor(appender: DuckDBAppender, columns: readonly BulkColumn[]) {
    this.#appender = appender;
    this.#types = columns.map((c) => c.type);
    this.#rows = new ChunkRows(appender, columns);
  }

  appendRow(values: readonly (string | number | boolean | null)[]): void {
    this.#rows.append(values);
  }

  appendPacked(rows: PackedRows): void {
    this.#rows.flush(); // rows keep their order across both paths
    appendPackedRows(this.#appender, this.#types, rows);
  }

  async close(): Promise<void> {
    this.#rows.flush();
    this.#appender.closeSync();
  }
}

function toDuckValues(params: readonly SqlValue[]): DuckDBValue[] {
  return params.map((p) => p);
}

function normaliseRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const key of Object.keys(row)) out[key] = normaliseValue(row[key]);
  return out;
}

function normaliseValue(v: unknown): unknown {
  if (typeof v === 'bigint' && v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER)) {
    return Number(v);
  }
  return v;
}
