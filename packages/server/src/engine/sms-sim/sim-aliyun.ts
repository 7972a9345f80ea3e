/**
 * The simulator's Aliyun dysmsapi endpoint: `GET /?Action=SendSms&…` or `POST /` form-encoded. Checks the
 * RPC signature with the configured AccessKey (InvalidAccessKeyId.NotFound, SignatureDoesNotMatch,
 * InvalidTimeStamp.Expired, SignatureNonceUsed), then runs the neutral pipeline and answers like dysmsapi:
 * `{ RequestId, BizId, Code: "OK", Message: "OK" }`, or `{ RequestId, Code, Message }` on errors.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { signAliyunRpc } from '../channels/sms/aliyun-signature.ts';
import { processSend, type SimContext } from './sim-pipeline.ts';
import { jsonResponse, type SimResponse } from './sim-response.ts';
import type { SimCredentials, SimPermanentReason } from './sim-types.ts';

const HOST_ID = 'dysmsapi.aliyuncs.com';
const MAX_SKEW_MS = 15 * 60 * 1000;

/** Aliyun's business code for each refusal the pipeline can make. */
export const ALIYUN_REFUSAL_CODES: Readonly<Record<SimPermanentReason, string>> = {
  invalid_recipient: 'isv.MOBILE_NUMBER_ILLEGAL',
  unsubscribed: 'isv.CUSTOMER_REFUSED',
  rejected_content: 'isv.SMS_CONTENT_ILLEGAL',
  unknown_template: 'isv.SMS_TEMPLATE_ILLEGAL',
  missing_params: 'isv.TEMPLATE_MISSING_PARAMETERS',
};

function error(status: number, code: string, message: string, headers: Readonly<Record<string, string>> = {}, delayMs = 0): SimResponse {
  return jsonResponse(status, { RequestId: randomUUID(), HostId: HOST_ID, Code: code, Message: message }, headers, delayMs);
}

function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface AliyunHandlerContext extends SimContext {
  readonly credentials: SimCredentials['aliyun'];
}

/** Handles one Aliyun RPC request whose parameters were already decoded from the query or form body. */
export function handleAliyun(ctx: AliyunHandlerContext, method: 'GET' | 'POST', params: Readonly<Record<string, string>>, nowMs: number): SimResponse {
  const { state } = ctx;
  const signature = params['Signature'];
  if (signature === undefined || params['SignatureNonce'] === undefined || params['AccessKeyId'] === undefined) {
    state.stats.authFailures += 1;
    return error(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
  }
  if (params['AccessKeyId'] !== ctx.credentials.accessKeyId) {
    state.stats.authFailures += 1;
    return error(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  }
  const unsigned: Record<string, string> = { ...params };
  delete unsigned['Signature'];
  if (!sameSignature(signature, signAliyunRpc(method, unsigned, ctx.credentials.accessKeySecret))) {
    state.stats.authFailures += 1;
    return error(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
  }
  const timestamp = Date.parse(params['Timestamp'] ?? '');
  if (Number.isNaN(timestamp) || Math.abs(nowMs - timestamp) > MAX_SKEW_MS) {
    state.stats.authFailures += 1;
    return error(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
  if (!state.useNonce(params['SignatureNonce'])) {
    state.stats.authFailures += 1;
    return error(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  }
  if (params['Action'] !== 'SendSms') {
    state.stats.badRequests += 1;
    return error(404, 'InvalidAction.NotFound', `Specified api is not found: ${params['Action'] ?? ''}`);
  }
  if (params['Version'] !== '2017-05-25') {
    state.stats.badRequests += 1;
    return error(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
  }
  const phones = (params['PhoneNumbers'] ?? '').split(',').map((phone) => phone.trim()).filter((phone) => phone !== '');
  const signName = params['SignName'] ?? '';
  const templateCode = params['TemplateCode'] ?? '';
  if (phones.length === 0 || signName === '' || templateCode === '') {
    state.stats.badRequests += 1;
    return error(200, 'isv.INVALID_PARAMETERS', 'PhoneNumbers, SignName and TemplateCode are required.');
  }
  if (phones.length > 1000) {
    state.stats.badRequests += 1;
    return error(200, 'isv.MOBILE_COUNT_OVER_LIMIT', 'At most 1000 numbers per request.');
  }
  const templateParams = parseTemplateParam(params['TemplateParam']);
  if (templateParams === null) {
    state.stats.badRequests += 1;
    return error(200, 'isv.INVALID_JSON_PARAM', 'TemplateParam must be a JSON object of string values.');
  }
  const result = processSend(ctx, {
    provider: 'aliyun', phones, signName, templateId: templateCode, params: templateParams, key: params['OutId'] ?? null,
    allOrNothing: true, sharedId: true, newId: () => `${String(100000000000 + state.nextSequence())}^0`,
  }, nowMs);
  switch (result.kind) {
    case 'throttled':
      return error(429, 'Throttling.User', 'Request was denied due to user flow control.', { 'Retry-After': String(result.retryAfterSeconds) });
    case 'server_error':
      return result.status === 503
        ? error(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.')
        : error(result.status, 'InternalError', 'The request processing has failed due to some unknown error.');
    case 'hang':
      return error(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.', {}, result.ms);
    case 'done': {
      const refused = result.results.find((entry) => entry.status === 'refused');
      if (refused !== undefined && refused.status === 'refused') {
        return error(200, ALIYUN_REFUSAL_CODES[refused.reason], `refused: ${refused.phone}`, {}, result.delayMs);
      }
      const fresh = result.results.find((entry) => entry.status === 'accepted') ?? result.results[0];
      const bizId = fresh !== undefined && fresh.status !== 'refused' ? fresh.message.providerMessageId : '';
      return jsonResponse(200, { RequestId: randomUUID(), BizId: bizId, Code: 'OK', Message: 'OK' }, {}, result.delayMs);
    }
  }
}

function parseTemplateParam(raw: string | undefined): Record<string, string> | null {
  if (raw === undefined || raw === '') return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const out: Record<string, string> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'string') return null;
      out[key] = entry;
    }
    return out;
  } catch {
    return null;
  }
}
