/** Reads a streamed DuckDB result chunk by chunk into growable typed arrays. */
import type { DuckDBResult } from '@duckdb/node-api';
import type { TypedColumn, TypedColumnType } from '../../database.ts';

type Growable = { kind: 'int32'; data: Int32Array } | { kind: 'float64'; data: Float64Array } | { kind: 'uint8'; data: Uint8Array } | { kind: 'text'; data: string[] };

function make(kind: TypedColumnType, capacity: number): Growable {
  switch (kind) {
    case 'int32':
      return { kind, data: new Int32Array(capacity) };
    case 'float64':
      return { kind, data: new Float64Array(capacity) };
    case 'uint8':
      return { kind, data: new Uint8Array(capacity) };
    case 'text':
      return { kind, data: [] };
  }
}

function grow(col: Growable, capacity: number): void {
  if (col.kind === 'text' || col.data.length >= capacity) return;
  const size = Math.max(capacity, col.data.length * 2);
  if (col.kind === 'int32') {
    const next = new Int32Array(size);
    next.set(col.data);
    col.data = next;
  } else if (col.kind === 'float64') {
    const next = new Float64Array(size);
    next.set(col.data);
    col.data = next;
  } else {
    const next = new Uint8Array(size);
    next.set(col.data);
    col.data = next;
  }
}

export async function readTypedColumns(result: DuckDBResult, types: readonly TypedColumnType[]): Promise<TypedColumn[]> {
  if (result.columnCount < types.length) throw new Error(`query returned ${result.columnCount} columns, ${types.length} expected`);
  const cols = types.map((t) => make(t, 1 << 16));
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c]!;
      grow(col, rows + n);
      const vector = chunk.getColumnVector(c);
      if (col.kind === 'text') {
        for (let i = 0; i < n; i++) {
          const v = vector.getItem(i);
          col.data.push(v === null ? '' : String(v));
        }
      } else {
        const data = col.data;
        const fallback = col.kind === 'float64' ? Number.NaN : 0;
        for (let i = 0; i < n; i++) {
          const v = vector.getItem(i);
          data[rows + i] = v === null ? fallback : Number(v);
        }
      }
    }
    rows += n;
  }
  return cols.map((col) => (col.kind === 'text' ? col.data : col.data.slice(0, rows)));
}
