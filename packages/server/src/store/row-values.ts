/** Reading values out of result rows (`Db.all`): SQL NULL (or an absent column) becomes null. */

/** The value as text, or null. */
export function textOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** The value as a number, or null. */
export function numberOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}
