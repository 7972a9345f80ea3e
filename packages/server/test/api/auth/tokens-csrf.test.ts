/** CSRF on cookie sessions, API tokens (shown once, hashed at rest, scoped, revocable) and access rules. */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../support/api-harness.ts';
import type { SessionClient, TestApi } from '../support/api-harness.ts';

type ErrorJson = { error: { code: string } };
type Created = { token: { id: number; name: string; role: string; scopes: string[] }; secret: string };

describe('CSRF, tokens and scopes', () => {
  let t: TestApi;
  let owner: SessionClient;
  beforeAll(async () => {
    t = await createTestApi();
    // Probe routes with other scopes (the real ones live in the routes modules).
    for (const scope of ['import', 'campaigns', 'consent'] as const) {
      t.api.registry.add({ method: 'post', path: `/api/test/${scope}`, tag: 'test', summary: `needs ${scope}`, access: { role: 'operator', scope }, response: z.object({ ok: z.boolean() }), handler: async () => ({ ok: true }) });
    }
    t.api.registry.add({ method: 'get', path: '/api/test/read', tag: 'test', summary: 'needs read', access: { role: 'analyst', scope: 'read' }, response: z.object({ ok: z.boolean() }), handler: async () => ({ ok: true }) });
    owner = await t.login('owner');
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses unsafe cookie requests without the CSRF header or with a wrong one (403 csrf_failed)', async () => {
    const cookie = { cookie: `huitou_session=${owner.cookie}` };
    const missing = await t.anonymous.post<ErrorJson>('/api/tokens', { name: 'x', role: 'analyst', scopes: ['read'] }, { headers: cookie });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf_failed');
    const wrong = await t.anonymous.post<ErrorJson>('/api/tokens', { name: 'x', role: 'analyst', scopes: ['read'] }, { headers: { ...cookie, 'x-csrf-token': owner.csrfToken.slice(0, -1) + (owner.csrfToken.endsWith('A') ? 'B' : 'A') } });
    expect(wrong.body.error.code).toBe('csrf_failed');
    const otherSession = await t.login('owner');
    const foreign = await t.anonymous.post<ErrorJson>('/api/auth/logout', undefined, { headers: { ...cookie, 'x-csrf-token': otherSession.csrfToken } });
    expect(foreign.body.error.code).toBe('csrf_failed');
    for (const method of ['PATCH', 'DELETE', 'PUT']) {
      expect((await t.anonymous.request<ErrorJson>(method, '/api/users/1', { headers: cookie })).body.error.code).toBe('csrf_failed');
    }
    // safe methods need no header
    expect((await t.anonymous.get('/api/users', { headers: cookie })).status).toBe(200);
    expect(await t.db.all(`SELECT * FROM api_tokens`)).toEqual([]);
  });

  it('shows a token once, stores only its SHA-256 and never lists the secret', async () => {
    const res = await owner.post<Created>('/api/tokens', { name: 'erp sync', role: 'operator', scopes: ['read', 'import'] });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^hut_[A-Za-z0-9_-]{43}$/);
    expect(res.body.token).toMatchObject({ name: 'erp sync', role: 'operator', scopes: ['read', 'import'] });
    const stored = await t.db.all<Record<string, unknown>>(`SELECT * FROM api_tokens WHERE token_id = $1`, [res.body.token.id]);
    expect(stored[0]!['token_hash']).toBe(createHash('sha256').update(res.body.secret).digest('hex'));
    expect(JSON.stringify(stored, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))).not.toContain(res.body.secret.slice(4));
    const list = await owner.get('/api/tokens');
    expect(list.text).not.toContain(res.body.secret.slice(4));
    const audit = await t.db.all<{ action: string; detail: string }>(`SELECT action, detail FROM audit_log WHERE action = 'token.create'`);
    expect(audit.length).toBe(1);
    expect(audit[0]!.detail).not.toContain(res.body.secret.slice(4));
  });

  it('bearer requests need no CSRF header; scopes and roles are enforced', async () => {
    const created = await owner.post<Created>('/api/tokens', { name: 'importer', role: 'operator', scopes: ['read', 'import'] });
    const token = t.bearer(created.body.secret);
    expect((await token.post('/api/test/import')).status).toBe(200);
    expect((await token.get('/api/test/read')).status).toBe(200);
    const denied = await token.post<ErrorJson>('/api/test/campaigns');
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    expect((await token.post('/api/test/consent')).status).toBe(403);
    // a session has every scope its role allows
    const operator = await t.login('operator');
    for (const scope of ['import', 'campaigns', 'consent']) expect((await operator.post(`/api/test/${scope}`)).status).toBe(200);
    const analyst = await t.login('analyst');
    expect((await analyst.post('/api/test/import')).status).toBe(403);
    expect((await analyst.get('/api/test/read')).status).toBe(200);
    expect((await analyst.get('/api/users')).status).toBe(403);
    expect((await operator.get('/api/audit')).status).toBe(403);
  });

  it('refuses a token whose scopes exceed its role', async () => {
    const res = await owner.post<ErrorJson>('/api/tokens', { name: 'too much', role: 'analyst', scopes: ['read', 'campaigns'] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const analystToken = await t.tokenClient('analyst', ['read']);
    expect((await analystToken.post('/api/test/import')).status).toBe(403);
  });

  it('tokens cannot administer users or tokens, even an owner token', async () => {
    const ownerToken = await t.tokenClient('owner', ['read', 'import', 'campaigns', 'consent']);
    expect((await ownerToken.get('/api/users')).status).toBe(200);
    expect((await ownerToken.post('/api/tokens', { name: 'child', role: 'owner', scopes: ['read'] })).status).toBe(403);
    expect((await ownerToken.post('/api/users', { username: 'mallory', role: 'owner' })).status).toBe(403);
    expect((await ownerToken.patch('/api/users/1', { role: 'analyst' })).status).toBe(403);
    expect((await ownerToken.post('/api/auth/logout')).status).toBe(403);
  });

  it('revocation takes effect on the very next request and is audited', async () => {
    const created = await owner.post<Created>('/api/tokens', { name: 'short-lived', role: 'analyst', scopes: ['read'] });
    const token = t.bearer(created.body.secret);
    expect((await token.get('/api/test/read')).status).toBe(200);
    expect((await owner.delete(`/api/tokens/${created.body.token.id}`)).status).toBe(200);
    const after = await token.get<ErrorJson>('/api/test/read');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
    expect((await owner.delete(`/api/tokens/${created.body.token.id}`)).status).toBe(404);
    const listed = await owner.get<{ rows: { id: number; revokedAt: string | null }[] }>('/api/tokens');
    expect(listed.body.rows.find((r) => r.id === created.body.token.id)!.revokedAt).not.toBeNull();
    const audit = await t.db.all<{ target: string }>(`SELECT target FROM audit_log WHERE action = 'token.revoke'`);
    expect(audit).toEqual([{ target: `token:${created.body.token.id}` }]);
  });

  it('rejects malformed bearer headers and unknown tokens with 401', async () => {
    for (const header of ['Bearer', 'Bearer hut_short', 'Basic b3duZXI6eA==', `Bearer hut_${'A'.repeat(43)}`, 'Bearer ' + 'x'.repeat(10_000)]) {
      const res = await t.anonymous.get<ErrorJson>('/api/test/read', { headers: { authorization: header } });
      expect(res.status).toBe(401);
    }
    // a bearer header is never silently ignored in favour of a valid cookie
    const res = await t.anonymous.get('/api/test/read', { headers: { authorization: 'Bearer nope', cookie: `huitou_session=${owner.cookie}` } });
    expect(res.status).toBe(401);
  });

  it('reports token last use', async () => {
    const token = await t.tokenClient('analyst', ['read'], 'last-use');
    await token.get('/api/test/read');
    const [row] = await t.db.all<{ last_used_ms: number }>(`SELECT last_used_ms FROM api_tokens WHERE token_id = $1`, [token.tokenId]);
    expect(Number(row!.last_used_ms)).toBe(t.clock.ms);
  });
});
