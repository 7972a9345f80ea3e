/**
 * Recipient numbers as the two providers want them. huitou stores phones as E.164 or as 11-digit mainland
 * numbers; Aliyun takes mainland numbers bare and others as country code + number without `+`, Tencent
 * takes E.164 (`+86…`). Anything that is not a plausible phone number is refused before any request.
 */

export interface SmsRecipient {
  /** `+8613800138000`. */
  readonly e164: string;
  /** `13800138000` for mainland mobiles, else null. */
  readonly cnNational: string | null;
}

const CN_MOBILE = /^1[3-9]\d{9}$/;

/** Parses `13800138000`, `+86 138-0013-8000`, `008613800138000`, `8613800138000` or any E.164 number; null if invalid. */
export function parseSmsRecipient(to: string): SmsRecipient | null {
  const compact = to.replace(/[\s\-()]/g, '');
  if (CN_MOBILE.test(compact)) return { e164: `+86${compact}`, cnNational: compact };
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else if (/^86\d{11}$/.test(compact)) digits = compact;
  else return null;
  if (!/^[1-9]\d{6,14}$/.test(digits)) return null;
  if (digits.startsWith('86')) {
    const national = digits.slice(2);
    return CN_MOBILE.test(national) ? { e164: `+${digits}`, cnNational: national } : null;
  }
  return { e164: `+${digits}`, cnNational: null };
}

/** Aliyun `PhoneNumbers` form: bare mainland number, else country code + number. */
export function aliyunPhone(recipient: SmsRecipient): string {
  return recipient.cnNational ?? recipient.e164.slice(1);
}
