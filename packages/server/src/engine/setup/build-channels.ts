/**
 * The sender's channels from configuration: SMS through Aliyun or Tencent (or the local simulator speaking
 * their protocols) and email over SMTP when configured. Task-list touches are not sent by the sender: they
 * wait until `huitou campaign tasks` exports them for a person to follow up.
 */
import type { SmsConfig, SmtpConfig, WebhookConfig } from './channel-config.ts';
import { createWebhookChannel } from '../channels/webhook/webhook-channel.ts';
import type { Channel } from '../channels/channel.ts';
import { createEmailChannel } from '../channels/email/email-channel.ts';
import { createAliyunSmsChannel, createTencentSmsChannel } from '../channels/sms/index.ts';
import { SIM_DEFAULT_CREDENTIALS } from '../sms-sim/index.ts';

export class ChannelConfigError extends Error {}

export interface BuiltChannels {
  readonly channels: Map<string, Channel>;
}

export function buildChannels(sms: SmsConfig, smtp: SmtpConfig | null, fallbackSignName: string, webhook: WebhookConfig | null = null): BuiltChannels {
  const channels = new Map<string, Channel>();
  const signName = sms.signName ?? fallbackSignName;
  const simulator = sms.endpoint !== null && /^http:\/\/(127\.0\.0\.1|localhost)/.test(sms.endpoint);
  if (sms.provider === 'aliyun') {
    const creds = sms.keyId !== null && sms.keySecret !== null ? { accessKeyId: sms.keyId, accessKeySecret: sms.keySecret } : simulator ? SIM_DEFAULT_CREDENTIALS.aliyun : null;
    if (creds !== null) {
      channels.set('sms', createAliyunSmsChannel({ ...creds, signName, costPerSegmentCents: sms.costPerSegmentCents, providerDedupes: simulator, ...(sms.endpoint === null ? {} : { endpoint: sms.endpoint }) }));
    }
  } else {
    const creds = sms.keyId !== null && sms.keySecret !== null && sms.appId !== null
      ? { secretId: sms.keyId, secretKey: sms.keySecret, sdkAppId: sms.appId }
      : simulator ? SIM_DEFAULT_CREDENTIALS.tencent : null;
    if (creds !== null) {
      channels.set('sms', createTencentSmsChannel({ ...creds, signName, costPerSegmentCents: sms.costPerSegmentCents, providerDedupes: simulator, ...(sms.endpoint === null ? {} : { endpoint: sms.endpoint }) }));
    }
  }
  if (smtp !== null) {
    channels.set('email', createEmailChannel({ host: smtp.host, port: smtp.port, from: smtp.from, ...(smtp.user === null ? {} : { auth: { user: smtp.user, pass: smtp.pass ?? '' } }) }));
  }
  if (webhook !== null) {
    const inner = createWebhookChannel({ preset: webhook.preset, ...(webhook.secret === null ? {} : { secret: webhook.secret }) });
    // Webhook touches go to the configured endpoint, whoever the customer is.
    channels.set('webhook', { capabilities: inner.capabilities, send: (m, signal) => inner.send({ ...m, to: webhook.url }, signal) });
  }
  return { channels };
}
