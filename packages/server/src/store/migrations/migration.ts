import type { DialectName } from '../database.ts';

/** One schema step. `up` returns the statements for a dialect; they run in one transaction. */
export interface Migration {
  /** Sortable, unique: yyyy_mm_dd_nn_name. */
  readonly id: string;
  up(dialect: DialectName): readonly string[];
}
