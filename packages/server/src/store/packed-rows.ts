/**
 * Packed rows: a batch of bulk-write rows as a few flat values (one string per text column plus offsets,
 * one Float64Array per other column, a null map) instead of millions of small objects. A worker thread packs
 * rows with `RowPacker` and posts the batch (the typed arrays transferred, the strings copied in one piece);
 * the thread that owns the connection hands it to `appendPacked`, which replays it into a BulkWriter.
 */
import type { BulkColumn, BulkWriter } from './database.ts';

/** One packed column. Text: value i is chars.slice(ends[i-1] ?? 0, ends[i]). Others: values[i]. */
export type PackedColumn =
  | { readonly kind: 'text'; readonly chars: string; readonly ends: Int32Array; readonly nulls: Uint8Array }
  | { readonly kind: 'number'; readonly values: Float64Array; readonly nulls: Uint8Array };

/** A batch of `count` rows of one table's columns (in BulkColumn order). */
export interface PackedRows {
  readonly count: number;
  readonly columns: readonly PackedColumn[];
}

/** The ArrayBuffers of a batch, for postMessage's transfer list. */
export function packedTransferList(rows: PackedRows): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const c of rows.columns) {
    out.push((c.kind === 'text' ? c.ends : c.values).buffer as ArrayBuffer, c.nulls.buffer as ArrayBuffer);
  }
  return out;
}

interface TextBuilder {
  readonly kind: 'text';
  parts: string[];
  length: number;
  ends: Int32Array;
  nulls: Uint8Array;
}
interface NumberBuilder {
  readonly kind: 'number';
  values: Float64Array;
  nulls: Uint8Array;
}

/** Collects rows (the BulkWriter contract) into PackedRows batches. */
export class RowPacker implements BulkWriter {
  readonly #types: readonly BulkColumn['type'][];
  readonly #capacity: number;
  #builders: (TextBuilder | NumberBuilder)[] = [];
  #count = 0;

  constructor(columns: readonly BulkColumn[], capacity = 8192) {
    this.#types = columns.map((c) => c.type);
    this.#capacity = capacity;
    this.#reset();
  }

  /** Rows packed since the last `take`. */
  get count(): number {
    return this.#count;
  }

  appendRow(values: readonly (string | number | boolean | null)[]): void {
    if (this.#count === this.#capacity) this.#grow();
    const n = this.#count;
    const builders = this.#builders;
    for (let i = 0; i < builders.length; i++) {
      const b = builders[i]!;
      const v = values[i];
      if (b.kind === 'text') {
        if (v === null || v === undefined) b.nulls[n] = 1;
        else {
          const s = typeof v === 'string' ? v : String(v);
          b.parts.push(s);
          b.length += s.length;
        }
        b.ends[n] = b.length;
      } else if (v === null || v === undefined) {
        b.nulls[n] = 1;
      } else {
        b.values[n] = typeof v === 'number' ? v : Number(v);
      }
    }
    this.#count = n + 1;
  }

  /** The rows packed so far, or null when there are none; starts a new batch. */
  take(): PackedRows | null {
    const count = this.#count;
    if (count === 0) return null;
    const columns: PackedColumn[] = this.#builders.map((b) =>
      b.kind === 'text'
        ? { kind: 'text', chars: b.parts.join(''), ends: b.ends.slice(0, count), nulls: b.nulls.slice(0, count) }
        : { kind: 'number', values: b.values.slice(0, count), nulls: b.nulls.slice(0, count) },
    );
    this.#reset();
    return { count, columns };
  }

  async close(): Promise<void> {}

  #reset(): void {
    const cap = this.#capacity;
    this.#builders = this.#types.map((t) =>
      t === 'text'
        ? { kind: 'text', parts: [], length: 0, ends: new Int32Array(cap), nulls: new Uint8Array(cap) }
        : { kind: 'number', values: new Float64Array(cap), nulls: new Uint8Array(cap) },
    );
    this.#count = 0;
  }

  #grow(): void {
    for (const b of this.#builders) {
      const size = b.nulls.length * 2;
      const nulls = new Uint8Array(size);
      nulls.set(b.nulls);
      b.nulls = nulls;
      if (b.kind === 'text') {
        const ends = new Int32Array(size);
        ends.set(b.ends);
        b.ends = ends;
      } else {
        const values = new Float64Array(size);
        values.set(b.values);
        b.values = values;
      }
    }
  }
}

/** The value of row `r` in column `c` as appendRow would have received it (`bool` columns as booleans). */
export function packedValue(rows: PackedRows, c: number, r: number, type: BulkColumn['type']): string | number | boolean | null {
  const col = rows.columns[c];
  if (col === undefined || col.nulls[r] === 1) return null;
  if (col.kind === 'text') return col.chars.slice(r === 0 ? 0 : col.ends[r - 1], col.ends[r]);
  const v = col.values[r]!;
  return type === 'bool' ? v !== 0 : v;
}

/** Appends a packed batch: the writer's own fast path when it has one, else row by row. */
export function appendPacked(writer: BulkWriter, columns: readonly BulkColumn[], rows: PackedRows): void {
  if (writer.appendPacked !== undefined) {
    writer.appendPacked(rows);
    return;
  }
  const values: (string | number | boolean | null)[] = new Array<string | number | boolean | null>(columns.length);
  for (let r = 0; r < rows.count; r++) {
    for (let c = 0; c < columns.length; c++) values[c] = packedValue(rows, c, r, columns[c]!.type);
    writer.appendRow(values);
  }
}
