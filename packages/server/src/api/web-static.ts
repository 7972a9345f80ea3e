/**
 * The built dashboard (packages/web/dist) on the API's port: files by path with their content type, hashed
 * assets cached for a year, and index.html for every other non-API path so the client-side router can take
 * over. Paths are resolved inside the root only; nothing outside it can be read.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function serveWeb(root: string): MiddlewareHandler {
  const base = normalize(root + sep);
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(c.req.path);
    } catch {
      return c.text('bad path', 400);
    }
    const candidate = normalize(join(base, decoded));
    const inside = candidate.startsWith(base) && !decoded.includes('\0');
    const file = inside && extname(candidate) !== '' ? await readIfFile(candidate) : null;
    if (file !== null) {
      const immutable = decoded.startsWith('/assets/');
      return new Response(c.req.method === 'HEAD' ? null : file, { status: 200, headers: {
        'Content-Type': TYPES[extname(candidate).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      } });
    }
    if (extname(decoded) !== '' && decoded.startsWith('/assets/')) return c.text('not found', 404);
    const index = await readIfFile(join(base, 'index.html'));
    if (index === null) return c.text('The dashboard is not built: run npm run build:web', 503);
    return new Response(c.req.method === 'HEAD' ? null : index, { status: 200, headers: { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-cache' } });
  };
}

async function readIfFile(path: string): Promise<ArrayBuffer | null> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return null;
    const bytes = await readFile(path);
    const copy = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(copy).set(bytes);
    return copy;
  } catch {
    return null;
  }
}
