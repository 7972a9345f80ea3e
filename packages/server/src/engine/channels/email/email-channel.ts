/**
 * The email Channel: SMTP through nodemailer. Marketing mail must carry an HTTPS one-click unsubscribe URL
 * and gets both RFC 8058 headers (DKIM-signed when a key is configured); every message's Message-ID is
 * derived from its idempotency key. Provider answers become SendOutcome values, never exceptions.
 */
import nodemailer from 'nodemailer';
import type { Channel, ChannelCapabilities, OutboundMessage, SendOutcome } from '../channel.ts';
import { DKIM_SIGNED_HEADERS, domainOf, isHttpsUrl, listUnsubscribeHeaders, messageIdFor } from './email-headers.ts';
import { smtpFailure } from './smtp-failure.ts';

/** Metadata key under which the sender may put an HTML alternative of the (text) body. */
export const EMAIL_HTML_METADATA_KEY = 'html';

export interface EmailDkimOptions {
  readonly domainName: string;
  readonly keySelector: string;
  /** PEM private key (RSA or Ed25519). */
  readonly privateKey: string;
}

export interface EmailChannelOptions {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (port 465). Otherwise STARTTLS is used when the server offers it. */
  readonly secure?: boolean;
  /** Refuse to send without STARTTLS. */
  readonly requireTls?: boolean;
  /** Accept self-signed certificates (test servers only). */
  readonly allowInvalidCertificates?: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
  /** Header From, e.g. `"小兔家居" <news@shop.example>`. */
  readonly from: string;
  readonly replyTo?: string;
  /** Envelope sender for bounces; default the From address. */
  readonly returnPath?: string;
  /** Domain of generated Message-IDs; default the From domain. */
  readonly messageIdDomain?: string;
  /** Address for the `mailto:` List-Unsubscribe alternative. */
  readonly unsubscribeMailto?: string;
  readonly dkim?: EmailDkimOptions;
  /** Connection, greeting and idle-socket timeout in ms; default 30,000. */
  readonly timeoutMs?: number;
  /** Declared rate limit; default 10 per second. */
  readonly maxPerSecond?: number;
  readonly costPerMessageCents?: number;
  /** Whether marketing email waits for quiet hours to end; default false. */
  readonly quietHours?: boolean;
  /** Client name sent in EHLO; default the Message-ID domain. */
  readonly clientName?: string;
}

const cleanHeader = (text: string): string => text.replace(/[\r\n]+/g, ' ').trim();

/** Creates an email channel; the transport connects per message and holds no open connection. */
export function createEmailChannel(options: EmailChannelOptions): Channel {
  const domain = options.messageIdDomain ?? domainOf(options.from) ?? 'huitou.invalid';
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    requireTLS: options.requireTls ?? false,
    name: options.clientName ?? domain,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
    disableFileAccess: true,
    disableUrlAccess: true,
    ...(options.allowInvalidCertificates === true ? { tls: { rejectUnauthorized: false } } : {}),
    ...(options.auth !== undefined ? { auth: { user: options.auth.user, pass: options.auth.pass } } : {}),
    ...(options.dkim !== undefined
      ? { dkim: { domainName: options.dkim.domainName, keySelector: options.dkim.keySelector, privateKey: options.dkim.privateKey, headerFieldNames: DKIM_SIGNED_HEADERS } }
      : {}),
  });
  const capabilities: ChannelCapabilities = Object.freeze({
    kind: 'email',
    costPerMessageCents: options.costPerMessageCents ?? 0,
    maxPerSecond: options.maxPerSecond ?? 10,
    segmentChars: null,
    maxChars: null,
    quietHours: options.quietHours ?? false,
    idempotencyKeys: false,
  });

  async function send(message: OutboundMessage, signal?: AbortSignal): Promise<SendOutcome> {
    const unsubscribe = message.unsubscribeUrl;
    if (unsubscribe !== null && !isHttpsUrl(unsubscribe)) {
      return { ok: false, failure: { type: 'permanent', reason: 'bad_request', message: 'unsubscribe URL must be an absolute https URL (RFC 8058)' } };
    }
    if (message.kind === 'marketing' && unsubscribe === null) {
      return { ok: false, failure: { type: 'permanent', reason: 'bad_request', message: 'marketing email needs a one-click unsubscribe URL' } };
    }
    const messageId = messageIdFor(message.idempotencyKey, domain);
    const html = message.metadata[EMAIL_HTML_METADATA_KEY];
    const mail = {
      from: options.from,
      to: message.to,
      subject: cleanHeader(message.subject ?? ''),
      text: message.body,
      messageId,
      ...(html !== undefined && html !== '' ? { html } : {}),
      ...(options.replyTo !== undefined ? { replyTo: options.replyTo } : {}),
      ...(options.returnPath !== undefined ? { envelope: { from: options.returnPath, to: message.to } } : {}),
      headers: unsubscribe === null ? {} : listUnsubscribeHeaders(unsubscribe, options.unsubscribeMailto ?? null),
      // nodemailer 10 cancels the SMTP exchange on abort (not yet in @types/nodemailer)
      ...(signal !== undefined ? { signal } : {}),
    };
    try {
      const info = await transport.sendMail(mail);
      return { ok: true, providerMessageId: info.messageId || messageId, segments: 1 };
    } catch (error: unknown) {
      return { ok: false, failure: smtpFailure(error) };
    }
  }

  return {
    capabilities,
    send,
    close: () => {
      transport.close();
      return Promise.resolve();
    },
  };
}
