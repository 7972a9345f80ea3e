/**
 * Simulated inbound SMS replies (上行短信), forwarded to huitou's webhook in each provider's push format:
 *
 * - Aliyun SmsUp (HTTP batch push): a JSON array of
 *   `{ phone_number, content, send_time: "yyyy-MM-dd HH:mm:ss" (Beijing time), sign_name, dest_code, sequence_id }`.
 * - Tencent reply callback: `{ extend, mobile, nationcode, sign, text, time (Unix seconds) }`.
 */
import { parseSmsRecipient } from '../channels/sms/sms-phone.ts';
import type { SimState } from './sim-state.ts';
import type { SimProvider, SimReplyInput, SimReplyResult } from './sim-types.ts';

/** `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai (UTC+8, no DST). */
export function beijingTime(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600 * 1000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}

/** The provider-shaped payload for one reply. */
export function replyPayload(provider: SimProvider, input: { readonly e164: string; readonly text: string; readonly signName: string; readonly extend: string; readonly sequence: number; readonly at: Date }): unknown {
  const national = input.e164.startsWith('+86') ? input.e164.slice(3) : input.e164.slice(1);
  if (provider === 'aliyun') {
    return [{
      phone_number: national, content: input.text, send_time: beijingTime(input.at), sign_name: input.signName,
      dest_code: input.extend, sequence_id: input.sequence,
    }];
  }
  const nationcode = input.e164.startsWith('+86') ? '86' : '';
  return { extend: input.extend, mobile: national, nationcode, sign: input.signName, text: input.text, time: Math.floor(input.at.getTime() / 1000) };
}

export interface ReplyContext {
  readonly state: SimState;
  readonly callbackUrls: { readonly aliyun?: string; readonly tencent?: string };
  readonly defaultSignName: string;
}

/** Builds and POSTs the payload; throws on bad input (unknown phone format, no callback URL). */
export async function forwardReply(ctx: ReplyContext, input: SimReplyInput): Promise<SimReplyResult> {
  const recipient = parseSmsRecipient(input.phone);
  if (recipient === null) throw new Error(`not a phone number: ${input.phone}`);
  const last = ctx.state.lastTo(recipient.e164);
  const provider = input.provider ?? last?.provider ?? 'aliyun';
  const callbackUrl = input.callbackUrl ?? ctx.callbackUrls[provider];
  if (callbackUrl === undefined) throw new Error(`no callback URL for ${provider} replies`);
  const payload = replyPayload(provider, {
    e164: recipient.e164, text: input.text, signName: input.signName ?? last?.signName ?? ctx.defaultSignName,
    extend: input.extend ?? '', sequence: ctx.state.nextSequence(), at: new Date(),
  });
  const response = await fetch(callbackUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(5000),
  });
  const body = await response.text();
  ctx.state.stats.repliesForwarded += 1;
  return { provider, callbackUrl, payload, status: response.status, body };
}
