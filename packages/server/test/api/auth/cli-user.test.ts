/** huitou user add|list|role|disable|enable in-process, and ensureDemoOwner. */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/api/auth/password.ts';
import { ensureDemoOwner } from '../../../src/api/auth/user-admin.ts';
import { findCredentials } from '../../../src/api/auth/users.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { tempDir } from '../../support/paths.ts';
import { cli, json } from '../../support/run-cli.ts';

describe('huitou user', () => {
  const dir = tempDir();
  const db = join(dir.path, 'users.duckdb');
  afterAll(() => dir.remove());

  it('adds an owner with a generated password printed once, and lists users', async () => {
    const add = await cli(['user', 'add', 'boss', '--role', 'owner', '--db', db, '--json']);
    expect(add.code).toBe(0);
    const created = json<{ user: { username: string; role: string }; password: string }>(add);
    expect(created.user).toMatchObject({ username: 'boss', role: 'owner' });
    expect(created.password.length).toBeGreaterThanOrEqual(20);
    const text = await cli(['user', 'add', 'ana', '--role', 'analyst', '--password', 'analyst-pass', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Created user: ana');
    expect(text.stdout).not.toContain('Password');
    const list = json<{ users: { username: string; role: string; disabled: boolean }[] }>(await cli(['user', 'list', '--db', db, '--json']));
    expect(list.users.map((u) => [u.username, u.role])).toEqual([['boss', 'owner'], ['ana', 'analyst']]);
    const store = await openStore({ path: db });
    try {
      const boss = await findCredentials(store, 'boss');
      expect(await verifyPassword(created.password, boss!.passwordHash)).toBe(true);
      expect(boss!.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$/);
    } finally {
      store.close();
    }
  });

  it('changes roles and disables, keeps the last owner, and audits', async () => {
    expect((await cli(['user', 'role', 'ana', 'operator', '--db', db])).stdout).toContain('ana: role operator');
    const last = await cli(['user', 'role', 'boss', 'analyst', '--db', db, '--json']);
    expect(last.code).toBe(1);
    expect(json<{ error: { code: string } }>(last).error.code).toBe('last_owner');
    expect((await cli(['user', 'disable', 'boss', '--db', db])).code).toBe(1);
    expect((await cli(['user', 'disable', 'ana', '--db', db, '--lang', 'zh'])).stdout).toContain('ana: 已停用');
    expect((await cli(['user', 'enable', 'ana', '--db', db])).code).toBe(0);
    const store = await openStore({ path: db });
    try {
      const actions = (await store.all<{ action: string; actor_username: string }>('SELECT action, actor_username FROM audit_log ORDER BY audit_id')).map((r) => `${r.actor_username}:${r.action}`);
      expect(actions).toEqual(['cli:user.create', 'cli:user.create', 'cli:user.role_change', 'cli:user.disable', 'cli:user.enable']);
    } finally {
      store.close();
    }
  });

  it('reports usage errors and unknown users', async () => {
    expect((await cli(['user', 'add', 'x', '--db', db])).code).toBe(2);
    expect((await cli(['user', 'add', 'x', '--role', 'root', '--db', db])).code).toBe(2);
    expect((await cli(['user', 'role', 'nobody', 'owner', '--db', db])).code).toBe(1);
    expect((await cli(['user', 'add', 'boss', '--role', 'owner', '--db', db])).code).toBe(1);
    expect((await cli(['user', 'add', 'bad name', '--role', 'owner', '--db', db])).code).toBe(1);
    expect((await cli(['user', 'frobnicate', '--db', db])).code).toBe(2);
  });

  it('ensureDemoOwner creates demo once', async () => {
    const store = await openStore({ path: join(dir.path, 'demo.duckdb') });
    try {
      const first = await ensureDemoOwner(store);
      expect(first.username).toBe('demo');
      expect(first.password).not.toBeNull();
      const creds = await findCredentials(store, 'demo');
      expect(creds!.user.role).toBe('owner');
      expect(await verifyPassword(first.password!, creds!.passwordHash)).toBe(true);
      expect(await ensureDemoOwner(store)).toEqual({ username: 'demo', password: null });
    } finally {
      store.close();
    }
  });
});
