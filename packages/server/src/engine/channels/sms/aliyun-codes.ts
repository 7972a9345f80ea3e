/**
 * Aliyun dysmsapi `SendSms` answer codes → SendOutcome. Sources: the public 短信服务 error-code page
 * (help.aliyun.com / alibabacloud.com "Error codes", API 错误码) and the RPC common errors
 * (SignatureDoesNotMatch, InvalidAccessKeyId.NotFound, InvalidTimeStamp.Expired, SignatureNonceUsed,
 * Throttling.*), cross-checked against the code lists many open-source SDK wrappers carry. Descriptions
 * drift between doc versions; the mapping follows what a retry can or cannot fix:
 *
 * - transient rate_limited: isv.BUSINESS_LIMIT_CONTROL (per-number minute/hour/day flow control),
 *   isv.DAY_LIMIT_CONTROL / isv.MONTH_LIMIT_CONTROL (console quotas), Throttling, Throttling.*.
 * - transient server_error: isp.SYSTEM_ERROR, isp.*, InternalError, ServiceUnavailable, SignatureNonceUsed
 *   (a fresh nonce fixes it).
 * - permanent invalid_recipient: isv.MOBILE_NUMBER_ILLEGAL, isv.DOMESTIC_NUMBER_NOT_SUPPORTED.
 * - permanent rejected_content: template/signature/content codes, including isv.BLACK_KEY_CONTROL_LIMIT,
 *   which Aliyun documents as "黑名单管控: variable content hits restricted keywords or URLs" (content,
 *   not the recipient).
 * - permanent unsubscribed: isv.CUSTOMER_REFUSED ("用户已退订推广短信").
 * - permanent auth: credentials, signature, clock skew and account state (balance, product not opened,
 *   RAM denial): nothing a retry fixes, the campaign must pause.
 * - permanent bad_request: malformed requests. Unknown isv.* → bad_request; unknown isp.* → server_error;
 *   anything else falls back to the HTTP status.
 */
import type { PermanentReason, SendOutcome, TransientReason } from '../channel.ts';
import { permanentFailure, transientFailure } from './sms-failure.ts';

type Mapping = { readonly type: 'transient'; readonly reason: TransientReason } | { readonly type: 'permanent'; readonly reason: PermanentReason };

const t = (reason: TransientReason): Mapping => ({ type: 'transient', reason });
const p = (reason: PermanentReason): Mapping => ({ type: 'permanent', reason });

/** Every code mapped explicitly (exported so tests and docs can enumerate them). */
export const ALIYUN_CODES: Readonly<Record<string, Mapping>> = {
  'isv.BUSINESS_LIMIT_CONTROL': t('rate_limited'),
  'isv.DAY_LIMIT_CONTROL': t('rate_limited'),
  'isv.MONTH_LIMIT_CONTROL': t('rate_limited'),
  Throttling: t('rate_limited'),
  'Throttling.User': t('rate_limited'),
  'Throttling.Api': t('rate_limited'),
  'isp.SYSTEM_ERROR': t('server_error'),
  InternalError: t('server_error'),
  ServiceUnavailable: t('server_error'),
  SignatureNonceUsed: t('server_error'),
  'isv.MOBILE_NUMBER_ILLEGAL': p('invalid_recipient'),
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED': p('invalid_recipient'),
  'isv.TEMPLATE_MISSING_PARAMETERS': p('rejected_content'),
  'isv.SMS_TEMPLATE_ILLEGAL': p('rejected_content'),
  'isv.SMS_SIGNATURE_ILLEGAL': p('rejected_content'),
  'isv.SMS_SIGN_ILLEGAL': p('rejected_content'),
  'isv.SMS_SIGNATURE_SCENE_ILLEGAL': p('rejected_content'),
  'isv.SMS_CONTENT_ILLEGAL': p('rejected_content'),
  'isv.TEMPLATE_PARAMS_ILLEGAL': p('rejected_content'),
  'isv.PARAM_LENGTH_LIMIT': p('rejected_content'),
  'isv.PARAM_NOT_SUPPORT_URL': p('rejected_content'),
  'isv.BLACK_KEY_CONTROL_LIMIT': p('rejected_content'),
  'isv.CUSTOMER_REFUSED': p('unsubscribed'),
  'InvalidAccessKeyId.NotFound': p('auth'),
  'InvalidAccessKeyId.Inactive': p('auth'),
  SignatureDoesNotMatch: p('auth'),
  IncompleteSignature: p('auth'),
  'InvalidTimeStamp.Expired': p('auth'),
  'isp.RAM_PERMISSION_DENY': p('auth'),
  'isv.ACCOUNT_NOT_EXISTS': p('auth'),
  'isv.ACCOUNT_ABNORMAL': p('auth'),
  'isv.PRODUCT_UN_SUBSCRIPT': p('auth'),
  'isv.PRODUCT_UNSUBSCRIBE': p('auth'),
  'isv.OUT_OF_SERVICE': p('auth'),
  'isv.AMOUNT_NOT_ENOUGH': p('auth'),
  'isv.DENY_IP_RANGE': p('auth'),
  'isv.INVALID_PARAMETERS': p('bad_request'),
  'isv.INVALID_JSON_PARAM': p('bad_request'),
  'isv.MOBILE_COUNT_OVER_LIMIT': p('bad_request'),
  'isv.EXTEND_CODE_ERROR': p('bad_request'),
  InvalidVersion: p('bad_request'),
  'InvalidAction.NotFound': p('bad_request'),
  MissingParameter: p('bad_request'),
};

/** The outcome for a non-OK Aliyun code, or null when the code is unknown and not classifiable by prefix. */
export function aliyunCodeOutcome(code: string, message: string, retryAfterMs: number | null): SendOutcome | null {
  const mapping = ALIYUN_CODES[code] ?? (code.startsWith('Throttling') ? t('rate_limited') : code.startsWith('isp.') ? t('server_error') : code.startsWith('isv.') ? p('bad_request') : null);
  if (mapping === null) return null;
  const text = `aliyun ${code}: ${message}`;
  return mapping.type === 'transient' ? transientFailure(mapping.reason, text, retryAfterMs) : permanentFailure(mapping.reason, text);
}
