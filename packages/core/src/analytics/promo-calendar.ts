import { civilFromDay } from './calendar.ts';

/** A yearly promotion: its date and how many days around it are distorted by stock-up buying. */
export interface PromoWindow {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Month 1–12 and day of month of the main promo day, every year. */
  readonly month: number;
  readonly dayOfMonth: number;
  /** Days before and after that also count as promo days. */
  readonly before: number;
  readonly after: number;
}

/** Promotion days: yearly windows plus one-off shop events (day numbers). */
export interface PromoCalendar {
  readonly windows: readonly PromoWindow[];
  readonly extraDays?: readonly number[];
}

/**
 * Default promo days, left out of cycle estimates:
 * - 双十一 11-11 ±3 days (11-08 … 11-14: pre-sale balance payments, the day itself, late shipping);
 * - 618 06-18 ±3 days (06-15 … 06-21);
 * - 双十二 12-12 ±1 day (12-11 … 12-13; a smaller event).
 */
export const DEFAULT_PROMO_CALENDAR: PromoCalendar = {
  windows: [
    { code: 'double_11', zh: '双十一', en: 'Singles Day (11.11)', month: 11, dayOfMonth: 11, before: 3, after: 3 },
    { code: '618', zh: '618', en: '618 mid-year sale', month: 6, dayOfMonth: 18, before: 3, after: 3 },
    { code: 'double_12', zh: '双十二', en: 'Double 12 (12.12)', month: 12, dayOfMonth: 12, before: 1, after: 1 },
  ],
};

/** A calendar with no promo days (every interval is used). */
export const NO_PROMO_CALENDAR: PromoCalendar = { windows: [] };

/** Promo flags for a day range, for O(1) look-ups in hot loops. */
export interface PromoMask {
  readonly fromDay: number;
  /** `flags[d - fromDay]` is 1 on promo days. */
  readonly flags: Uint8Array;
}

/** Builds the promo flags for `fromDay … toDay` inclusive. */
export function buildPromoMask(calendar: PromoCalendar, fromDay: number, toDay: number): PromoMask {
  const len = Math.max(0, toDay - fromDay + 1);
  const flags = new Uint8Array(len);
  if (calendar.windows.length > 0) {
    // Visit days a little outside the range too, so a window whose main day falls just outside
    // still flags its edge days inside.
    const pad = calendar.windows.reduce((mx, w) => Math.max(mx, w.before, w.after), 0);
    for (let k = -pad; k < len + pad; k++) {
      const [, mo, d] = civilFromDay(fromDay + k);
      for (const w of calendar.windows) {
        if (w.month !== mo || w.dayOfMonth !== d) continue;
        for (let z = k - w.before; z <= k + w.after; z++) if (z >= 0 && z < len) flags[z] = 1;
      }
    }
  }
  for (const d of calendar.extraDays ?? []) if (d >= fromDay && d <= toDay) flags[d - fromDay] = 1;
  return { fromDay, flags };
}

/** Whether `day` is a promo day (days outside the mask's range are not). */
export function isPromoDay(mask: PromoMask, day: number): boolean {
  return mask.flags[day - mask.fromDay] === 1;
}
