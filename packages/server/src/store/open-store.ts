/** Opens the configured store and brings its schema up to date. */
import type { Db } from './database.ts';
import { openDuckDb } from './dialects/duckdb/duckdb-db.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { migrateToLatest } from './migrations/migrator.ts';
import { tracedDb } from './traced-db.ts';

export interface StoreOptions {
  /** DuckDB file path (default ./huitou.duckdb) or ':memory:'. */
  readonly path: string;
  readonly memoryLimit?: string;
  /** Report each statement's duration (profiling). */
  readonly trace?: (ms: number, sql: string) => void;
}

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Opens the database and migrates it; throws StoreError naming the failed migration. */
export async function openStore(options: StoreOptions): Promise<Db> {
  let db: Db;
  try {
    db = await openDuckDb(options.memoryLimit === undefined ? { path: options.path } : { path: options.path, memoryLimit: options.memoryLimit });
  } catch (error) {
    throw new StoreError(`cannot open database ${options.path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = await migrateToLatest(db, MIGRATIONS);
  if (result.error !== undefined) {
    db.close();
    const failed = result.results.find((r) => r.status === 'failed');
    throw new StoreError(`migration ${failed?.id ?? '?'} failed: ${result.error}`);
  }
  return options.trace === undefined ? db : tracedDb(db, options.trace);
}
