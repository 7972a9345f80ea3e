/**
 * When customers first buy, and at what time of day orders are placed.
 */
import { DOUBLE11_HOUR_WEIGHTS, HOUR_WEIGHTS, Promo, SECONDS_PER_DAY, type ShopCalendar } from './calendar.ts';
import { WeightedTable, type Rng } from './prng.ts';

const hours = new WeightedTable(HOUR_WEIGHTS);
const double11Hours = new WeightedTable(DOUBLE11_HOUR_WEIGHTS);

/**
 * Samples customer arrival times over the calendar's range: demand follows the calendar's daily
 * intensity (sales, 春节) times a gentle growth of the shop (0.7× at the start to 1.3× at the end).
 */
export class ArrivalSampler {
  readonly firstSeconds: number;
  readonly calendar: ShopCalendar;
  readonly #calendar: ShopCalendar;
  readonly #days: number;

  constructor(calendar: ShopCalendar) {
    this.calendar = calendar;
    this.#calendar = calendar;
    this.#days = calendar.lastDay - calendar.firstDay + 1;
    this.firstSeconds = calendar.firstDay * SECONDS_PER_DAY;
  }

  /** A first-order time (local seconds) by rejection sampling on intensity × growth. */
  sample(rng: Rng): number {
    const max = this.#calendar.maxIntensity * 1.3;
    for (;;) {
      const offset = rng.int(this.#days);
      const day = this.#calendar.firstDay + offset;
      const growth = 0.7 + (0.6 * offset) / Math.max(1, this.#days - 1);
      if (rng.next() * max < this.#calendar.intensity(day) * growth) return this.atHour(rng, day);
    }
  }

  /** A time on `day` following the hour-of-day curve (a midnight rush on 11-11). */
  atHour(rng: Rng, day: number): number {
    const hour = (this.#calendar.promo(day) === Promo.Double11 ? double11Hours : hours).sample(rng);
    return day * SECONDS_PER_DAY + hour * 3600 + rng.int(3600);
  }
}
