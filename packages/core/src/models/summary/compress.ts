/**
 * Compress (x, t_x, T) rows to unique tuples with integer weights, so that likelihood
 * evaluations cost O(unique tuples). Open addressing on the bit patterns of the three doubles:
 * O(n), no per-row allocation.
 */

/** Weighted RFM rows; `weight[i]` is the number of customers sharing the tuple. */
export interface WeightedRfm {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
}

const scratch = new Float64Array(1);
const bits = new Uint32Array(scratch.buffer);

function mix(h: number, v: number): number {
  scratch[0] = v === 0 ? 0 : v; // fold −0 into 0
  h = Math.imul(h ^ bits[0]!, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ bits[1]!, 0x85ebca77);
  return h ^ (h >>> 13);
}

/** Unique (x, t_x, T) tuples with weights (existing weights are summed when given). */
export function compressRfm(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, weight?: ArrayLike<number>): WeightedRfm {
  const n = x.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slot = new Int32Array(size).fill(-1);
  const ux = new Float64Array(n), ut = new Float64Array(n), uT = new Float64Array(n), uw = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!, ti = tx[i]!, Ti = T[i]!;
    let h = mix(mix(mix(0x12345, xi), ti), Ti) & mask;
    for (;;) {
      const s = slot[h]!;
      if (s < 0) {
        slot[h] = m;
        ux[m] = xi; ut[m] = ti; uT[m] = Ti; uw[m] = weight?.[i] ?? 1;
        m++;
        break;
      }
      if (ux[s] === xi && ut[s] === ti && uT[s] === Ti) {
        uw[s] = uw[s]! + (weight?.[i] ?? 1);
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return { x: ux.slice(0, m), tx: ut.slice(0, m), T: uT.slice(0, m), weight: uw.slice(0, m) };
}
