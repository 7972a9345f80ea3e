/**
 * Test helpers (not used by production code): a real SMTP server from the smtp-server package on
 * 127.0.0.1:0 that captures raw messages or answers with chosen reply codes, a TCP server that never speaks,
 * and a minimal RFC 5322 / MIME reader for the captured bytes.
 */
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
}

export interface SmtpBehaviour {
  /** Reply code for RCPT TO (e.g. 550, 451); accept when absent. */
  readonly rcptCode?: number;
  /** Reply code after DATA (e.g. 554); accept when absent. */
  readonly dataCode?: number;
  /** Require AUTH and accept only these credentials. */
  readonly credentials?: { readonly user: string; readonly pass: string };
}

export interface TestSmtpServer {
  readonly port: number;
  readonly mails: CapturedMail[];
  close(): Promise<void>;
}

function replyError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/** Starts an smtp-server instance with the given behaviour. */
export async function startSmtpServer(behaviour: SmtpBehaviour = {}): Promise<TestSmtpServer> {
  const mails: CapturedMail[] = [];
  const creds = behaviour.credentials;
  const server = new SMTPServer({
    disabledCommands: creds === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    authOptional: creds === undefined,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (creds !== undefined && auth.username === creds.user && auth.password === creds.pass) callback(null, { user: auth.username });
      else callback(replyError(535, 'Authentication credentials invalid'));
    },
    onRcptTo(address, _session, callback) {
      if (behaviour.rcptCode === undefined) callback();
      else callback(replyError(behaviour.rcptCode, `mailbox ${address.address} not available`));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (behaviour.dataCode !== undefined) {
          callback(replyError(behaviour.dataCode, 'message content rejected'));
          return;
        }
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        mails.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A TCP server that accepts connections and never sends a greeting. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ParsedPart {
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

/** Splits a raw message into unfolded headers (lower-case names; last wins) and decoded body. */
export function parseMessage(raw: string): ParsedPart {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: decodeBody(body, headers.get('content-transfer-encoding') ?? '') };
}

function decodeBody(body: string, encoding: string): string {
  const e = encoding.toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') {
    const bytes = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
    return bytes.toString('utf8');
  }
  return body;
}

/** Leaf parts of a (possibly multipart) message, keyed by their media type. */
export function mimeParts(raw: string): Map<string, ParsedPart> {
  const out = new Map<string, ParsedPart>();
  const visit = (text: string): void => {
    const part = parseMessage(text);
    const type = part.headers.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (!type.toLowerCase().startsWith('multipart/') || boundary === undefined) {
      out.set(type.split(';')[0]!.trim().toLowerCase(), part);
      return;
    }
    const rawBody = text.slice(text.indexOf('\r\n\r\n') + 4);
    for (const chunk of rawBody.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      visit(chunk.replace(/^\r\n/, ''));
    }
  };
  visit(raw);
  return out;
}

/** Decodes RFC 2047 encoded-words (B and Q, UTF-8) in a header value. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}
