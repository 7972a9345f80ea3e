/**
 * Decides which fault, if any, a send request meets: the rolling-second rate limit first, then the next
 * scripted fault, then a seeded random transient 500 at `failureRate`. Number rules (invalid suffixes,
 * unsubscribed numbers) are checked per recipient.
 */
import { parseSmsRecipient } from '../channels/sms/sms-phone.ts';
import type { SimFailureConfig, SimFault, SimPermanentReason } from './sim-types.ts';

/** mulberry32: tiny seeded PRNG, enough for failure draws. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type RequestFault = SimFault | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

/** Stateful fault source; replace its configuration at any time with `configure`. */
export class FaultInjector {
  #config: SimFailureConfig = {};
  #script: SimFault[] = [];
  #random: () => number = seededRandom(1);
  #window: number[] = [];
  #unsubscribed = new Set<string>();

  constructor(config: SimFailureConfig) {
    this.configure(config);
  }

  get config(): SimFailureConfig {
    return this.#config;
  }

  /** Replaces the whole configuration and restarts the script and the random sequence. */
  configure(config: SimFailureConfig): void {
    this.#config = config;
    this.#script = [...(config.script ?? [])];
    this.#random = seededRandom(config.seed ?? 1);
    this.#window = [];
    this.#unsubscribed = new Set((config.unsubscribed ?? []).map((phone) => parseSmsRecipient(phone)?.e164 ?? phone));
  }

  /** The fault for the next authenticated send request at time `nowMs`. */
  next(nowMs: number): RequestFault {
    const limit = this.#config.maxPerSecond ?? null;
    if (limit !== null && limit > 0) {
      while (this.#window.length > 0 && (this.#window[0] ?? 0) <= nowMs - 1000) this.#window.shift();
      if (this.#window.length >= limit) {
        const oldest = this.#window[0] ?? nowMs;
        return { kind: 'throttled', retryAfterSeconds: Math.max(1, Math.ceil((oldest + 1000 - nowMs) / 1000)) };
      }
      this.#window.push(nowMs);
    }
    const scripted = this.#script.shift();
    if (scripted !== undefined) return scripted;
    const rate = this.#config.failureRate ?? 0;
    if (rate > 0 && this.#random() < rate) return { kind: 'server_error' };
    const delay = this.#config.delayMs ?? 0;
    return delay > 0 ? { kind: 'delay', ms: delay } : { kind: 'ok' };
  }

  /** Recipient rules: invalid suffixes (default 0000) and provider-side unsubscribes. */
  recipientProblem(e164: string): SimPermanentReason | null {
    const suffixes = this.#config.invalidSuffixes ?? ['0000'];
    if (suffixes.some((suffix) => suffix !== '' && e164.endsWith(suffix))) return 'invalid_recipient';
    if (this.#unsubscribed.has(e164)) return 'unsubscribed';
    return null;
  }
}
