/**
 * Tencent Cloud SMS (API 3.0 `SendSms`, version 2021-01-11) as a huitou Channel: a JSON POST signed with
 * TC3-HMAC-SHA256 (signed headers content-type, host, x-tc-action), SessionContext = our idempotency key,
 * answers mapped through {@link tencentCodeOutcome}. One recipient per request; `Fee` is the billed segments.
 */
import type { Channel, OutboundMessage, SendOutcome } from '../channel.ts';
import { billedSegments, DEFAULT_TIMEOUT_MS, positionalParams, smsCapabilities, type SmsClientCommonConfig } from './sms-channel-config.ts';
import { parseRetryAfterMs, permanentFailure } from './sms-failure.ts';
import { httpExchange, isOutcome, outcomeFromStatus, parseJsonObject, stringField } from './sms-http.ts';
import { parseSmsRecipient } from './sms-phone.ts';
import { tc3Authorization } from './tencent-signature.ts';
import { tencentCodeOutcome } from './tencent-codes.ts';

export const TENCENT_DEFAULT_ENDPOINT = 'https://sms.tencentcloudapi.com';
export const TENCENT_SMS_VERSION = '2021-01-11';
export const TENCENT_CONTENT_TYPE = 'application/json; charset=utf-8';

export interface TencentSmsConfig extends SmsClientCommonConfig {
  readonly secretId: string;
  readonly secretKey: string;
  /** SmsSdkAppId of the SMS application, e.g. `1400006666`. */
  readonly sdkAppId: string;
  /** X-TC-Region (default `ap-guangzhou`). */
  readonly region?: string;
}

/** The request body of one SendSms call. */
export function tencentSendSmsBody(config: TencentSmsConfig, e164: string, templateId: string, params: Readonly<Record<string, string>>, sessionContext: string): string {
  return JSON.stringify({
    PhoneNumberSet: [e164],
    SmsSdkAppId: config.sdkAppId,
    SignName: config.signName,
    TemplateId: templateId,
    TemplateParamSet: positionalParams(params),
    SessionContext: sessionContext,
  });
}

function objectField(value: Record<string, unknown> | null, key: string): Record<string, unknown> | null {
  const field = value?.[key];
  return typeof field === 'object' && field !== null && !Array.isArray(field) ? (field as Record<string, unknown>) : null;
}

/** Builds a Tencent SMS channel; no I/O until `send`. */
export function createTencentSmsChannel(config: TencentSmsConfig): Channel {
  const capabilities = smsCapabilities(config);
  const endpoint = new URL(config.endpoint ?? TENCENT_DEFAULT_ENDPOINT);
  const clock = config.now ?? (() => new Date());

  async function send(message: OutboundMessage, signal?: AbortSignal): Promise<SendOutcome> {
    if (message.template === null) return permanentFailure('bad_request', 'Tencent SMS sends by template: the message has no template');
    const recipient = parseSmsRecipient(message.to);
    if (recipient === null) return permanentFailure('invalid_recipient', `not a phone number: ${message.to}`);
    const billed = billedSegments(config, message, null);
    if (capabilities.maxChars !== null && billed.chars > capabilities.maxChars) {
      return permanentFailure('rejected_content', `${billed.chars} characters exceed the ${capabilities.maxChars}-character limit`);
    }
    const now = clock();
    const timestamp = Math.floor(now.getTime() / 1000);
    const payload = tencentSendSmsBody(config, recipient.e164, message.template.id, message.template.params, message.idempotencyKey);
    const signed = { 'content-type': TENCENT_CONTENT_TYPE, host: endpoint.host, 'x-tc-action': 'sendsms' };
    const authorization = tc3Authorization(config, 'sms', timestamp, { method: 'POST', path: '/', query: '', headers: signed, payload });
    const headers = {
      'Content-Type': TENCENT_CONTENT_TYPE,
      'X-TC-Action': 'SendSms',
      'X-TC-Version': TENCENT_SMS_VERSION,
      'X-TC-Timestamp': String(timestamp),
      'X-TC-Region': config.region ?? 'ap-guangzhou',
      Authorization: authorization,
    };
    const answer = await httpExchange({ url: `${endpoint.origin}/`, method: 'POST', headers, body: payload }, config.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal);
    if (isOutcome(answer)) return answer;
    const response = objectField(parseJsonObject(answer.text), 'Response');
    const retryAfterMs = parseRetryAfterMs(answer.headers.get('retry-after'), now);
    const error = objectField(response, 'Error');
    const errorCode = stringField(error, 'Code');
    if (answer.status === 429 || (errorCode === null && answer.status >= 300)) return outcomeFromStatus(answer, now, errorCode ?? answer.text.slice(0, 200));
    if (errorCode !== null) return tencentCodeOutcome(errorCode, stringField(error, 'Message') ?? '', now, retryAfterMs);
    const statuses = response?.['SendStatusSet'];
    const first: unknown = Array.isArray(statuses) ? statuses[0] : undefined;
    const status = typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : null;
    const code = stringField(status, 'Code');
    if (status === null || code === null) return permanentFailure('bad_request', `tencent answer without SendStatusSet: ${answer.text.slice(0, 200)}`);
    if (code !== 'Ok') return tencentCodeOutcome(code, stringField(status, 'Message') ?? '', now, retryAfterMs);
    const serialNo = stringField(status, 'SerialNo');
    if (serialNo === null || serialNo === '') return permanentFailure('bad_request', 'tencent answered Ok without a SerialNo');
    const fee = status['Fee'];
    return { ok: true, providerMessageId: serialNo, segments: typeof fee === 'number' && fee > 0 ? fee : billed.segments };
  }

  return { capabilities, send };
}
