/**
 * Turns an async source of row batches into the per-row AsyncIterable of the TableSource contract. A hand-written
 * iterator hands out rows of the current batch as already-resolved promises: about twice as fast per row as an
 * async generator's `yield*`, which matters at a million rows.
 */
import type { SheetRow } from './table-source.ts';

/** Per-row view of `make()`'s batches; breaking out of the loop closes the underlying source. */
export function rowsFromBatches(make: () => AsyncIterable<readonly SheetRow[]>): AsyncIterable<SheetRow> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<SheetRow> {
      const source = make()[Symbol.asyncIterator]();
      let batch: readonly SheetRow[] = [];
      let index = 0;
      const pull = async (): Promise<IteratorResult<SheetRow>> => {
        for (;;) {
          const r = await source.next();
          if (r.done === true) return { done: true, value: undefined };
          const first = r.value[0];
          if (first !== undefined) {
            batch = r.value;
            index = 1;
            return { done: false, value: first };
          }
        }
      };
      return {
        next(): Promise<IteratorResult<SheetRow>> {
          const row = batch[index];
          if (row !== undefined) {
            index++;
            return Promise.resolve({ done: false, value: row });
          }
          return pull();
        },
        async return(): Promise<IteratorResult<SheetRow>> {
          batch = [];
          await source.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
