/** DuckDB implementation of the Db seam, over @duckdb/node-api. */
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { BulkColumn, BulkWriter, Db, Row, SqlValue, TypedColumn, TypedColumnType } from '../../database.ts';
import type { PackedRows } from '../../packed-rows.ts';
import { bulkLoadSql } from './duckdb-bulk-load.ts';
import { ChunkRows } from './duckdb-chunk-writer.ts';
import { appendPackedRows } from './duckdb-packed.ts';
import { readTypedColumns } from './duckdb-typed-columns.ts';
import { isMemorySize } from '../../memory-size.ts';

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
  return new DuckDb(instance, connection, new MemoryCaps(options.memoryLimit ?? null));
}


/**
 * Temporary caps on memory_limit, which is one setting for the whole instance: shared by every connection
 * of it, so that overlapping callers restore the limit in the right order (the last one out puts back the
 * limit from before the first cap). Restored with SET: `RESET memory_limit` shows the default again but
 * leaves the buffer manager at the cap (DuckDB 1.5, measured). `current_setting` shows the limit rounded down
 * to 0.1 GiB, so a limit the instance was opened with is kept as it was given; DuckDB's default (80 % of
 * RAM) comes back up to 0.1 GiB lower.
 */
class MemoryCaps {
  readonly #configured: string | null;
  readonly #active: string[] = [];
  #before: string | null = null;

  constructor(configured: string | null) {
    this.#configured = configured !== null && isMemorySize(configured) ? configured : null;
  }

  async with<T>(connection: DuckDBConnection, limit: string, fn: () => Promise<T>): Promise<T> {
    if (!isMemorySize(limit)) throw new Error(`"${limit}" is not a memory size such as 1GB`);
    // Read once: SET of the rounded reading shows one step lower (18.8 GiB → 18.7 GiB), so reading it again
    // each time would creep down.
    if (this.#active.length === 0 && this.#before === null) this.#before = this.#configured ?? (await currentLimit(connection));
    this.#active.push(limit);
    try {
      await connection.run(`SET memory_limit = '${limit}'`);
      return await fn();
    } finally {
      this.#active.splice(this.#active.indexOf(limit), 1);
      const restore = this.#active.at(-1) ?? this.#before;
      if (restore !== null) await connection.run(`SET memory_limit = '${restore}'`);
    }
  }
}

/** The instance's memory_limit as SET accepts it ('18.8GiB'), or null when it cannot be read as a size. */
async function currentLimit(connection: DuckDBConnection): Promise<string | null> {
  const reader = await connection.runAndReadAll(`SELECT current_setting('memory_limit') AS v`);
  const value = String(reader.getRowObjectsJS()[0]?.['v'] ?? '').replace(/\s+/g, '');
  return isMemorySize(value) ? value : null;
}

class DuckDb implements Db {
  readonly dialect = 'duckdb' as const;
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;
  readonly #ownsInstance: boolean;
  readonly #caps: MemoryCaps;
  #inTransaction = false;

  constructor(instance: DuckDBInstance, connection: DuckDBConnection, caps: MemoryCaps, ownsInstance = true) {
    this.#instance = instance;
    this.#connection = connection;
    this.#caps = caps;
    this.#ownsInstance = ownsInstance;
  }

  withMemoryLimit<T>(limit: string, fn: () => Promise<T>): Promise<T> {
    return this.#caps.with(this.#connection, limit, fn);
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
    return new DuckDb(this.#instance, connection, this.#caps, false);
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
