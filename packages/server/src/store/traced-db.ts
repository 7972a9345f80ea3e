/** A Db decorator that reports how long each statement took (HUITOU_TRACE=1), for profiling. */
import type { BulkColumn, BulkWriter, Db, Row, SqlValue, TypedColumnType } from './database.ts';

export function tracedDb(db: Db, report: (ms: number, sql: string) => void): Db {
  const time = async <T>(sql: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      report(performance.now() - t0, sql.replace(/\s+/g, ' ').trim().slice(0, 100));
    }
  };
  return {
    dialect: db.dialect,
    run: (sql: string, params?: readonly SqlValue[]) => time(sql, () => db.run(sql, params)),
    all: <T extends Row = Row>(sql: string, params?: readonly SqlValue[]) => time(sql, () => db.all<T>(sql, params)),
    columns: (sql: string, params?: readonly SqlValue[]) => time(sql, () => db.columns(sql, params)),
    typedColumns: (sql: string, params: readonly SqlValue[], types: readonly TypedColumnType[]) =>
      time(sql, () => db.typedColumns(sql, params, types)),
    transaction: <T>(fn: () => Promise<T>) => db.transaction(fn),
    bulkWriter: (table: string, columns: readonly BulkColumn[]): Promise<BulkWriter> => db.bulkWriter(table, columns),
    ...(db.bulkLoad === undefined
      ? {}
      : {
          bulkLoad: (table: string, columns: readonly BulkColumn[], files: readonly string[]) =>
            time(`bulk load ${table} from ${files.length} file(s)`, () => db.bulkLoad!(table, columns, files)),
        }),
    ...(db.withMemoryLimit === undefined
      ? {}
      : { withMemoryLimit: <T>(limit: string, fn: () => Promise<T>) => db.withMemoryLimit!(limit, fn) }),
    fork: async () => tracedDb(await db.fork(), report),
    close: () => db.close(),
  };
}
