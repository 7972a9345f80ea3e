/** DuckDB's versions of the dialect-specific SQL: its native 64-bit hash() is far cheaper than md5 of text. */
import type { SqlDialect } from '../../sql-dialect.ts';

export const duckdbSql: SqlDialect = {
  rowHash: (exprs) => `CAST(hash(${exprs.join(', ')}) AS VARCHAR)`,
  groupHash: (exprs) => `CAST(sum(hash(${exprs.join(', ')})) AS VARCHAR)`,
  monthDay: (expr) => `strftime(${expr}, '%m-%d')`,
  latestNonNull: (expr, orderBy) => `arg_max(${expr}, ${orderBy}) FILTER (WHERE ${expr} IS NOT NULL)`,
};
