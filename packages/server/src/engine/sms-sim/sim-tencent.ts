/**
 * The simulator's Tencent Cloud SMS endpoint: `POST /` with `X-TC-Action: SendSms`, version 2021-01-11.
 * Verifies the TC3-HMAC-SHA256 Authorization over the headers it names (AuthFailure.SecretIdNotFound,
 * AuthFailure.SignatureFailure, AuthFailure.SignatureExpire, AuthFailure.InvalidAuthorization), then answers
 * like API 3.0: HTTP 200 with `Response.Error` for request errors and `Response.SendStatusSet` per number.
 * Injected 5xx and 429 use those HTTP statuses with an API 3.0 error body.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { parseTc3Authorization, tc3CanonicalRequest, tc3Date, tc3Signature, tc3StringToSign } from '../channels/sms/tencent-signature.ts';
import { processSend, type SimContext } from './sim-pipeline.ts';
import { jsonResponse, type SimResponse } from './sim-response.ts';
import type { SimCredentials, SimPermanentReason } from './sim-types.ts';

const MAX_SKEW_SECONDS = 300;

/** Tencent's SendStatus code for each refusal the pipeline can make. */
export const TENCENT_REFUSAL_CODES: Readonly<Record<SimPermanentReason, string>> = {
  invalid_recipient: 'InvalidParameterValue.IncorrectPhoneNumber',
  unsubscribed: 'FailedOperation.PhoneNumberInBlacklist',
  rejected_content: 'FailedOperation.ContainSensitiveWord',
  unknown_template: 'FailedOperation.TemplateIncorrectOrUnapproved',
  missing_params: 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
};

function error(code: string, message: string, status = 200, headers: Readonly<Record<string, string>> = {}, delayMs = 0): SimResponse {
  return jsonResponse(status, { Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } }, headers, delayMs);
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

export interface TencentHandlerContext extends SimContext {
  readonly credentials: SimCredentials['tencent'];
}

/** Checks the Authorization header; returns an error response or null when the request is authentic. */
function authenticate(ctx: TencentHandlerContext, headers: IncomingHttpHeaders, body: string, nowMs: number): SimResponse | null {
  const auth = parseTc3Authorization(header(headers, 'authorization'));
  if (auth === null || !auth.signedHeaders.includes('host') || !auth.signedHeaders.includes('content-type')) {
    return error('AuthFailure.InvalidAuthorization', 'Authorization in the request header is invalid.');
  }
  if (auth.secretId !== ctx.credentials.secretId) return error('AuthFailure.SecretIdNotFound', 'The SecretId is not found.');
  const timestamp = Number(header(headers, 'x-tc-timestamp'));
  if (!Number.isInteger(timestamp) || Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS) {
    return error('AuthFailure.SignatureExpire', 'Signature expired: X-TC-Timestamp differs from server time by more than 5 minutes.');
  }
  const signed: Record<string, string> = {};
  for (const name of auth.signedHeaders) signed[name] = header(headers, name);
  const canonical = tc3CanonicalRequest({ method: 'POST', path: '/', query: '', headers: signed, payload: body });
  const expected = tc3Signature(ctx.credentials.secretKey, timestamp, auth.service, tc3StringToSign(canonical, timestamp, auth.service));
  const given = Buffer.from(auth.signature);
  const wanted = Buffer.from(expected);
  if (auth.date !== tc3Date(timestamp) || auth.service !== 'sms' || given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    return error('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
  }
  return null;
}

/** Handles one Tencent API 3.0 request. */
export function handleTencent(ctx: TencentHandlerContext, headers: IncomingHttpHeaders, body: string, nowMs: number): SimResponse {
  const { state } = ctx;
  const authError = authenticate(ctx, headers, body, nowMs);
  if (authError !== null) {
    state.stats.authFailures += 1;
    return authError;
  }
  const action = header(headers, 'x-tc-action');
  if (action !== 'SendSms') {
    state.stats.badRequests += 1;
    return error('InvalidAction', `The action ${action} does not exist.`);
  }
  if (header(headers, 'x-tc-version') !== '2021-01-11') {
    state.stats.badRequests += 1;
    return error('NoSuchVersion', 'The API version does not exist.');
  }
  const request = parseBody(body);
  if (typeof request === 'string') {
    state.stats.badRequests += 1;
    return error(request.startsWith('Missing') ? 'MissingParameter' : 'InvalidParameter', request);
  }
  if (request.sdkAppId !== ctx.credentials.sdkAppId) {
    state.stats.badRequests += 1;
    return error('InvalidParameterValue.SdkAppIdNotExist', 'The SdkAppId does not exist.');
  }
  const params: Record<string, string> = {};
  request.templateParams.forEach((value, index) => { params[String(index + 1)] = value; });
  const result = processSend(ctx, {
    provider: 'tencent', phones: request.phones, signName: request.signName, templateId: request.templateId, params,
    key: request.sessionContext, allOrNothing: false, sharedId: false, newId: () => `2640:${String(state.nextSequence()).padStart(12, '0')}`,
  }, nowMs);
  switch (result.kind) {
    case 'throttled':
      return error('RequestLimitExceeded', 'The number of requests exceeds the frequency limit.', 429, { 'Retry-After': String(result.retryAfterSeconds) });
    case 'server_error':
      return error('InternalError', 'An internal error occurred.', result.status);
    case 'hang':
      return error('InternalError.Timeout', 'The request timed out.', 503, {}, result.ms);
    case 'done': {
      const sendStatusSet = result.results.map((entry) => {
        const base = { PhoneNumber: entry.phone, SessionContext: request.sessionContext ?? '', IsoCode: 'CN' };
        if (entry.status === 'refused') return { ...base, SerialNo: '', Fee: 0, Code: TENCENT_REFUSAL_CODES[entry.reason], Message: `refused: ${entry.reason}` };
        return { ...base, SerialNo: entry.message.providerMessageId, Fee: entry.message.segments, Code: 'Ok', Message: 'send success' };
      });
      return jsonResponse(200, { Response: { SendStatusSet: sendStatusSet, RequestId: randomUUID() } }, {}, result.delayMs);
    }
  }
}

interface TencentSendRequest {
  readonly phones: string[];
  readonly sdkAppId: string;
  readonly signName: string;
  readonly templateId: string;
  readonly templateParams: string[];
  readonly sessionContext: string | null;
}

function stringArray(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((entry): entry is string => typeof entry === 'string') ? value : null;
}

/** The SendSms body, or the error message for a malformed one. */
function parseBody(body: string): TencentSendRequest | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'Invalid JSON body.';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'The body must be a JSON object.';
  const object = value as Record<string, unknown>;
  const phones = stringArray(object['PhoneNumberSet']);
  const templateParams = object['TemplateParamSet'] === undefined ? [] : stringArray(object['TemplateParamSet']);
  const { SmsSdkAppId: sdkAppId, SignName: signName, TemplateId: templateId, SessionContext: session } = object;
  if (phones === null || phones.length === 0) return 'MissingParameter: PhoneNumberSet';
  if (phones.length > 200) return 'PhoneNumberSet holds at most 200 numbers.';
  if (typeof sdkAppId !== 'string' || typeof templateId !== 'string') return 'Missing SmsSdkAppId or TemplateId.';
  if (templateParams === null) return 'TemplateParamSet must be an array of strings.';
  return {
    phones, sdkAppId, templateId, templateParams,
    signName: typeof signName === 'string' ? signName : '',
    sessionContext: typeof session === 'string' && session !== '' ? session : null,
  };
}
