/** Hostile input at the auth routes: sizes, media types, odd strings, prototype pollution. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BYTES } from '../../../src/api/route-registry.ts';
import { PASSWORDS, createTestApi } from '../support/api-harness.ts';
import type { SessionClient, TestApi } from '../support/api-harness.ts';

type ErrorJson = { error: { code: string; message: string; messageZh: string; issues?: { path: string; message: string }[] } };

describe('hostile input', () => {
  let t: TestApi;
  let owner: SessionClient;
  beforeAll(async () => {
    t = await createTestApi();
    owner = await t.login('owner');
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    t.anonymous.post<ErrorJson>('/api/auth/login', typeof body === 'string' ? body : JSON.stringify(body), { headers, address: `203.0.113.${Math.floor(Math.random() * 250)}` });

  it('refuses a body over 1 MB with 413, whatever Content-Length says', async () => {
    const huge = JSON.stringify({ username: 'owner', password: 'x'.repeat(MAX_JSON_BYTES) });
    const declared = await login(huge);
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('payload_too_large');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    const res = await t.api.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('refuses non-JSON bodies: 415 for other media types, 400 for broken JSON or bad UTF-8', async () => {
    expect((await login('username=owner&password=x', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await login('{"username":"owner"}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await login('{"username":"owner"}', {})).status).toBe(415);
    const broken = await login('{"username": "owner", ');
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('validation_failed');
    const badUtf8 = await t.anonymous.post<ErrorJson>('/api/auth/login', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), { headers: { 'content-type': 'application/json' } });
    expect(badUtf8.status).toBe(400);
    for (const body of ['null', '[]', '"owner"', '42']) expect((await login(body)).status).toBe(400);
  });

  it('answers a 10 KB username with 400 and no echo, and does not store it', async () => {
    const long = 'a'.repeat(10 * 1024);
    const res = await login({ username: long, password: 'whatever' });
    expect(res.status).toBe(400);
    expect(res.text).not.toContain(long.slice(0, 300));
    const created = await owner.post<ErrorJson>('/api/users', { username: long, role: 'analyst' });
    expect(created.status).toBe(400);
    expect(created.text.length).toBeLessThan(2000);
  });

  it('handles unicode, SQL-ish and control-character usernames as plain data', async () => {
    for (const username of ["owner' OR '1'='1", 'owner"; DROP TABLE users; --', 'ówner', '张三\u0000', '\u202eowner', '🦄', 'owner\n']) {
      const res = await login({ username, password: PASSWORDS.owner });
      expect(res.status).toBe(401);
    }
    expect((await t.db.all(`SELECT count(*) AS n FROM users`))[0]).toEqual({ n: 3 });
    expect((await owner.post<ErrorJson>('/api/users', { username: "x'; DROP TABLE users; --", role: 'analyst' })).status).toBe(400);
    const zh = await owner.post<{ user: { username: string } }>('/api/users', { username: '欧阳.娜娜_01', role: 'analyst' });
    expect(zh.status).toBe(201);
    // NFC and NFD spellings of the same name are one user
    const nfd = await owner.post<ErrorJson>('/api/users', { username: 'jose\u0301', role: 'analyst' });
    expect(nfd.status).toBe(201);
    expect((await owner.post<ErrorJson>('/api/users', { username: 'jos\u00e9', role: 'analyst' })).status).toBe(409);
  });

  it('ignores prototype-pollution keys and refuses unknown fields', async () => {
    const polluted = '{"username":"owner","password":"nope-nope","__proto__":{"role":"owner","isAdmin":true},"constructor":{"prototype":{"polluted":true}}}';
    const res = await login(polluted);
    expect(res.status).toBe(401);
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const create = await owner.post<ErrorJson>('/api/users', JSON.parse('{"username":"eve","role":"analyst","__proto__":{"role":"owner"}}'));
    expect([201, 400]).toContain(create.status);
    if (create.status === 201) expect((create.body as unknown as { user: { role: string } }).user.role).toBe('analyst');
    const extra = await owner.patch<ErrorJson>('/api/users/1', { role: 'owner', isAdmin: true });
    expect(extra.status).toBe(400);
    expect(({} as Record<string, unknown>)['role']).toBeUndefined();
  });

  it('refuses wrong types and out-of-range values with issues naming the path', async () => {
    const res = await owner.post<ErrorJson>('/api/tokens', { name: 123, role: 'root', scopes: 'read' });
    expect(res.status).toBe(400);
    expect(res.body.error.issues!.map((i) => i.path).sort()).toEqual(['body.name', 'body.role', 'body.scopes']);
    expect((await owner.delete<ErrorJson>('/api/tokens/-1')).status).toBe(400);
    expect((await owner.delete<ErrorJson>('/api/tokens/1e400')).status).toBe(400);
    expect((await owner.get<ErrorJson>('/api/audit?limit=abc')).status).toBe(400);
  });

  it('never leaks a stack trace', async () => {
    const res = await owner.get('/api/audit?action=' + encodeURIComponent("x' OR 1=1 --"));
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });
});
