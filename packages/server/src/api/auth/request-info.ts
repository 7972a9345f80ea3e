/** Where a request comes from: the peer address (proxies' headers are not trusted) and whether it is https. */
import type { Context } from 'hono';

/**
 * The socket's remote address under @hono/node-server (`c.env.incoming`), or 'unknown' in-process. Tests
 * pass `{ incoming: { socket: { remoteAddress } } }` as the third argument of app.request.
 */
export function clientAddress(c: Context): string {
  const env: unknown = c.env;
  const address = pick(pick(pick(pick(env, 'server') ?? env, 'incoming'), 'socket'), 'remoteAddress');
  return typeof address === 'string' && address.length > 0 ? address.slice(0, 64) : 'unknown';
}

/** True for https requests (directly, or behind a proxy that says so: only used to add the Secure flag). */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.toLowerCase() === 'https';
}

export function userAgent(c: Context): string | null {
  const ua = c.req.header('user-agent');
  return ua === undefined ? null : ua.slice(0, 512);
}

function pick(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}
