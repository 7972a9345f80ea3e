/**
 * `huitou serve` as a real process: it prints where it listens (--json), answers, refuses a bad port as a
 * usage error, and stops cleanly on SIGTERM (exit 0, the store closed so another process can open it).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { tempDir } from '../support/paths.ts';
import { cli } from '../support/run-cli.ts';

const BIN = fileURLToPath(new URL('../../bin/huitou.js', import.meta.url));
const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

describe('huitou serve', () => {
  it('listens, answers and stops on SIGTERM', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = join(dir.path, 'serve.duckdb');
    const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--no-send', '--web', join(dir.path, 'no-web'), '--json'], {
      env: { ...process.env, LANG: 'en_US.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 300 && !out.includes('"url"'); i++) await new Promise((r) => setTimeout(r, 100));
    const { url } = JSON.parse(out) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(err).toContain('dashboard is not built');
    const me = await fetch(`${url}/api/auth/me`);
    expect(me.status).toBe(401);
    expect(await me.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    const page = await fetch(`${url}/customers`);
    expect(page.status).toBe(503);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const store = await openStore({ path: db });
    expect(await store.all('SELECT count(*) AS n FROM users')).toEqual([{ n: 0 }]);
    store.close();
  });

  it('refuses a bad port or a stray argument as a usage error', async () => {
    expect((await cli(['serve', '--port', '70000'])).code).toBe(2);
    expect((await cli(['serve', '--port', 'abc'])).code).toBe(2);
    expect((await cli(['serve', 'extra'])).code).toBe(2);
  });
});
