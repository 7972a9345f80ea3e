/**
 * Small constructors for the SendFailure union plus the time arithmetic SMS providers force on us:
 * Retry-After parsing and "until the next Beijing-time hour" for daily caps and marketing send windows.
 */
import type { PermanentReason, SendOutcome, TransientReason } from '../channel.ts';

/** A transient failure outcome (retried with backoff, after `retryAfterMs` when known). */
export function transientFailure(reason: TransientReason, message: string, retryAfterMs: number | null = null): SendOutcome {
  return { ok: false, failure: { type: 'transient', reason, retryAfterMs, message } };
}

/** A permanent failure outcome (dead-lettered at once). */
export function permanentFailure(reason: PermanentReason, message: string): SendOutcome {
  return { ok: false, failure: { type: 'permanent', reason, message } };
}

/** Retry-After as milliseconds: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfterMs(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** Milliseconds from `now` until the next hh:00 in Asia/Shanghai (UTC+8, no DST). */
export function msUntilShanghaiHour(now: Date, hour: number): number {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const target = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour, 0, 0, 0);
  const next = target > local.getTime() ? target : target + 24 * 3600 * 1000;
  return next - local.getTime();
}
