/**
 * Where a request comes from: the peer address, or — when the peer is one of the configured reverse proxies
 * (HUITOU_TRUSTED_PROXIES) — the client its X-Forwarded-For names; and whether it is https.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { isIP } from 'node:net';
import { normalizeAddress } from '../../config.ts';
import type { ApiEnv } from '../api-env.ts';

/** At most this many X-Forwarded-For entries are looked at (from the right); a longer chain is cut. */
const MAX_HOPS = 16;

/**
 * The socket's remote address under @hono/node-server (`c.env.incoming`), or 'unknown' in-process. Tests
 * pass `{ incoming: { socket: { remoteAddress } } }` as the third argument of app.request.
 */
export function peerAddress(c: Context): string {
  const env: unknown = c.env;
  const address = pick(pick(pick(pick(env, 'server') ?? env, 'incoming'), 'socket'), 'remoteAddress');
  return typeof address === 'string' && address.length > 0 ? normalizeAddress(address.slice(0, 64)) : 'unknown';
}

/**
 * The client behind `peer`: `peer` itself unless it is a trusted proxy; then, walking X-Forwarded-For from the
 * right (each proxy appends the address it saw), the first address that is not a trusted proxy. An entry that is
 * not an IP address ends the walk at the last trusted hop, since only the proxies' own entries can be believed.
 */
export function forwardedClient(peer: string, forwardedFor: string | undefined, trusted: ReadonlySet<string>): string {
  if (!trusted.has(peer) || forwardedFor === undefined) return peer;
  let client = peer;
  for (const entry of forwardedFor.split(',').slice(-MAX_HOPS).reverse()) {
    const address = normalizeAddress(entry);
    if (isIP(address) === 0) return client;
    client = address;
    if (!trusted.has(address)) return address;
  }
  return client;
}

/** Sets the request's client address once, for throttling and the audit log. */
export function resolveClientAddress(trustedProxies: readonly string[]): MiddlewareHandler<ApiEnv> {
  const trusted = new Set(trustedProxies);
  return async (c, next) => {
    c.set('clientAddress', forwardedClient(peerAddress(c), c.req.header('x-forwarded-for'), trusted));
    await next();
  };
}

/** The request's client address (resolveClientAddress), else its peer address. */
export function clientAddress(c: Context): string {
  const resolved: unknown = c.get('clientAddress');
  return typeof resolved === 'string' ? resolved : peerAddress(c);
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
