/**
 * Aliyun SMS (dysmsapi 2017-05-25 `SendSms`, RPC style) as a huitou Channel: a signed GET with the common
 * parameters and PhoneNumbers / SignName / TemplateCode / TemplateParam / OutId (= our idempotency key),
 * answers mapped through {@link aliyunCodeOutcome}. One recipient per request.
 */
import { randomUUID } from 'node:crypto';
import type { Channel, OutboundMessage, SendOutcome } from '../channel.ts';
import { ALIYUN_CODES, aliyunCodeOutcome } from './aliyun-codes.ts';
import { aliyunSignedQuery } from './aliyun-signature.ts';
import { billedSegments, DEFAULT_TIMEOUT_MS, smsCapabilities, type SmsClientCommonConfig } from './sms-channel-config.ts';
import { parseRetryAfterMs, permanentFailure } from './sms-failure.ts';
import { httpExchange, isOutcome, outcomeFromStatus, parseJsonObject, stringField } from './sms-http.ts';
import { aliyunPhone, parseSmsRecipient } from './sms-phone.ts';

export const ALIYUN_DEFAULT_ENDPOINT = 'https://dysmsapi.aliyuncs.com';
/** reliability.md §2: Aliyun appends "回T退订" to marketing SMS. Override with `appendedOptOutText`. */
export const ALIYUN_DEFAULT_OPT_OUT = '回T退订';

export interface AliyunSmsConfig extends SmsClientCommonConfig {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** RegionId (default `cn-hangzhou`). */
  readonly regionId?: string;
  /** SignatureNonce source (default: random UUID). */
  readonly nonce?: () => string;
}

/** Aliyun's Timestamp: ISO 8601 UTC without milliseconds, e.g. `2017-07-12T02:42:19Z`. */
export function aliyunTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** The unsigned parameter set of one SendSms request (common + action parameters). */
export function aliyunSendSmsParams(config: AliyunSmsConfig, phone: string, templateCode: string, templateParam: Readonly<Record<string, string>>, outId: string, now: Date, nonce: string): Record<string, string> {
  const params: Record<string, string> = {
    AccessKeyId: config.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    RegionId: config.regionId ?? 'cn-hangzhou',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: nonce,
    SignatureVersion: '1.0',
    Timestamp: aliyunTimestamp(now),
    Version: '2017-05-25',
    PhoneNumbers: phone,
    SignName: config.signName,
    TemplateCode: templateCode,
  };
  if (Object.keys(templateParam).length > 0) params['TemplateParam'] = JSON.stringify(templateParam);
  if (outId !== '') params['OutId'] = outId;
  return params;
}

/** Builds an Aliyun SMS channel; no I/O until `send`. */
export function createAliyunSmsChannel(config: AliyunSmsConfig): Channel {
  const capabilities = smsCapabilities(config);
  const endpoint = (config.endpoint ?? ALIYUN_DEFAULT_ENDPOINT).replace(/\/+$/, '');
  const clock = config.now ?? (() => new Date());
  const nonce = config.nonce ?? randomUUID;

  async function send(message: OutboundMessage, signal?: AbortSignal): Promise<SendOutcome> {
    if (message.template === null) return permanentFailure('bad_request', 'Aliyun SMS sends by template: the message has no template');
    const recipient = parseSmsRecipient(message.to);
    if (recipient === null) return permanentFailure('invalid_recipient', `not a phone number: ${message.to}`);
    const billed = billedSegments(config, message, ALIYUN_DEFAULT_OPT_OUT);
    if (capabilities.maxChars !== null && billed.chars > capabilities.maxChars) {
      return permanentFailure('rejected_content', `${billed.chars} characters exceed the ${capabilities.maxChars}-character limit`);
    }
    const now = clock();
    const params = aliyunSendSmsParams(config, aliyunPhone(recipient), message.template.id, message.template.params, message.idempotencyKey, now, nonce());
    const url = `${endpoint}/?${aliyunSignedQuery(params, config.accessKeySecret)}`;
    const answer = await httpExchange({ url, method: 'GET', headers: { accept: 'application/json' }, body: null }, config.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal);
    if (isOutcome(answer)) return answer;
    const json = parseJsonObject(answer.text);
    const code = stringField(json, 'Code');
    const detail = stringField(json, 'Message') ?? answer.text.slice(0, 200);
    if (code === 'OK' && answer.status >= 200 && answer.status < 300) {
      const bizId = stringField(json, 'BizId');
      if (bizId !== null && bizId !== '') return { ok: true, providerMessageId: bizId, segments: billed.segments };
      return permanentFailure('bad_request', 'aliyun answered OK without a BizId');
    }
    const retryAfterMs = parseRetryAfterMs(answer.headers.get('retry-after'), now);
    // 429, and 5xx with a code we do not list explicitly, are classified by status (transient).
    if (answer.status === 429 || (answer.status >= 500 && (code === null || !(code in ALIYUN_CODES)))) return outcomeFromStatus(answer, now, code ?? detail);
    const mapped = code === null ? null : aliyunCodeOutcome(code, detail, retryAfterMs);
    return mapped ?? outcomeFromStatus(answer, now, code === null ? detail : `${code}: ${detail}`);
  }

  return { capabilities, send };
}
