/** Narrowing helpers for `Db.typedColumns` results: they check what the query promised. */
import type { TypedColumn } from './database.ts';

export function int32Column(c: TypedColumn | undefined): Int32Array {
  if (!(c instanceof Int32Array)) throw new Error('expected an int32 column');
  return c;
}

export function float64Column(c: TypedColumn | undefined): Float64Array {
  if (!(c instanceof Float64Array)) throw new Error('expected a float64 column');
  return c;
}

export function uint8Column(c: TypedColumn | undefined): Uint8Array {
  if (!(c instanceof Uint8Array)) throw new Error('expected a uint8 column');
  return c;
}

export function textColumn(c: TypedColumn | undefined): string[] {
  if (!Array.isArray(c)) throw new Error('expected a text column');
  return c;
}
