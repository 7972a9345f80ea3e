/**
 * Order id checks: ids that went through Excel lose digits (`5.11861E+18`, `5118612345678900000.00`)
 * and cannot be repaired; they must be rejected, not imported as wrong ids.
 */

/** Result of checking an order id cell (already cleaned). */
export type OrderIdCheck =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly code: 'missing_order_id' | 'order_id_scientific'; readonly message: string };

const LOST =
  'digits were lost when the file was re-saved in Excel and cannot be recovered; export the orders again from the platform';

/**
 * Validates an order id. Rejects scientific notation and `.00` tails; a `<up to 15 digits>.0` tail
 * (a float conversion that is still exact) is stripped.
 * @example checkOrderId('5.11861E+18') // { ok: false, code: 'order_id_scientific', … }
 */
export function checkOrderId(id: string, column = 'order id'): OrderIdCheck {
  if (id === '') return { ok: false, code: 'missing_order_id', message: `${column} is empty` };
  const c0 = id.charCodeAt(0);
  if (c0 >= 0x30 && c0 <= 0x39) {
    if (isScientific(id)) {
      return { ok: false, code: 'order_id_scientific', message: `${column} "${id}" is in scientific notation: ${LOST}` };
    }
    const dot = id.indexOf('.');
    if (dot > 0 && allDigits(id, 0, dot) && allZeros(id, dot + 1, id.length)) {
      const zeros = id.length - dot - 1;
      if (zeros === 1 && dot <= 15) return { ok: true, id: id.slice(0, dot) };
      return { ok: false, code: 'order_id_scientific', message: `${column} "${id}" ends in .${'0'.repeat(zeros)}: ${LOST}` };
    }
  }
  return { ok: true, id };
}

function isScientific(s: string): boolean {
  const e = s.search(/[eE]/);
  if (e <= 0) return false;
  return /^\d+(\.\d+)?[eE][+-]?\d+$/.test(s);
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return to > from;
}

function allZeros(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) !== 0x30) return false;
  return to > from;
}
