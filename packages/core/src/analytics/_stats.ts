// Internal numeric helpers on typed arrays (not re-exported).

/** Sorts `buf[0..len)` ascending in place; insertion sort for short runs, native sort otherwise. */
export function sortPrefix(buf: Int32Array | Float64Array, len: number): void {
  if (len > 24) {
    buf.subarray(0, len).sort();
    return;
  }
  for (let i = 1; i < len; i++) {
    const v = buf[i]!;
    let j = i - 1;
    while (j >= 0 && buf[j]! > v) {
      buf[j + 1] = buf[j]!;
      j--;
    }
    buf[j + 1] = v;
  }
}

/**
 * Quantile `q` of the ascending `sorted[from..to)`, linear interpolation between closest ranks
 * (Hyndman–Fan type 7, the default of R, NumPy and DuckDB `quantile_cont`). NaN when empty.
 * The median is q = 0.5: the middle value, or the mean of the two middle values.
 */
export function quantileSorted(sorted: Int32Array | Float64Array, from: number, to: number, q: number): number {
  const n = to - from;
  if (n <= 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const a = sorted[from + lo]!;
  if (lo + 1 >= n) return a;
  return a + (sorted[from + lo + 1]! - a) * (pos - lo);
}

/** Number of elements of ascending `sorted` strictly less than `v`. */
export function countBelow(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of elements of ascending `sorted` less than or equal to `v`. */
export function countAtOrBelow(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An append-only Int32 column that doubles its capacity; `view()` returns the filled part. */
export class GrowableInt32 {
  #buf: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.#buf = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.#buf.length) {
      const next = new Int32Array(this.#buf.length * 2);
      next.set(this.#buf);
      this.#buf = next;
    }
    this.#buf[this.length++] = v;
  }
  /** Copy of the filled prefix, trimmed to `length`. */
  toArray(): Int32Array {
    return this.#buf.slice(0, this.length);
  }
}

/** Min and max of a day column (`[0, -1]` when empty). */
export function dayRange(day: Int32Array): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < day.length; k++) {
    const d = day[k]!;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return day.length === 0 ? [0, -1] : [lo, hi];
}
