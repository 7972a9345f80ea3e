/** A token bucket: at most `perSecond` acquisitions per second on average, bursts up to `burst`. */
export class RateLimiter {
  readonly #perMs: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #last: number;

  /** The default burst (rate/50: 1 token up to 50/s) keeps any 1-second window within rate + 2 %, jitter included. */
  constructor(perSecond: number, burst = Math.max(1, Math.ceil(perSecond / 50)), now: () => number = () => performance.now()) {
    if (!(perSecond > 0)) throw new Error('rate must be positive');
    this.#perMs = perSecond / 1000;
    this.#burst = burst;
    this.#now = now;
    this.#tokens = burst;
    this.#last = now();
  }

  /** Milliseconds to wait before a token is free (0 when one is), taking it. */
  take(): number {
    const t = this.#now();
    this.#tokens = Math.min(this.#burst, this.#tokens + (t - this.#last) * this.#perMs);
    this.#last = t;
    this.#tokens -= 1;
    return this.#tokens >= 0 ? 0 : -this.#tokens / this.#perMs;
  }

  /** Waits for a token. */
  async acquire(): Promise<void> {
    const wait = this.take();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
  }
}
