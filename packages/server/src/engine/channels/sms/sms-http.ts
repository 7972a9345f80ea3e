/**
 * One HTTP exchange with a provider under a deadline. Network errors, timeouts and caller aborts come back
 * as transient SendOutcomes (the provider may or may not have accepted the message: the idempotency key
 * covers the retry); HTTP answers come back raw for the provider-specific parser. Never throws.
 */
import type { SendOutcome } from '../channel.ts';
import { parseRetryAfterMs, permanentFailure, transientFailure } from './sms-failure.ts';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

/** Performs the request, reading the whole body before the deadline; failures are transient outcomes. */
export async function httpExchange(request: HttpRequest, timeoutMs: number, signal?: AbortSignal): Promise<HttpAnswer | SendOutcome> {
  // A plain controller + timer cleared at the end: AbortSignal.timeout/any keep a timer and listeners
  // alive for the whole deadline, which costs a lot under thousands of sends per second.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = (): void => controller.abort();
  if (signal?.aborted === true) controller.abort();
  else signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === null ? {} : { body: request.body }),
      signal: controller.signal,
      redirect: 'error',
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (error: unknown) {
    if (timedOut) return transientFailure('timeout', `no answer within ${timeoutMs} ms`);
    if (signal?.aborted === true) return transientFailure('network', 'aborted by the caller');
    const detail = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return transientFailure('network', `network error: ${detail}`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** True when httpExchange produced an outcome instead of an answer. */
export function isOutcome(value: HttpAnswer | SendOutcome): value is SendOutcome {
  return 'ok' in value;
}

/** Classification by HTTP status alone, for answers whose body carries no known provider code. */
export function outcomeFromStatus(answer: HttpAnswer, now: Date, detail: string): SendOutcome {
  const retryAfterMs = parseRetryAfterMs(answer.headers.get('retry-after'), now);
  if (answer.status === 429) return transientFailure('rate_limited', `HTTP 429: ${detail}`, retryAfterMs);
  if (answer.status >= 500) return transientFailure('server_error', `HTTP ${answer.status}: ${detail}`, retryAfterMs);
  if (answer.status === 401 || answer.status === 403) return permanentFailure('auth', `HTTP ${answer.status}: ${detail}`);
  return permanentFailure('bad_request', `HTTP ${answer.status}: ${detail}`);
}

/** Parses a JSON object body; null when it is not JSON or not an object. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A string field of a parsed JSON object, else null. */
export function stringField(object: Record<string, unknown> | null, key: string): string | null {
  const value = object?.[key];
  return typeof value === 'string' ? value : null;
}
