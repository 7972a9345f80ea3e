/**
 * Synthetic Taobao order numbers: 18 digits before 2020, 19 from 2020 on, unique per export for
 * up to 10⁹ orders (they embed a bijective scramble of the running order counter).
 *
 * Layout: `5` · (`1` from 2020) · days since 2000-01-01 (4 digits) · counter ÷ 10⁸ (1 digit) ·
 * scrambled counter mod 10⁸ (8 digits) · customer index mod 10⁴ (4 digits, like Taobao's buyer tail).
 */
import { daysFromCivil } from './calendar.ts';

const EPOCH_2000 = daysFromCivil(2000, 1, 1);
const DAY_2020 = daysFromCivil(2020, 1, 1);

/** Bijection on 0..99,999,999 (multiplier coprime with 10⁸; products stay below 2⁵³). */
export function scramble8(n: number): number {
  return (n * 48_271 + 31_415_927) % 100_000_000;
}

/** The 订单编号 digits of the `counter`-th order (0-based) of customer `customerIndex` created on `day`. */
export function orderNumber(counter: number, day: number, customerIndex: number): string {
  const lead = day >= DAY_2020 ? '51' : '5';
  // Fixed-width digits without padStart: 10^k + x, then drop the leading 1.
  const days = String(10_000 + ((day - EPOCH_2000) % 10_000)).slice(1);
  const highAndBody = String(1_000_000_000 + (Math.floor(counter / 100_000_000) % 10) * 100_000_000 + scramble8(counter % 100_000_000)).slice(1);
  const tail = String(10_000 + (customerIndex % 10_000)).slice(1);
  return `${lead}${days}${highAndBody}${tail}`;
}

/** A 12-digit tracking-number body for the `counter`-th order. */
export function trackingDigits(counter: number): number {
  return 100_000_000_000 + ((counter * 7_919 + 123_457) % 900_000_000_000);
}
