/**
 * Request bodies for the webhook presets: generic JSON for the seller's own systems, and the 企业微信
 * (WeCom) group-robot `text` and `markdown` messages, whose content limits (2,048 and 4,096 UTF-8 bytes)
 * are checked before sending.
 */
import type { OutboundMessage } from '../channel.ts';

export type WebhookPreset = 'json' | 'wecom-text' | 'wecom-markdown';

/** Content limits of WeCom group robots, in UTF-8 bytes. */
export const WECOM_LIMIT_BYTES: Readonly<Record<'wecom-text' | 'wecom-markdown', number>> = { 'wecom-text': 2048, 'wecom-markdown': 4096 };

/** Metadata key: comma-separated mobiles a WeCom text message @-mentions (`@all` for everyone). */
export const WECOM_MENTION_METADATA_KEY = 'wecomMentionMobiles';

export type Payload = { readonly ok: true; readonly body: string } | { readonly ok: false; readonly message: string };

/** Serialises `message` for `preset`. */
export function webhookPayload(preset: WebhookPreset, message: OutboundMessage, nowMs: number): Payload {
  if (preset === 'json') {
    return {
      ok: true,
      body: JSON.stringify({
        id: message.idempotencyKey,
        type: 'huitou.message',
        createdAt: new Date(nowMs).toISOString(),
        kind: message.kind,
        touchId: message.touchId,
        subject: message.subject,
        body: message.body,
        unsubscribeUrl: message.unsubscribeUrl,
        template: message.template,
        metadata: message.metadata,
      }),
    };
  }
  const limit = WECOM_LIMIT_BYTES[preset];
  const bytes = Buffer.byteLength(message.body, 'utf8');
  if (bytes > limit) return { ok: false, message: `WeCom ${preset === 'wecom-text' ? 'text' : 'markdown'} content is ${bytes} bytes, limit ${limit}` };
  if (preset === 'wecom-markdown') return { ok: true, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: message.body } }) };
  const mentions = (message.metadata[WECOM_MENTION_METADATA_KEY] ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '');
  const text = mentions.length > 0 ? { content: message.body, mentioned_mobile_list: mentions } : { content: message.body };
  return { ok: true, body: JSON.stringify({ msgtype: 'text', text }) };
}
