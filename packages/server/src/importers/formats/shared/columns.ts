/**
 * Header lookup shared by all formats: resolve column indexes once per table, score headers for detection.
 */
import { cleanCell } from '../../cells/clean-cell.ts';
import { normalizeHeader } from '../../cells/normalize-header.ts';

/** A column name, or several accepted spellings of one column (first present wins). */
export type ColumnName = string | readonly string[];

/** A resolved column: its index (-1 when absent) and the header text to name it in issues. */
export interface Col {
  readonly index: number;
  readonly name: string;
}

/** Normalises a header cell the way detection expects (clean, trim, unify punctuation width). */
export function headerKey(raw: string): string {
  return normalizeHeader(cleanCell(raw));
}

/** Maps each normalised header to its first index. */
export function indexHeader(header: readonly string[]): ReadonlyMap<string, number> {
  const m = new Map<string, number>();
  header.forEach((h, i) => {
    const k = headerKey(h);
    if (k !== '' && !m.has(k)) m.set(k, i);
  });
  return m;
}

/** Resolves a column by any of its spellings. */
export function resolveCol(index: ReadonlyMap<string, number>, name: ColumnName): Col {
  const names = typeof name === 'string' ? [name] : name;
  for (const n of names) {
    const i = index.get(normalizeHeader(n));
    if (i !== undefined) return { index: i, name: n };
  }
  return { index: -1, name: names[0] ?? '' };
}

/** Human name of a column that may have several spellings: `A or B`. */
export function describeName(name: ColumnName): string {
  return typeof name === 'string' ? name : name.join(' or ');
}

/**
 * Detection score: 0 unless every `required` column is present; otherwise 10 per required column plus
 * 1 per optional column present, so a more specific match outranks a looser one.
 */
export function scoreHeader(
  header: readonly string[],
  required: readonly ColumnName[],
  optional: readonly ColumnName[] = [],
): number {
  const index = indexHeader(header);
  let score = 0;
  for (const r of required) {
    if (resolveCol(index, r).index < 0) return 0;
    score += 10;
  }
  for (const o of optional) if (resolveCol(index, o).index >= 0) score += 1;
  return score;
}

/** True when any of `names` is a header cell. */
export function hasAny(header: readonly string[], names: readonly string[]): boolean {
  const index = indexHeader(header);
  return names.some((n) => index.has(normalizeHeader(n)));
}
