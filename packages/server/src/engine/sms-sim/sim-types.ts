/**
 * Types of the SMS provider simulator: what it can be told to do wrong, what it records, what it counts.
 */

export type SimProvider = 'aliyun' | 'tencent';

/** Recipient- or content-level rejections, rendered as each provider's own business error code. */
export type SimPermanentReason = 'invalid_recipient' | 'unsubscribed' | 'rejected_content' | 'unknown_template' | 'missing_params';

/** One scripted answer to one send request. */
export type SimFault =
  /** Behave normally. */
  | { readonly kind: 'ok' }
  /** HTTP 500 (or `status`) with the provider's internal-error body; nothing accepted. */
  | { readonly kind: 'server_error'; readonly status?: number }
  /** HTTP 429 with `Retry-After` and the provider's throttling body; nothing accepted. */
  | { readonly kind: 'rate_limited'; readonly retryAfterSeconds?: number }
  /** Accept and record the message, then answer `ms` late (a client with a shorter deadline times out). */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Accept nothing and answer 503 after `ms` (a lost request). */
  | { readonly kind: 'hang'; readonly ms: number }
  /** Refuse with the provider's code for `reason`. */
  | { readonly kind: 'permanent'; readonly reason: SimPermanentReason };

export interface SimFailureConfig {
  /** Probability (0–1) that a send request gets a transient HTTP 500; seeded, so runs repeat. */
  readonly failureRate?: number;
  /** Answers for the next send requests, in order, before `failureRate` applies. */
  readonly script?: readonly SimFault[];
  /** Numbers ending in one of these are invalid (default `['0000']`). */
  readonly invalidSuffixes?: readonly string[];
  /** Numbers (any format) that have unsubscribed at the provider. */
  readonly unsubscribed?: readonly string[];
  /** Every accepted message is answered this many milliseconds late. */
  readonly delayMs?: number;
  /** Authenticated send requests per rolling second; beyond it → 429 with Retry-After. Null: unlimited. */
  readonly maxPerSecond?: number | null;
  /** Seed of the failure-rate draws (default 1). */
  readonly seed?: number;
}

export interface SimCredentials {
  readonly aliyun: { readonly accessKeyId: string; readonly accessKeySecret: string };
  readonly tencent: { readonly secretId: string; readonly secretKey: string; readonly sdkAppId: string };
}

/** Demo credentials the simulator accepts unless told otherwise (not secrets: nothing real accepts them). */
export const SIM_DEFAULT_CREDENTIALS: SimCredentials = {
  aliyun: { accessKeyId: 'sim-aliyun-key-id', accessKeySecret: 'sim-aliyun-key-secret' },
  tencent: { secretId: 'sim-tencent-secret-id', secretKey: 'sim-tencent-secret-key', sdkAppId: '1400000000' },
};

export interface SmsSimulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  readonly port?: number;
  /** Interface to bind (default 127.0.0.1). */
  readonly host?: string;
  readonly credentials?: SimCredentials;
  /** Append every accepted message as one JSON line to this file. */
  readonly recordFile?: string | null;
  readonly failures?: SimFailureConfig;
  /**
   * Template id → text, to render messages and bill them (Aliyun `${name}`, Tencent `{1}` placeholders).
   * When given, unknown templates and missing parameters are refused; when absent, any template is
   * accepted and billed as one segment.
   */
  readonly templates?: Readonly<Record<string, string>> | null;
  /** Where POST /sim/reply forwards replies (per provider), unless the reply names its own callbackUrl. */
  readonly replyCallbackUrls?: { readonly aliyun?: string; readonly tencent?: string };
  /** Sign name used for replies from numbers that never got a message (default `回头客示范店`). */
  readonly defaultSignName?: string;
}

/** One accepted message. */
export interface SimMessage {
  readonly time: string;
  readonly provider: SimProvider;
  /** E.164. */
  readonly phone: string;
  readonly signName: string;
  readonly templateId: string;
  /** Aliyun: the TemplateParam object; Tencent: `{ "1": …, "2": … }` from TemplateParamSet. */
  readonly params: Readonly<Record<string, string>>;
  readonly idempotencyKey: string | null;
  /** 【sign】 + rendered template, when the template text is known. */
  readonly text: string | null;
  readonly segments: number;
  readonly providerMessageId: string;
}

export interface SimStats {
  /** Every request on the provider endpoints, whatever became of it. */
  requests: number;
  /** Distinct messages recorded (a multi-number request counts each number). */
  accepted: number;
  /** Repeated idempotency keys answered with the original id and not recorded again. */
  duplicates: number;
  segments: number;
  authFailures: number;
  badRequests: number;
  rateLimited: number;
  injectedServerErrors: number;
  injectedRateLimits: number;
  injectedDelays: number;
  injectedHangs: number;
  permanentErrors: number;
  repliesForwarded: number;
  byProvider: { aliyun: number; tencent: number };
}

/** A customer's SMS reply to simulate. */
export interface SimReplyInput {
  readonly phone: string;
  readonly text: string;
  /** Which provider's inbound format to use (default: the provider that last messaged the number, else aliyun). */
  readonly provider?: SimProvider;
  readonly signName?: string;
  /** Aliyun dest_code / Tencent extend (extension number), default ''. */
  readonly extend?: string;
  readonly callbackUrl?: string;
}

export interface SimReplyResult {
  readonly provider: SimProvider;
  readonly callbackUrl: string;
  readonly payload: unknown;
  readonly status: number;
  readonly body: string;
}
