/** A memory size as the store's engine takes it: 1GB, 512MB, 1.5 GiB (KB…TB, KiB…TiB; checked before it goes into SQL). */
const MEMORY_SIZE = /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** True when `text` is such a size. */
export function isMemorySize(text: string): boolean {
  return MEMORY_SIZE.test(text);
}
