/**
 * Maps what nodemailer reports (an SMTP reply code and the command it answered, or a connection-level error
 * code) to the Channel failure union: 4xx replies and connection trouble are transient, 5xx replies are
 * permanent with a reason the sender can act on.
 */
import type { PermanentReason, SendFailure, TransientReason } from '../channel.ts';

interface SmtpErrorFields {
  readonly code: string | null;
  readonly responseCode: number | null;
  readonly command: string | null;
  readonly message: string;
}

function fields(error: unknown): SmtpErrorFields {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: typeof record['code'] === 'string' ? record['code'] : null,
    responseCode: typeof record['responseCode'] === 'number' ? record['responseCode'] : null,
    command: typeof record['command'] === 'string' ? record['command'] : null,
    message: message.slice(0, 500),
  };
}

const transient = (reason: TransientReason, message: string): SendFailure => ({ type: 'transient', reason, retryAfterMs: null, message });
const permanent = (reason: PermanentReason, message: string): SendFailure => ({ type: 'permanent', reason, message });

function fromReplyCode(code: number, command: string | null, message: string): SendFailure {
  if (code >= 400 && code < 500) return transient(code === 421 || code === 452 ? 'rate_limited' : 'server_error', message);
  const atData = command !== null && command.startsWith('DATA');
  const atRecipient = command !== null && command.startsWith('RCPT');
  switch (code) {
    case 530:
    case 534:
    case 535:
    case 538:
      return permanent('auth', message);
    case 550:
    case 551:
    case 553:
      return permanent(atData ? 'rejected_content' : 'invalid_recipient', message);
    case 552:
    case 554:
      return permanent(atRecipient ? 'invalid_recipient' : 'rejected_content', message);
    case 501:
      return permanent(atRecipient ? 'invalid_recipient' : 'bad_request', message);
    default:
      return permanent('bad_request', message);
  }
}

/** The SendFailure for an error thrown by nodemailer's sendMail. */
export function smtpFailure(error: unknown): SendFailure {
  const { code, responseCode, command, message } = fields(error);
  if (responseCode !== null && responseCode >= 400 && responseCode < 600) return fromReplyCode(responseCode, command, message);
  switch (code) {
    case 'EAUTH':
    case 'ENOAUTH':
    case 'EOAUTH2':
      return permanent('auth', message);
    case 'ETIMEDOUT':
    case 'EABORT':
      return transient('timeout', message);
    case 'EENVELOPE':
      return permanent('invalid_recipient', message);
    case 'EMESSAGE':
      return permanent('rejected_content', message);
    case 'ECONFIG':
    case 'EREQUIRETLS':
      return permanent('bad_request', message);
    default:
      return transient('network', message);
  }
}
