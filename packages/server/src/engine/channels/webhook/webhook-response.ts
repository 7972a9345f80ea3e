/**
 * Classifies webhook responses: 2xx ok; 408, 429 and 5xx transient (Retry-After honoured, as seconds or an
 * HTTP date); redirects and other 4xx permanent. WeCom robots answer HTTP 200 with an `errcode` that decides.
 */
import type { PermanentReason, SendFailure } from '../channel.ts';

const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000;

/** Milliseconds to wait from a Retry-After value, or null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.min(Math.max(at - nowMs, 0), MAX_RETRY_AFTER_MS);
}

/** The failure for a non-2xx HTTP status. */
export function httpFailure(status: number, retryAfter: string | null, nowMs: number, detail: string): SendFailure {
  const message = `HTTP ${status}${detail === '' ? '' : `: ${detail}`}`;
  if (status === 429) return { type: 'transient', reason: 'rate_limited', retryAfterMs: parseRetryAfter(retryAfter, nowMs), message };
  if (status >= 500) return { type: 'transient', reason: 'server_error', retryAfterMs: parseRetryAfter(retryAfter, nowMs), message };
  if (status === 408) return { type: 'transient', reason: 'timeout', retryAfterMs: parseRetryAfter(retryAfter, nowMs), message };
  let reason: PermanentReason = 'bad_request';
  if (status === 401 || status === 403) reason = 'auth';
  else if (status === 404 || status === 410) reason = 'invalid_recipient';
  else if (status === 413 || status === 422) reason = 'rejected_content';
  return { type: 'permanent', reason, message: status >= 300 && status < 400 ? `${message} (redirects are not followed; configure the final URL)` : message };
}

/** WeCom robot answer: null when errcode is 0, otherwise the failure it means. */
export function wecomFailure(responseText: string): SendFailure | null {
  let errcode: unknown;
  let errmsg: unknown;
  try {
    const parsed = JSON.parse(responseText) as unknown;
    if (typeof parsed === 'object' && parsed !== null) ({ errcode, errmsg } = parsed as Record<string, unknown>);
  } catch {
    return { type: 'transient', reason: 'server_error', retryAfterMs: null, message: 'WeCom answered with something other than JSON' };
  }
  if (errcode === 0) return null;
  const message = `WeCom errcode ${String(errcode)}: ${typeof errmsg === 'string' ? errmsg.slice(0, 200) : ''}`;
  if (errcode === 45009 || errcode === 45033) return { type: 'transient', reason: 'rate_limited', retryAfterMs: 60_000, message };
  if (errcode === -1 || typeof errcode !== 'number') return { type: 'transient', reason: 'server_error', retryAfterMs: null, message };
  if (errcode === 93000) return { type: 'permanent', reason: 'invalid_recipient', message };
  if (errcode === 40014 || errcode === 40001) return { type: 'permanent', reason: 'auth', message };
  if (errcode === 44004 || errcode === 40058) return { type: 'permanent', reason: 'rejected_content', message };
  return { type: 'permanent', reason: 'bad_request', message };
}
