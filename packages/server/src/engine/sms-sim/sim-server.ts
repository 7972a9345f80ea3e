/**
 * `huitou sms-sim`: a local stand-in for the Aliyun and Tencent Cloud SMS APIs on one port (node:http, no
 * framework). Provider traffic on `/` (Aliyun: `GET /?Action=SendSms…` or form POST; Tencent: POST with
 * `X-TC-Action`); control endpoints for tests and the demo:
 *
 * - `GET /sim/messages[?phone=…]`, `GET /sim/stats`, `POST /sim/reset`
 * - `GET|POST /sim/failures` (read or replace the SimFailureConfig)
 * - `POST /sim/reply {phone, text, provider?, signName?, extend?, callbackUrl?}` → forwards a customer reply
 *   in the provider's inbound format and returns what the callback answered.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseSmsRecipient } from '../channels/sms/sms-phone.ts';
import { handleAliyun } from './sim-aliyun.ts';
import { FaultInjector } from './sim-faults.ts';
import { forwardReply, type ReplyContext } from './sim-reply.ts';
import type { SimResponse } from './sim-response.ts';
import { SimState } from './sim-state.ts';
import { handleTencent } from './sim-tencent.ts';
import { SIM_DEFAULT_CREDENTIALS, type SimCredentials, type SimFailureConfig, type SimMessage, type SimReplyInput, type SimReplyResult, type SimStats, type SmsSimulatorOptions } from './sim-types.ts';

const MAX_BODY_BYTES = 1024 * 1024;

/** A running simulator. Always `close()` it. */
export interface SmsSimulator {
  /** `http://127.0.0.1:<port>`: the endpoint to give both clients. */
  readonly url: string;
  readonly port: number;
  readonly credentials: SimCredentials;
  /** Recorded messages, oldest first. */
  messages(): SimMessage[];
  /** A snapshot of the counters. */
  stats(): SimStats;
  /** Forgets messages, idempotency keys and counters; failure settings stay. */
  reset(): void;
  /** Replaces the failure configuration (restarting any script). */
  setFailures(config: SimFailureConfig): void;
  /** Forwards a simulated customer reply to the configured callback. */
  reply(input: SimReplyInput): Promise<SimReplyResult>;
  /** Stops listening, drops pending delayed answers and flushes the JSONL file; idempotent. */
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge('body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Starts the simulator on 127.0.0.1 (port 0 = ephemeral) and resolves once it listens. */
export async function startSmsSimulator(options: SmsSimulatorOptions = {}): Promise<SmsSimulator> {
  const credentials = options.credentials ?? SIM_DEFAULT_CREDENTIALS;
  const state = new SimState(options.recordFile ?? null);
  const faults = new FaultInjector(options.failures ?? {});
  const templates = options.templates ?? null;
  const replyContext: ReplyContext = { state, callbackUrls: options.replyCallbackUrls ?? {}, defaultSignName: options.defaultSignName ?? '回头客示范店' };
  const timers = new Set<ReturnType<typeof setTimeout>>();

  function answer(res: ServerResponse, response: SimResponse): void {
    if (response.delayMs <= 0) return sendJson(res, response.status, response.body, response.headers);
    const timer = setTimeout(() => {
      timers.delete(timer);
      sendJson(res, response.status, response.body, response.headers);
    }, response.delayMs);
    timers.add(timer);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const method = req.method ?? 'GET';
    const body = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
    const now = Date.now();
    if (url.pathname === '/') {
      const contentType = String(req.headers['content-type'] ?? '');
      if (method === 'POST' && req.headers['x-tc-action'] !== undefined) {
        state.stats.requests += 1;
        return answer(res, handleTencent({ state, faults, templates, credentials: credentials.tencent }, req.headers, body, now));
      }
      if (method === 'GET' && url.searchParams.has('Action')) {
        state.stats.requests += 1;
        return answer(res, handleAliyun({ state, faults, templates, credentials: credentials.aliyun }, 'GET', Object.fromEntries(url.searchParams), now));
      }
      if (method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')) {
        state.stats.requests += 1;
        return answer(res, handleAliyun({ state, faults, templates, credentials: credentials.aliyun }, 'POST', Object.fromEntries(new URLSearchParams(body)), now));
      }
      return sendJson(res, 400, { error: 'not an Aliyun (Action=…) or Tencent (X-TC-Action) request' });
    }
    if (url.pathname === '/sim/messages' && method === 'GET') {
      const phone = url.searchParams.get('phone');
      const e164 = phone === null ? null : (parseSmsRecipient(phone)?.e164 ?? phone);
      return sendJson(res, 200, state.messages().filter((message) => e164 === null || message.phone === e164));
    }
    if (url.pathname === '/sim/stats' && method === 'GET') return sendJson(res, 200, state.stats);
    if (url.pathname === '/sim/reset' && method === 'POST') {
      state.reset();
      return sendJson(res, 200, { reset: true });
    }
    if (url.pathname === '/sim/failures') {
      if (method === 'POST') faults.configure(JSON.parse(body === '' ? '{}' : body) as SimFailureConfig);
      return sendJson(res, 200, faults.config);
    }
    if (url.pathname === '/sim/reply' && method === 'POST') {
      const input = JSON.parse(body) as SimReplyInput;
      if (typeof input.phone !== 'string' || typeof input.text !== 'string') return sendJson(res, 400, { error: 'phone and text are required' });
      try {
        return sendJson(res, 200, await forwardReply(replyContext, input));
      } catch (error: unknown) {
        return sendJson(res, 502, { error: error instanceof Error ? error.message : String(error) });
      }
    }
    return sendJson(res, 404, { error: `no route ${method} ${url.pathname}` });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof BodyTooLarge ? 413 : error instanceof SyntaxError ? 400 : 500;
      sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  let closing: Promise<void> | null = null;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    credentials,
    messages: () => state.messages(),
    stats: () => structuredClone(state.stats),
    reset: () => state.reset(),
    setFailures: (config) => faults.configure(config),
    reply: (input) => forwardReply(replyContext, input),
    close: () => {
      closing ??= (async () => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await state.close();
      })();
      return closing;
    },
  };
}
