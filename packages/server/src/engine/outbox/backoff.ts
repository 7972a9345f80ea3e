/**
 * Retry timing for transient send failures: exponential backoff with full jitter (a random delay in
 * [0, min(max, base·2^(attempt−1))]), never sooner than the provider's Retry-After.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Attempts (including stalled leases) after which a touch is dead-lettered. */
  readonly maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = Object.freeze({ baseMs: 2_000, maxMs: 10 * 60_000, maxAttempts: 8 });

/** Delay before the next try after `attempt` tries (1-based). `random` returns [0, 1). */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, retryAfterMs: number | null, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(random() * cap);
  return Math.max(jittered, retryAfterMs ?? 0);
}
