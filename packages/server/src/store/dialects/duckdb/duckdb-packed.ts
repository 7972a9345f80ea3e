/** Replays a packed batch (packed-rows.ts) into a DuckDB appender: one tight loop, no row arrays. */
import { DuckDBDateValue } from '@duckdb/node-api';
import type { DuckDBAppender } from '@duckdb/node-api';
import type { BulkColumn } from '../../database.ts';
import type { PackedRows } from '../../packed-rows.ts';

/** Appends every row of `rows` (columns typed as `types`) and ends each row. */
export function appendPackedRows(a: DuckDBAppender, types: readonly BulkColumn['type'][], rows: PackedRows): void {
  const cols = rows.columns;
  if (cols.length !== types.length) throw new Error(`packed batch has ${cols.length} columns, the table ${types.length}`);
  const starts = new Int32Array(cols.length);
  for (let r = 0; r < rows.count; r++) {
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c]!;
      if (col.kind === 'text') {
        const end = col.ends[r]!;
        if (col.nulls[r] === 1) a.appendNull();
        else a.appendVarchar(col.chars.slice(starts[c]!, end));
        starts[c] = end;
        continue;
      }
      if (col.nulls[r] === 1) {
        a.appendNull();
        continue;
      }
      const v = col.values[r]!;
      switch (types[c]) {
        case 'int':
          a.appendInteger(v);
          break;
        case 'bool':
          a.appendBoolean(v !== 0);
          break;
        case 'date':
          a.appendDate(new DuckDBDateValue(v));
          break;
        default:
          a.appendDouble(v);
      }
    }
    a.endRow();
  }
}
