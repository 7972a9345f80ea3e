/**
 * Tencent Cloud SMS (API 3.0, 2021-01-11) codes → SendOutcome, for both `Response.Error.Code` and
 * `Response.SendStatusSet[].Code`. Sources: the public "错误码" pages of 短信 API 3.0 (cloud.tencent.com
 * /document/api/382/55981 SendSms, /382/52075 error codes, /382/59177 send error codes) and the common
 * API 3.0 errors. Families are classified by prefix; the codes that need a specific answer are listed:
 *
 * - transient rate_limited: RequestLimitExceeded*, LimitExceeded.DeliveryFrequencyLimit and the per-number
 *   caps (30 s → retry in 30 s, 1 h → in 1 h, daily / same-content daily / app daily → after 00:00 Beijing
 *   time); FailedOperation.MarketingSendTimeConstraint (marketing outside 08:00–22:00) → after 08:00 Beijing.
 * - transient server_error: InternalError* (except InternalError.RestApiInterfaceNotExist), ResourceUnavailable*.
 * - permanent auth: AuthFailure.*, UnauthorizedOperation.*, FailedOperation.InsufficientBalanceInSmsPackage.
 * - permanent invalid_recipient: InvalidParameterValue.IncorrectPhoneNumber, FailedOperation.PhoneNumberParseFail,
 *   UnsupportedOperation.UnsupportedRegion.
 * - permanent unsubscribed: FailedOperation.PhoneNumberInBlacklist ("手机号在免打扰名单库中, 通常是用户退订").
 * - permanent rejected_content: sensitive words, unapproved signature/template, length and parameter-format codes.
 * - permanent bad_request: everything else (InvalidParameter*, MissingParameter*, FailedOperation.*, …).
 */
import type { PermanentReason, SendOutcome } from '../channel.ts';
import { msUntilShanghaiHour, permanentFailure, transientFailure } from './sms-failure.ts';

const PERMANENT: Readonly<Record<string, PermanentReason>> = {
  'InvalidParameterValue.IncorrectPhoneNumber': 'invalid_recipient',
  'FailedOperation.PhoneNumberParseFail': 'invalid_recipient',
  'UnsupportedOperation.UnsupportedRegion': 'invalid_recipient',
  'FailedOperation.PhoneNumberInBlacklist': 'unsubscribed',
  'FailedOperation.ContainSensitiveWord': 'rejected_content',
  'FailedOperation.SignatureIncorrectOrUnapproved': 'rejected_content',
  'FailedOperation.TemplateIncorrectOrUnapproved': 'rejected_content',
  'FailedOperation.TemplateUnapprovedOrNotExist': 'rejected_content',
  'FailedOperation.MissingSignature': 'rejected_content',
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate': 'rejected_content',
  'InvalidParameterValue.ContentLengthLimit': 'rejected_content',
  'InvalidParameterValue.TemplateParameterFormatError': 'rejected_content',
  'InvalidParameterValue.TemplateParameterLengthLimit': 'rejected_content',
  'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter': 'rejected_content',
  'FailedOperation.InsufficientBalanceInSmsPackage': 'auth',
  'InternalError.RestApiInterfaceNotExist': 'bad_request',
  'LimitExceeded.PhoneNumberCountLimit': 'bad_request',
  'LimitExceeded.AppCountryOrRegionInBlacklist': 'invalid_recipient',
};

/** Per-code retry delays for caps that reset at a known time. */
function capDelayMs(code: string, now: Date): number | null {
  switch (code) {
    case 'LimitExceeded.PhoneNumberThirtySecondLimit':
      return 30_000;
    case 'LimitExceeded.PhoneNumberOneHourLimit':
      return 3_600_000;
    case 'LimitExceeded.PhoneNumberDailyLimit':
    case 'LimitExceeded.PhoneNumberSameContentDailyLimit':
    case 'LimitExceeded.AppDailyLimit':
    case 'LimitExceeded.AppGlobalDailyLimit':
    case 'LimitExceeded.AppMainlandChinaDailyLimit':
      return msUntilShanghaiHour(now, 0);
    case 'FailedOperation.MarketingSendTimeConstraint':
      return msUntilShanghaiHour(now, 8);
    default:
      return null;
  }
}

/** Outcome for a non-"Ok" Tencent code. `retryAfterMs` (from a Retry-After header) wins over the per-code delay. */
export function tencentCodeOutcome(code: string, message: string, now: Date, retryAfterMs: number | null): SendOutcome {
  const text = `tencent ${code}: ${message}`;
  const known = PERMANENT[code];
  if (known !== undefined) return permanentFailure(known, text);
  const delay = retryAfterMs ?? capDelayMs(code, now);
  if (code.startsWith('RequestLimitExceeded') || code.startsWith('LimitExceeded.') || code === 'FailedOperation.MarketingSendTimeConstraint') {
    return transientFailure('rate_limited', text, delay);
  }
  if (code.startsWith('InternalError') || code.startsWith('ResourceUnavailable')) return transientFailure('server_error', text, delay);
  if (code.startsWith('AuthFailure') || code.startsWith('UnauthorizedOperation')) return permanentFailure('auth', text);
  return permanentFailure('bad_request', text);
}
