/**
 * One interface for every way huitou reaches a customer. Shared code never branches on a channel's name:
 * each channel declares its capabilities (cost, rate limit, length rules, quiet-hours class), and send
 * failures are a tagged union whose non-retryable subset is part of the type, so the sender retries by
 * type, never by string matching.
 */
export type ChannelKind = 'sms' | 'email' | 'webhook' | 'task';

export interface ChannelCapabilities {
  readonly kind: ChannelKind;
  /** Cost of one message (one SMS segment) in cents of the shop's currency. */
  readonly costPerMessageCents: number;
  /** Provider rate limit the sender must respect. */
  readonly maxPerSecond: number;
  /** Characters per billed segment (SMS: 70 for text with Chinese, longer messages are split in 67s). */
  readonly segmentChars: number | null;
  /** Longest body accepted. */
  readonly maxChars: number | null;
  /** Whether marketing messages must respect the recipient's quiet hours on this channel. */
  readonly quietHours: boolean;
  /** Whether the provider de-duplicates on our idempotency key. */
  readonly idempotencyKeys: boolean;
}

/** A rendered message ready to leave. */
export interface OutboundMessage {
  /** Stable per (campaign, occurrence, customer, channel): the provider de-duplicates on it. */
  readonly idempotencyKey: string;
  readonly touchId: number;
  readonly kind: 'care' | 'marketing';
  /** Phone (E.164 or CN 11 digits), email address, webhook URL or task-list name. */
  readonly to: string;
  readonly subject: string | null;
  readonly body: string;
  /** Email: the RFC 8058 one-click unsubscribe URL. */
  readonly unsubscribeUrl: string | null;
  /** Provider template id and parameters (Aliyun/Tencent SMS send templates by id). */
  readonly template: { readonly id: string; readonly params: Readonly<Record<string, string>> } | null;
  readonly metadata: Readonly<Record<string, string>>;
}

export type TransientReason = 'timeout' | 'rate_limited' | 'server_error' | 'network';
export type PermanentReason = 'invalid_recipient' | 'rejected_content' | 'unsubscribed' | 'auth' | 'bad_request';

/** Worth retrying, with backoff (and after retryAfterMs when the provider said so). */
export interface TransientFailure {
  readonly type: 'transient';
  readonly reason: TransientReason;
  readonly retryAfterMs: number | null;
  readonly message: string;
}

/** Never retried: the message goes to dead-letter at once. */
export interface PermanentFailure {
  readonly type: 'permanent';
  readonly reason: PermanentReason;
  readonly message: string;
}

export type SendFailure = TransientFailure | PermanentFailure;

export type SendOutcome =
  | { readonly ok: true; readonly providerMessageId: string; readonly segments: number }
  | { readonly ok: false; readonly failure: SendFailure };

export interface Channel {
  readonly capabilities: ChannelCapabilities;
  /** Sends one message; never throws for provider answers (they are SendOutcome), only for bugs. */
  send(message: OutboundMessage, signal?: AbortSignal): Promise<SendOutcome>;
  close?(): Promise<void>;
}
