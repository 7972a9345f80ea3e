/** DuckDB's bulk load: INSERT … SELECT FROM read_csv over bulk files (store/bulk-file.ts), read in parallel. */
import type { BulkColumn } from '../../database.ts';

const DUCK_TYPES: Record<BulkColumn['type'], string> = {
  text: 'VARCHAR',
  int: 'INTEGER',
  double: 'DOUBLE',
  bool: 'BOOLEAN',
  date: 'DATE',
};

const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** The statement that appends `files` to `table`. Records of up to 16 MB (a 1M-character cell is 3 MB). */
export function bulkLoadSql(table: string, columns: readonly BulkColumn[], files: readonly string[]): string {
  const spec = columns.map((c) => `${literal(c.name)}: ${literal(DUCK_TYPES[c.type])}`).join(', ');
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  return `INSERT INTO ${table} (${names}) SELECT ${names} FROM read_csv([${files.map(literal).join(', ')}],
    header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\\n',
    allow_quoted_nulls = false, max_line_size = 16777216, buffer_size = 33554432, columns = {${spec}})`;
}
