/**
 * Configuration shared by the SMS provider clients, and the capabilities they declare to the sender.
 */
import type { ChannelCapabilities, OutboundMessage } from '../channel.ts';
import { billedSmsText, countSmsSegments, UCS2_SINGLE } from './sms-segments.ts';

export interface SmsClientCommonConfig {
  /** Base URL of the API; defaults to the real provider host. Tests point it at the simulator. */
  readonly endpoint?: string;
  /** Approved signature (签名) without brackets, e.g. `回头客示范店`. */
  readonly signName: string;
  /** Whole-exchange deadline in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  /** Provider rate limit the sender must respect (declared, not enforced here; default 50/s). */
  readonly maxPerSecond?: number;
  /** Price of one billed segment in cents of the shop's currency (default 4.5: about ¥0.045). */
  readonly costPerSegmentCents?: number;
  /** Longest billed text accepted, signature and opt-out included (default 500, both providers' long-SMS cap). */
  readonly maxChars?: number;
  /** Phrase the provider appends to marketing SMS, counted in the billed length; null for none. */
  readonly appendedOptOutText?: string | null;
  /**
   * Whether the provider de-duplicates on our idempotency key. The real Aliyun and Tencent APIs do not:
   * OutId / SessionContext are only echoed back. The simulator does, so tests and the demo set true.
   */
  readonly providerDedupes?: boolean;
  /** Clock, for signatures and Retry-After dates (default: the system clock). */
  readonly now?: () => Date;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_PER_SECOND = 50;
export const DEFAULT_COST_PER_SEGMENT_CENTS = 4.5;
export const DEFAULT_MAX_CHARS = 500;

/** Capabilities declared by an SMS client built from `config`. */
export function smsCapabilities(config: SmsClientCommonConfig): ChannelCapabilities {
  return {
    kind: 'sms',
    costPerMessageCents: config.costPerSegmentCents ?? DEFAULT_COST_PER_SEGMENT_CENTS,
    maxPerSecond: config.maxPerSecond ?? DEFAULT_MAX_PER_SECOND,
    segmentChars: UCS2_SINGLE,
    maxChars: config.maxChars ?? DEFAULT_MAX_CHARS,
    quietHours: true,
    idempotencyKeys: config.providerDedupes ?? false,
  };
}

/** Billed text and segments of a message under `config` (opt-out phrase only on marketing messages). */
export function billedSegments(config: SmsClientCommonConfig, message: OutboundMessage, defaultOptOut: string | null): { readonly chars: number; readonly segments: number } {
  const optOut = message.kind === 'marketing' ? (config.appendedOptOutText === undefined ? defaultOptOut : config.appendedOptOutText) : null;
  const text = billedSmsText({ signName: config.signName, body: message.body, optOutText: optOut });
  return { chars: text.length, segments: countSmsSegments(text).segments };
}

/** Template parameters in order for positional templates (Tencent `{1}`, `{2}`…): numeric keys sorted, else insertion order. */
export function positionalParams(params: Readonly<Record<string, string>>): string[] {
  const keys = Object.keys(params);
  const numeric = keys.length > 0 && keys.every((key) => /^\d+$/.test(key));
  const ordered = numeric ? [...keys].sort((a, b) => Number(a) - Number(b)) : keys;
  return ordered.map((key) => params[key] ?? '');
}
