/**
 * The provider-neutral part of a send request, after authentication: fault injection, idempotency,
 * recipient and template checks, recording. Each protocol handler renders the result in its own format.
 */
import { countSmsSegments } from '../channels/sms/sms-segments.ts';
import { parseSmsRecipient } from '../channels/sms/sms-phone.ts';
import type { FaultInjector } from './sim-faults.ts';
import type { SimState } from './sim-state.ts';
import type { SimMessage, SimPermanentReason, SimProvider } from './sim-types.ts';

export interface SimContext {
  readonly state: SimState;
  readonly faults: FaultInjector;
  readonly templates: Readonly<Record<string, string>> | null;
}

export interface SendInput {
  readonly provider: SimProvider;
  readonly phones: readonly string[];
  readonly signName: string;
  readonly templateId: string;
  readonly params: Readonly<Record<string, string>>;
  readonly key: string | null;
  /** Aliyun: one refused number refuses the whole request; Tencent answers per number. */
  readonly allOrNothing: boolean;
  /** One id for the whole request (Aliyun BizId) or one per number (Tencent SerialNo). */
  readonly sharedId: boolean;
  readonly newId: () => string;
}

export type PhoneResult =
  | { readonly phone: string; readonly status: 'accepted' | 'duplicate'; readonly message: SimMessage }
  | { readonly phone: string; readonly status: 'refused'; readonly reason: SimPermanentReason };

export type SendResult =
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number }
  | { readonly kind: 'server_error'; readonly status: number }
  | { readonly kind: 'hang'; readonly ms: number }
  | { readonly kind: 'done'; readonly delayMs: number; readonly results: readonly PhoneResult[] };

/** Renders `${name}` (Aliyun) and `{1}` (Tencent) placeholders; null when a parameter is missing. */
export function renderTemplate(text: string, params: Readonly<Record<string, string>>): string | null {
  let missing = false;
  const rendered = text.replace(/\$\{(\w+)\}|\{(\d+)\}/g, (_all, name: string | undefined, index: string | undefined) => {
    const value = params[name ?? index ?? ''];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? null : rendered;
}

type Checked = { readonly phone: string; readonly e164: string; readonly duplicate: SimMessage | null } | { readonly phone: string; readonly reason: SimPermanentReason };

/** Runs one authenticated send request through faults, idempotency, checks and recording. */
export function processSend(ctx: SimContext, input: SendInput, nowMs: number): SendResult {
  const { state } = ctx;
  const fault = ctx.faults.next(nowMs);
  switch (fault.kind) {
    case 'throttled':
      state.stats.rateLimited += 1;
      return { kind: 'throttled', retryAfterSeconds: fault.retryAfterSeconds };
    case 'rate_limited':
      state.stats.injectedRateLimits += 1;
      return { kind: 'throttled', retryAfterSeconds: fault.retryAfterSeconds ?? 1 };
    case 'server_error':
      state.stats.injectedServerErrors += 1;
      return { kind: 'server_error', status: fault.status ?? 500 };
    case 'hang':
      state.stats.injectedHangs += 1;
      return { kind: 'hang', ms: fault.ms };
    default:
      break;
  }
  const forced = fault.kind === 'permanent' ? fault.reason : null;
  const delayMs = fault.kind === 'delay' ? fault.ms : 0;
  if (delayMs > 0) state.stats.injectedDelays += 1;

  let text: string | null = null;
  let contentProblem: SimPermanentReason | null = forced;
  if (contentProblem === null && ctx.templates !== null) {
    const template = ctx.templates[input.templateId];
    const rendered = template === undefined ? null : renderTemplate(template, input.params);
    if (template === undefined) contentProblem = 'unknown_template';
    else if (rendered === null) contentProblem = 'missing_params';
    else text = `【${input.signName}】${rendered}`;
  }

  const checked: Checked[] = input.phones.map((phone) => {
    const recipient = parseSmsRecipient(phone);
    if (recipient === null) return { phone, reason: 'invalid_recipient' };
    const duplicate = state.findDuplicate(input.provider, input.key, recipient.e164);
    if (duplicate !== null) return { phone, e164: recipient.e164, duplicate };
    const problem = forced ?? ctx.faults.recipientProblem(recipient.e164) ?? contentProblem;
    return problem === null ? { phone, e164: recipient.e164, duplicate: null } : { phone, reason: problem };
  });

  const refusedAny = checked.some((entry) => 'reason' in entry);
  if (input.allOrNothing && refusedAny) {
    state.stats.permanentErrors += 1;
    return { kind: 'done', delayMs, results: checked.filter((entry) => 'reason' in entry).map((entry) => ({ phone: entry.phone, status: 'refused', reason: (entry as { reason: SimPermanentReason }).reason })) };
  }

  const segments = text === null ? 1 : Math.max(1, countSmsSegments(text).segments);
  const time = new Date(nowMs).toISOString();
  let shared: string | null = null;
  const results: PhoneResult[] = checked.map((entry): PhoneResult => {
    if ('reason' in entry) {
      state.stats.permanentErrors += 1;
      return { phone: entry.phone, status: 'refused', reason: entry.reason };
    }
    if (entry.duplicate !== null) {
      state.stats.duplicates += 1;
      return { phone: entry.phone, status: 'duplicate', message: entry.duplicate };
    }
    const id = input.sharedId ? (shared ??= input.newId()) : input.newId();
    const message: SimMessage = {
      time, provider: input.provider, phone: entry.e164, signName: input.signName, templateId: input.templateId,
      params: input.params, idempotencyKey: input.key, text, segments, providerMessageId: id,
    };
    state.record(message);
    return { phone: entry.phone, status: 'accepted', message };
  });
  return { kind: 'done', delayMs, results };
}
