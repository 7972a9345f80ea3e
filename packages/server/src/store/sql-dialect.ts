/**
 * The SQL that differs between dialects, as small functions. Everything else huitou writes is plain SQL
 * that DuckDB and PostgreSQL both accept.
 */
import type { DialectName } from './database.ts';
import { duckdbSql } from './dialects/duckdb/duckdb-sql.ts';

export interface SqlDialect {
  /** A text fingerprint of the given column expressions (NULL-safe, order-sensitive). */
  rowHash(exprs: readonly string[]): string;
  /** An aggregate combining per-row fingerprints of a group into one text value (order-insensitive). */
  groupHash(exprs: readonly string[]): string;
  /** Aggregate: the non-null value of `expr` on the row with the largest `orderBy` in the group. */
  latestNonNull(expr: string, orderBy: string): string;
  /** 'MM-DD' text of a DATE expression. */
  monthDay(expr: string): string;
}

export function sqlFor(dialect: DialectName): SqlDialect {
  switch (dialect) {
    case 'duckdb':
      return duckdbSql;
    case 'postgres':
      throw new Error('the PostgreSQL dialect is not built yet');
  }
}
