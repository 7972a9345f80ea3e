import { describe, expect, it } from 'vitest';
import { cli, json } from '../support/run-cli.ts';

describe('huitou CLI basics', () => {
  it('prints help in English or Chinese and exits 0', async () => {
    const en = await cli(['--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Usage: huitou <command>');
    expect(en.stdout).toMatch(/import\s+import order export files/);
    const zh = await cli(['--help'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stdout).toContain('用法：huitou');
    const forced = await cli(['help', '--lang', 'zh']);
    expect(forced.stdout).toContain('命令');
  });

  it('exits 2 on an unknown command, an unknown option and a bad value', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    const badOption = await cli(['customers', '--db', ':memory:', '--no-such-option']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--no-such-option');
    const badLimit = await cli(['customers', '--db', ':memory:', '--limit', 'lots']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('--limit takes a whole number');
    const badLang = await cli(['customers', '--db', ':memory:', '--lang', 'fr']);
    expect(badLang.code).toBe(2);
    expect((await cli(['import'])).code).toBe(2);
    expect((await cli(['import', 'x.csv', '--format', 'myspace'])).code).toBe(2);
  });

  it('prints a JSON error document with --json and exits 1 on failure', async () => {
    const run = await cli(['customers', '--db', ':memory:', '--shop', 'nope', '--json']);
    expect(run.code).toBe(1);
    expect(json(run)).toEqual({ error: { code: 'no_shop', message: expect.stringContaining('nope') } });
  });

  it('rejects a bad HUITOU_TZ before doing anything', async () => {
    const run = await cli(['customers'], { HUITOU_TZ: 'Mars/Olympus' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('HUITOU_TZ');
  });
});
