/**
 * The inbound HTTP endpoint of the sender: provider SMS replies (Aliyun SmsUp push, Tencent reply callback)
 * and RFC 8058 one-click email unsubscribes. An opt-out is applied before the response, so it takes effect
 * for the very next lease of the sender. Bodies are capped; anything malformed gets 400 and changes nothing.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../../store/database.ts';
import { applyOptOut } from './apply-opt-out.ts';
import { isOptOutReply, parseAliyunSmsUp, parseTencentReply } from './opt-out-reply.ts';
import type { InboundSms } from './opt-out-reply.ts';
import { verifyUnsubscribeToken } from './unsubscribe-token.ts';

const MAX_BODY = 64 * 1024;

export interface InboundOptions {
  readonly db: Db;
  readonly shopId: number;
  readonly secret: string;
  readonly port?: number;
  readonly host?: string;
}

export interface InboundServer {
  readonly url: string;
  readonly optOuts: () => number;
  close(): Promise<void>;
}

export async function startInboundServer(o: InboundOptions): Promise<InboundServer> {
  let optOuts = 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => reply(res, 500, { error: 'internal' }));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = await readBody(req);
    if (body === null) return reply(res, 413, { error: 'body too large' });
    if (req.method === 'POST' && (url.pathname === '/inbound/aliyun' || url.pathname === '/inbound/tencent')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return reply(res, 400, { error: 'not JSON' });
      }
      const messages: InboundSms[] = url.pathname === '/inbound/aliyun' ? parseAliyunSmsUp(parsed) : parseTencentReply(parsed);
      for (const m of messages) {
        if (isOptOutReply(m.text) && (await applyOptOut(o.db, { shopId: o.shopId, channel: 'sms', address: m.phone, reason: 'sms_reply', source: m.text }))) optOuts++;
      }
      // Aliyun expects {"code":0}; Tencent {"result":0}.
      return reply(res, 200, url.pathname === '/inbound/aliyun' ? { code: 0, msg: '成功' } : { result: 0, errmsg: 'OK' });
    }
    if (url.pathname.startsWith('/u/')) {
      const token = decodeURIComponent(url.pathname.slice(3));
      const target = verifyUnsubscribeToken(o.secret, token);
      if (target === null || target.shopId !== o.shopId) return reply(res, 404, { error: 'unknown link' });
      if (req.method === 'POST') {
        if (await applyOptOut(o.db, { shopId: o.shopId, channel: 'email', address: target.email, reason: 'email_one_click', source: 'List-Unsubscribe-Post' })) optOuts++;
        return reply(res, 200, { unsubscribed: true });
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; form-action 'self'" });
      res.end(`<!doctype html><meta charset="utf-8"><title>退订 Unsubscribe</title><form method="post"><button>确认退订 / Unsubscribe</button></form>`);
      return undefined;
    }
    return reply(res, 404, { error: 'not found' });
  }
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}`,
    optOuts: () => optOuts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > MAX_BODY) return null;
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}
