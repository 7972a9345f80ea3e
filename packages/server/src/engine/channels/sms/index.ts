/** SMS provider clients (Aliyun, Tencent Cloud), their signing functions and segment counting. */
export { createAliyunSmsChannel, aliyunSendSmsParams, aliyunTimestamp, ALIYUN_DEFAULT_ENDPOINT, ALIYUN_DEFAULT_OPT_OUT, type AliyunSmsConfig } from './aliyun-sms-channel.ts';
export { createTencentSmsChannel, tencentSendSmsBody, TENCENT_DEFAULT_ENDPOINT, TENCENT_SMS_VERSION, TENCENT_CONTENT_TYPE, type TencentSmsConfig } from './tencent-sms-channel.ts';
export { aliyunPercentEncode, aliyunCanonicalQuery, aliyunStringToSign, signAliyunRpc, aliyunSignedQuery } from './aliyun-signature.ts';
export { tc3Authorization, tc3CanonicalRequest, tc3StringToSign, tc3Signature, parseTc3Authorization, type Tc3Credentials } from './tencent-signature.ts';
export { ALIYUN_CODES, aliyunCodeOutcome } from './aliyun-codes.ts';
export { tencentCodeOutcome } from './tencent-codes.ts';
export { billedSmsText, countSmsSegments, smsCostCents, smsEncoding, type SmsSegmentCount } from './sms-segments.ts';
export { parseSmsRecipient, aliyunPhone, type SmsRecipient } from './sms-phone.ts';
export { smsCapabilities, type SmsClientCommonConfig } from './sms-channel-config.ts';
