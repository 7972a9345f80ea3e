/**
 * Which columns a table's mapper reads, so the reader can skip the others (column projection). Every RowScope
 * records the columns it resolves; the pipeline collects the scopes a `createMapper` call makes and, once the
 * first data row has been mapped from a whole row, turns on the projection for the rows still to be parsed.
 *
 * Safety: a scope that is asked for a cell it did not resolve (a mapper building its own Col, as the
 * WooCommerce item columns do) is "foreign" and disables projection for its table; after projection is on,
 * such a read is a bug and throws instead of silently reading a left-out cell.
 */

/** Columns one RowScope uses. */
export class ColumnUse {
  #known: Uint8Array = new Uint8Array(0);
  #foreign = false;
  #sealed = false;

  /** Records a resolved column index. */
  note(index: number): void {
    if (index < 0) return;
    if (this.#sealed) {
      throw new Error(`column ${index} resolved after column projection was turned on`);
    }
    if (index >= this.#known.length) {
      const grown = new Uint8Array(Math.max(index + 1, this.#known.length * 2, 16));
      grown.set(this.#known);
      this.#known = grown;
    }
    this.#known[index] = 1;
  }

  /** Called on every cell read; index >= 0. */
  check(index: number): void {
    if (this.#known[index] === 1) return;
    if (this.#sealed) throw new Error(`column ${index} was read but left out by the column projection`);
    this.#foreign = true;
    this.note(index);
  }

  /** True when a cell outside the resolved columns was read. */
  get foreign(): boolean {
    return this.#foreign;
  }

  /** The resolved columns as flags. */
  get known(): Uint8Array {
    return this.#known;
  }

  /** From now on reads must stay within the known columns. */
  seal(): void {
    this.#sealed = true;
  }
}

let collecting: ColumnUse[] | null = null;

/** Registers a scope's ColumnUse with the collection in progress, if any. */
export function registerColumnUse(use: ColumnUse): void {
  collecting?.push(use);
}

/** Runs `make` (a createMapper call) and returns what it made with the ColumnUse of every scope it created. */
export function collectColumnUse<T>(make: () => T): { readonly result: T; readonly uses: readonly ColumnUse[] } {
  const outer = collecting;
  const uses: ColumnUse[] = [];
  collecting = uses;
  try {
    return { result: make(), uses };
  } finally {
    collecting = outer;
  }
}

/**
 * The projection for a table whose mapper made `uses`, sealing them; null (read every cell) when the mapper
 * made no RowScope or read a cell it never resolved.
 */
export function projectionFor(uses: readonly ColumnUse[], width: number): Uint8Array | null {
  if (uses.length === 0 || uses.some((u) => u.foreign)) return null;
  const wanted = new Uint8Array(width);
  for (const u of uses) {
    const k = u.known;
    for (let i = 0; i < k.length && i < width; i++) if (k[i] === 1) wanted[i] = 1;
  }
  for (const u of uses) u.seal();
  return wanted;
}
