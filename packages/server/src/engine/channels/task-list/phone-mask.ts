/**
 * Phone masking for task lists shown to staff without the PII permission (PIPL art. 51): the first three
 * and last four digits of the national number stay visible, as in `138****1234`.
 */

/** Masks a CN 11-digit or E.164 number; anything with fewer than 7 digits becomes all stars. */
export function maskPhone(phone: string): string {
  const trimmed = phone.trim();
  if (trimmed === '') return '';
  const e164 = /^\+(86)?(\d+)$/.exec(trimmed.replace(/[\s-]/g, ''));
  const prefix = e164 === null ? '' : `+${e164[1] ?? ''}`;
  const digits = e164 === null ? trimmed.replace(/\D/g, '') : e164[2]!;
  if (digits.length < 7) return prefix + '*'.repeat(Math.max(digits.length, 4));
  return `${prefix}${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
