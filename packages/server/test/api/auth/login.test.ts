/** Login, logout, cookies, session expiry on a pinned clock, and login rate limiting. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../../src/api/auth/sessions.ts';
import { PASSWORDS, createTestApi, sessionCookie } from '../support/api-harness.ts';
import type { TestApi } from '../support/api-harness.ts';

type ErrorJson = { error: { code: string; message: string; messageZh: string } };

describe('login and sessions', () => {
  let t: TestApi;
  beforeEach(async () => {
    t = await createTestApi();
  });
  afterEach(async () => {
    await t.close();
  });

  it('logs in with a HttpOnly, SameSite=Strict cookie and returns the user and a CSRF token', async () => {
    const res = await t.anonymous.post<{ user: { username: string; role: string }; csrfToken: string }>('/api/auth/login', { username: 'operator', password: PASSWORDS.operator });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'operator', role: 'operator' });
    expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('huitou_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.text).not.toContain(sessionCookie(res.headers)!);
  });

  it('sets Secure on https', async () => {
    const res = await t.api.app.request('https://crm.example.com/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'owner', password: PASSWORDS.owner }) });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join('\n')).toMatch(/huitou_session=[^;]+;.*Secure/);
  });

  it('stores only the hash of the session id', async () => {
    const client = await t.login('owner');
    const rows = await t.db.all<{ session_hash: string }>('SELECT session_hash FROM sessions');
    expect(rows.length).toBe(1);
    expect(rows[0]!.session_hash).not.toContain(client.cookie);
    expect(rows[0]!.session_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong password and an unknown user with the same answer, and audits both', async () => {
    const wrong = await t.anonymous.post<ErrorJson>('/api/auth/login', { username: 'owner', password: 'not-the-password' });
    const unknown = await t.anonymous.post<ErrorJson>('/api/auth/login', { username: 'nobody', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('unauthenticated');
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const audit = await t.db.all<{ action: string; detail: string }>(`SELECT action, detail FROM audit_log WHERE action = 'auth.login_failed' ORDER BY audit_id`);
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ username: 'owner', reason: 'wrong_password' }, { username: 'nobody', reason: 'unknown_user' }]);
  });

  it('spends the same scrypt work on unknown users as on wrong passwords (timing)', async () => {
    const time = async (username: string, i: number): Promise<number> => {
      const start = performance.now();
      await t.anonymous.post('/api/auth/login', { username, password: 'wrong-password' }, { address: `10.0.0.${i}` });
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    await time('nobody-warmup', 200);
    for (let i = 0; i < 5; i++) {
      known.push(await time('analyst', i));
      unknown.push(await time(`nobody${i}`, 100 + i));
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[2]!;
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });

  it('refuses a disabled user even with the right password', async () => {
    await t.db.run(`UPDATE users SET disabled = true WHERE username = 'analyst'`);
    const res = await t.anonymous.post<ErrorJson>('/api/auth/login', { username: 'analyst', password: PASSWORDS.analyst });
    expect(res.status).toBe(401);
  });

  it('ends the session at logout and audits login and logout', async () => {
    const client = await t.login('analyst');
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const actions = (await t.db.all<{ action: string }>(`SELECT action FROM audit_log ORDER BY audit_id`)).map((a) => a.action);
    expect(actions).toEqual(['auth.login', 'auth.logout']);
  });

  it('answers 401 in the error shape without credentials and for a made-up cookie', async () => {
    const none = await t.anonymous.get<ErrorJson>('/api/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: 'unauthenticated' });
    expect(none.body.error.messageZh.length).toBeGreaterThan(0);
    const fake = await t.anonymous.get('/api/auth/me', { headers: { cookie: 'huitou_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } });
    expect(fake.status).toBe(401);
    expect((await t.anonymous.get('/api/no-such-route')).status).toBe(401);
  });

  it('expires a session after 12 hours idle', async () => {
    const client = await t.login('operator');
    t.clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    t.clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    t.clock.advance(SESSION_IDLE_MS);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect(await t.db.all('SELECT * FROM sessions')).toEqual([]);
  });

  it('expires a busy session 7 days after login', async () => {
    const client = await t.login('operator');
    const step = SESSION_IDLE_MS - 60 * 60 * 1000;
    for (let elapsed = step; elapsed < SESSION_ABSOLUTE_MS; elapsed += step) {
      t.clock.advance(step);
      expect((await client.get('/api/auth/me')).status).toBe(200);
    }
    t.clock.advance(step);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('rate-limits 10 failures per username: 429 with Retry-After, even for the right password, until the window passes', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await t.anonymous.post('/api/auth/login', { username: 'owner', password: `guess-${i}-xxxx` }, { address: `192.0.2.${i}` });
      expect(res.status).toBe(401);
    }
    const blocked = await t.anonymous.post<ErrorJson>('/api/auth/login', { username: 'owner', password: PASSWORDS.owner }, { address: '192.0.2.99' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    // another user is not affected
    expect((await t.anonymous.post('/api/auth/login', { username: 'analyst', password: PASSWORDS.analyst }, { address: '192.0.2.98' })).status).toBe(200);
    t.clock.advance(15 * 60 * 1000);
    expect((await t.anonymous.post('/api/auth/login', { username: 'owner', password: PASSWORDS.owner }, { address: '192.0.2.97' })).status).toBe(200);
  });

  it('rate-limits 10 failures per client address across usernames', async () => {
    for (let i = 0; i < 10; i++) await t.anonymous.post('/api/auth/login', { username: `spray${i}`, password: 'password1' }, { address: '198.51.100.7' });
    const blocked = await t.anonymous.post('/api/auth/login', { username: 'operator', password: PASSWORDS.operator }, { address: '198.51.100.7' });
    expect(blocked.status).toBe(429);
    expect((await t.anonymous.post('/api/auth/login', { username: 'operator', password: PASSWORDS.operator }, { address: '198.51.100.8' })).status).toBe(200);
  });

  it('a new login replaces the session the browser already had', async () => {
    const first = await t.login('owner');
    const again = await t.anonymous.post('/api/auth/login', { username: 'owner', password: PASSWORDS.owner }, { headers: { cookie: `huitou_session=${first.cookie}` } });
    expect(again.status).toBe(200);
    expect((await first.get('/api/auth/me')).status).toBe(401);
  });

  it('behind a trusted proxy, throttles and audits by the forwarded client; from anyone else the header is ignored', async () => {
    const proxied = await createTestApi({ env: { HUITOU_TRUSTED_PROXIES: '127.0.0.1, ::1' } });
    try {
      const via = (client: string, extra: Record<string, string> = {}) => ({ address: '127.0.0.1', headers: { 'x-forwarded-for': client, ...extra } });
      for (let i = 0; i < 10; i++) await proxied.anonymous.post('/api/auth/login', { username: `spray${i}`, password: 'password1' }, via('198.51.100.7'));
      expect((await proxied.anonymous.post('/api/auth/login', { username: 'operator', password: PASSWORDS.operator }, via('198.51.100.7'))).status).toBe(429);
      // Another client behind the same proxy is not locked out, and a client cannot unlock itself by prepending
      // an address of its own.
      expect((await proxied.anonymous.post('/api/auth/login', { username: 'operator', password: PASSWORDS.operator }, via('203.0.113.9'))).status).toBe(200);
      expect((await proxied.anonymous.post('/api/auth/login', { username: 'operator', password: PASSWORDS.operator }, via('192.0.2.1, 198.51.100.7'))).status).toBe(429);
      const rows = await proxied.db.all<{ ip: string }>(`SELECT DISTINCT ip FROM audit_log WHERE action = 'auth.login' ORDER BY ip`);
      expect(rows.map((r) => r.ip)).toEqual(['203.0.113.9']);
    } finally {
      await proxied.close();
    }
    // Without HUITOU_TRUSTED_PROXIES the header is the client's own word: ignored.
    for (let i = 0; i < 10; i++) await t.anonymous.post('/api/auth/login', { username: `spray${i}`, password: 'password1' }, { address: '198.51.100.20', headers: { 'x-forwarded-for': `192.0.2.${i}` } });
    expect((await t.anonymous.post('/api/auth/login', { username: 'operator', password: PASSWORDS.operator }, { address: '198.51.100.20', headers: { 'x-forwarded-for': '203.0.113.50' } })).status).toBe(429);
  });
});
