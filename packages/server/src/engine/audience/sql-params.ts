/**
 * Bound parameters of a compiled rule. Every value from a rule document leaves here as a typed
 * placeholder (`CAST($7 AS VARCHAR)`): the casts let PostgreSQL infer each parameter's type and keep
 * DuckDB's comparisons typed, and nothing the user wrote is ever part of the SQL text.
 */
import type { SqlValue } from '../../store/database.ts';

/** SQL type of a placeholder. */
export type ParamType = 'VARCHAR' | 'DOUBLE PRECISION' | 'INTEGER' | 'DATE' | 'BOOLEAN';

/** Collects parameter values and hands out their placeholders, numbered from `start`. */
export class SqlParams {
  readonly values: SqlValue[] = [];
  readonly #start: number;

  constructor(start: number) {
    if (!Number.isSafeInteger(start) || start < 1) throw new RangeError(`startParam must be a whole number ≥ 1, got ${start}`);
    this.#start = start;
  }

  /** Binds a value and returns its typed placeholder. */
  bind(value: SqlValue, type: ParamType): string {
    this.values.push(value);
    return `CAST($${this.#start + this.values.length - 1} AS ${type})`;
  }

  /** Binds each value; returns the comma-separated placeholders. */
  list(values: readonly SqlValue[], type: ParamType): string {
    return values.map((v) => this.bind(v, type)).join(', ');
  }
}
