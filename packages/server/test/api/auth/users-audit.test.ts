/** Users and roles over HTTP (owner only), the last-owner rule, and the audit log with filters and paging. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../support/api-harness.ts';
import type { SessionClient, TestApi } from '../support/api-harness.ts';

type ErrorJson = { error: { code: string; message: string } };
type UserJson = { id: number; username: string; role: string; disabled: boolean };
type AuditJson = { total: number; rows: { id: number; at: string; action: string; target: string | null; actor: { username: string | null }; detail: unknown; ip: string | null }[] };

describe('users, roles and the audit log', () => {
  let t: TestApi;
  let owner: SessionClient;
  let ids: Record<string, number>;
  beforeAll(async () => {
    t = await createTestApi();
    owner = await t.login('owner');
    const list = await owner.get<{ rows: UserJson[] }>('/api/users');
    ids = Object.fromEntries(list.body.rows.map((u) => [u.username, u.id]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists users without password hashes', async () => {
    const res = await owner.get<{ total: number; rows: UserJson[] }>('/api/users');
    expect(res.body.total).toBe(3);
    expect(res.text).not.toMatch(/scrypt|password/i);
  });

  it('creates a user with a generated password shown once, who can then log in', async () => {
    const res = await owner.post<{ user: UserJson; password: string }>('/api/users', { username: '小王', role: 'analyst', displayName: '小王 (客服)' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ username: '小王', role: 'analyst', disabled: false });
    expect(res.body.password.length).toBeGreaterThanOrEqual(20);
    const again = await owner.post<ErrorJson>('/api/users', { username: '小王', role: 'analyst' });
    expect(again.status).toBe(409);
    const client = await t.login('小王', res.body.password);
    expect((await client.get<{ user: { role: string } }>('/api/auth/me')).body.user.role).toBe('analyst');
    const chosen = await owner.post<{ password: string | null }>('/api/users', { username: 'ops2', role: 'operator', password: 'chosen-password' });
    expect(chosen.body.password).toBeNull();
    expect((await owner.post<ErrorJson>('/api/users', { username: 'weak', role: 'operator', password: 'short' })).body.error.code).toBe('validation_failed');
  });

  it('changes roles, ends the user\'s sessions and audits the change', async () => {
    const operator = await t.login('operator');
    const res = await owner.patch<UserJson>(`/api/users/${ids['operator']}`, { role: 'analyst' });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('analyst');
    expect((await operator.get('/api/auth/me')).status).toBe(401);
    const relogin = await t.login('operator');
    expect((await relogin.get<{ user: { role: string; scopes: string[] } }>('/api/auth/me')).body.user).toMatchObject({ role: 'analyst', scopes: ['read'] });
    const audit = await owner.get<AuditJson>('/api/audit?action=user.role_change');
    expect(audit.body.rows[0]).toMatchObject({ action: 'user.role_change', target: `user:${ids['operator']}`, actor: { username: 'owner' }, detail: { username: 'operator', from: 'operator', to: 'analyst' } });
    await owner.patch(`/api/users/${ids['operator']}`, { role: 'operator' });
  });

  it('disables and re-enables a user, ending their sessions', async () => {
    const analyst = await t.login('analyst');
    expect((await owner.patch<UserJson>(`/api/users/${ids['analyst']}`, { disabled: true })).body.disabled).toBe(true);
    expect((await analyst.get('/api/auth/me')).status).toBe(401);
    await expect(t.login('analyst')).rejects.toThrow(/401/);
    await owner.patch(`/api/users/${ids['analyst']}`, { disabled: false });
    await t.login('analyst');
    const actions = (await owner.get<AuditJson>('/api/audit?action=user.')).body.rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable', 'user.create']));
  });

  it('resets a password', async () => {
    await owner.patch(`/api/users/${ids['analyst']}`, { password: 'a-new-password' });
    await expect(t.login('analyst')).rejects.toThrow(/401/);
    await t.login('analyst', 'a-new-password');
  });

  it('never demotes or disables the last owner', async () => {
    const demote = await owner.patch<ErrorJson>(`/api/users/${ids['owner']}`, { role: 'operator' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('conflict');
    expect((await owner.patch<ErrorJson>(`/api/users/${ids['owner']}`, { disabled: true })).status).toBe(409);
    // with a second owner it works (and the second owner is then the last one)
    const second = await owner.post<{ user: UserJson; password: string }>('/api/users', { username: 'owner2', role: 'owner' });
    expect((await owner.patch<UserJson>(`/api/users/${ids['owner']}`, { role: 'operator' })).status).toBe(200);
    const owner2 = await t.login('owner2', second.body.password);
    expect((await owner2.patch(`/api/users/${second.body.user.id}`, { role: 'analyst' })).status).toBe(409);
    expect((await owner2.patch(`/api/users/${ids['owner']}`, { role: 'owner' })).status).toBe(200);
    owner = await t.login('owner');
  });

  it('answers 404 for an unknown user and 400 for an empty change', async () => {
    expect((await owner.patch<ErrorJson>('/api/users/99999', { role: 'analyst' })).status).toBe(404);
    expect((await owner.patch<ErrorJson>(`/api/users/${ids['analyst']}`, {})).status).toBe(400);
    expect((await owner.patch<ErrorJson>('/api/users/abc', { role: 'analyst' })).status).toBe(400);
  });

  it('filters and pages the audit log, newest first, with the client address', async () => {
    const all = await owner.get<AuditJson>('/api/audit?limit=500');
    expect(all.body.total).toBe(all.body.rows.length);
    const ats = all.body.rows.map((r) => r.id);
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    const page = await owner.get<AuditJson>('/api/audit?limit=2&offset=1');
    expect(page.body.rows.map((r) => r.id)).toEqual(ats.slice(1, 3));
    expect(page.body.total).toBe(all.body.total);
    const logins = await owner.get<AuditJson>('/api/audit?action=auth.login&actor=owner');
    expect(logins.body.rows.every((r) => r.action === 'auth.login' && r.actor.username === 'owner' && r.ip === '127.0.0.1')).toBe(true);
    const future = await owner.get<AuditJson>(`/api/audit?from=${new Date(t.clock.ms + 1000).toISOString()}`);
    expect(future.body.total).toBe(0);
    expect((await owner.get('/api/audit?limit=501')).status).toBe(400);
    expect((await owner.get('/api/audit?from=yesterday')).status).toBe(400);
  });
});
