/**
 * Login throttling: at most `maxFailures` failed logins per key (a username, a client address) within
 * `windowMs`; then the key is blocked until its oldest counted failure leaves the window. In memory, per
 * process (a restart forgets it), and bounded: at most `maxKeys` keys are tracked.
 */
export interface RateLimitOptions {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly maxKeys: number;
}

export const LOGIN_RATE_LIMIT: RateLimitOptions = { maxFailures: 10, windowMs: 15 * 60 * 1000, maxKeys: 10_000 };

export class FailureLimiter {
  readonly #options: RateLimitOptions;
  readonly #failures = new Map<string, number[]>();

  constructor(options: RateLimitOptions = LOGIN_RATE_LIMIT) {
    this.#options = options;
  }

  /** Milliseconds until the first blocked key frees up, or 0 when none of the keys is blocked. */
  blockedFor(keys: readonly string[], nowMs: number): number {
    let wait = 0;
    for (const key of keys) {
      const times = this.#live(key, nowMs);
      if (times.length >= this.#options.maxFailures) wait = Math.max(wait, times[times.length - this.#options.maxFailures]! + this.#options.windowMs - nowMs);
    }
    return wait;
  }

  fail(keys: readonly string[], nowMs: number): void {
    for (const key of keys) {
      const times = this.#live(key, nowMs);
      times.push(nowMs);
      if (times.length > this.#options.maxFailures) times.splice(0, times.length - this.#options.maxFailures);
      this.#failures.delete(key);
      this.#failures.set(key, times);
    }
    this.#evict(nowMs);
  }

  clear(key: string): void {
    this.#failures.delete(key);
  }

  #live(key: string, nowMs: number): number[] {
    const times = (this.#failures.get(key) ?? []).filter((t) => nowMs - t < this.#options.windowMs);
    if (times.length === 0) this.#failures.delete(key);
    return times;
  }

  #evict(nowMs: number): void {
    if (this.#failures.size <= this.#options.maxKeys) return;
    for (const [key, times] of this.#failures) {
      if (times.every((t) => nowMs - t >= this.#options.windowMs)) this.#failures.delete(key);
    }
    // Still too many: forget the least recently failed keys (Map keeps insertion order; fail() re-inserts).
    for (const key of this.#failures.keys()) {
      if (this.#failures.size <= this.#options.maxKeys) break;
      this.#failures.delete(key);
    }
  }
}
