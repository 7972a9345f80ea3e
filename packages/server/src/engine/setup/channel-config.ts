/** The shape of the sender's channel settings; config.ts fills it from the environment. */
export interface SmsConfig {
  /** HUITOU_SMS_PROVIDER: aliyun (default) or tencent. */
  readonly provider: 'aliyun' | 'tencent';
  /** HUITOU_SMS_ENDPOINT: the provider's API, or the local simulator (`huitou sms-sim`). Null: the real host. */
  readonly endpoint: string | null;
  /** HUITOU_SMS_KEY_ID / HUITOU_SMS_KEY_SECRET (Aliyun AccessKey, Tencent SecretId/SecretKey); HUITOU_SMS_APP_ID (Tencent). */
  readonly keyId: string | null;
  readonly keySecret: string | null;
  readonly appId: string | null;
  /** HUITOU_SMS_SIGN: the approved signature (签名) without 【】. */
  readonly signName: string | null;
  /** HUITOU_SMS_TEMPLATE: the approved template that carries the text as ${content}. */
  readonly templateId: string;
  /** HUITOU_SMS_COST_CENTS: price of one segment (default 4.5). */
  readonly costPerSegmentCents: number;
}

export interface SmtpConfig {
  /** HUITOU_SMTP_HOST / HUITOU_SMTP_PORT / HUITOU_SMTP_USER / HUITOU_SMTP_PASS / HUITOU_SMTP_FROM. */
  readonly host: string;
  readonly port: number;
  readonly user: string | null;
  readonly pass: string | null;
  readonly from: string;
}

export interface WebhookConfig {
  /** HUITOU_WEBHOOK_URL: where webhook touches are posted (the seller's system, a 企业微信 robot). */
  readonly url: string;
  /** HUITOU_WEBHOOK_PRESET: json (default, HMAC-signed), wecom-text or wecom-markdown. */
  readonly preset: 'json' | 'wecom-text' | 'wecom-markdown';
  /** HUITOU_WEBHOOK_SECRET: HMAC secret (at least 16 characters for json). */
  readonly secret: string | null;
}
