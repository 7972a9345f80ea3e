/** huitou campaign … in-process: validation errors point at the mistake, plan is idempotent, status and pause work. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/paths.ts';
import { cli, json } from '../support/run-cli.ts';

const GOOD = `
key: hello
name: 你好
kind: care
trigger: { kind: once, at: { year: 2026, month: 6, day: 30, hour: 10, minute: 0 } }
audience: { everyone: true }
channels: [sms]
holdout: 0
content:
  sms:
    - text: "【小店】{{customer.name | default:\\"亲\\"}}，谢谢惠顾！回T退订"
`;

describe('huitou campaign', () => {
  const dir = tempDir();
  const db = join(dir.path, 'shop.duckdb');
  const env = { HUITOU_SMS_SIGN: '小店' };
  beforeAll(async () => {
    writeFileSync(join(dir.path, 'o.csv'), 'order_id,customer_id,order_time,amount,phone\nA1,c1,2026-06-01 10:00:00,10,13800000001\nA2,c2,2026-06-02 10:00:00,20,13800000002\n');
    expect((await cli(['import', join(dir.path, 'o.csv'), '--db', db])).code).toBe(0);
    writeFileSync(join(dir.path, 'good.yaml'), GOOD);
  });
  afterAll(() => dir.remove());

  it('validate: a good file passes; mistakes are listed with their path and exit 1', async () => {
    expect((await cli(['campaign', 'validate', join(dir.path, 'good.yaml')], env)).code).toBe(0);
    const bad = GOOD.replace('kind: care', 'kind: spam').replace('channels: [sms]', 'channels: [pigeon]').replace('everyone: true', 'lifecycel: silent');
    writeFileSync(join(dir.path, 'bad.yaml'), bad);
    const run = await cli(['campaign', 'validate', join(dir.path, 'bad.yaml'), '--json'], env);
    expect(run.code).toBe(1);
    const paths = json<{ files: { issues: { path: string; message: string }[] }[] }>(run).files[0]!.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'channels.0']));
    expect(paths.some((p) => p.startsWith('audience'))).toBe(true);
    expect(run.stdout).toContain('lifecycle');
  });

  it('validate: hostile files give clear errors, never a crash', async () => {
    const cases = {
      'notyaml.yaml': 'key: [unclosed',
      'bomb.yaml': 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
      'array.yaml': '- 1\n- 2\n',
      'huge.yaml': `key: x\nname: "${'长'.repeat(300_000)}"\n`,
      'proto.json': '{"__proto__": {"polluted": true}, "key": "p"}',
    };
    for (const [name, text] of Object.entries(cases)) {
      writeFileSync(join(dir.path, name), text);
      const run = await cli(['campaign', 'validate', join(dir.path, name)], env);
      expect(run.code, name).toBe(1);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((await cli(['campaign', 'validate', join(dir.path, 'missing.yaml')], env)).code).toBe(1);
  });

  it('plan writes one touch per customer once; preview writes nothing; status, pause and resume', async () => {
    const preview = json<{ campaigns: { plans: { queued: number }[] }[] }>(await cli(['campaign', 'preview', join(dir.path, 'good.yaml'), '--db', db, '--date', '2026-06-30', '--json'], env));
    expect(preview.campaigns[0]!.plans[0]!.queued).toBe(2);
    const first = json<{ campaigns: { plans: { queued: number }[] }[] }>(await cli(['campaign', 'plan', join(dir.path, 'good.yaml'), '--db', db, '--date', '2026-06-30', '--json'], env));
    expect(first.campaigns[0]!.plans[0]!.queued).toBe(2);
    const again = json<{ campaigns: { plans: { queued: number }[] }[] }>(await cli(['campaign', 'plan', 'hello', '--db', db, '--date', '2026-06-30', '--json'], env));
    expect(again.campaigns[0]!.plans[0]!.queued).toBe(0);
    expect((await cli(['campaign', 'pause', 'hello', '--reason', '文案待改', '--db', db], env)).code).toBe(0);
    const status = json<{ campaigns: { key: string; status: string; statusReason: string; touches: Record<string, number> }[] }>(await cli(['campaign', 'status', '--db', db, '--json'], env));
    expect(status.campaigns[0]).toMatchObject({ key: 'hello', status: 'paused', statusReason: '文案待改', touches: { queued: 2 } });
    expect((await cli(['campaign', 'resume', 'hello', '--db', db], env)).code).toBe(0);
    expect((await cli(['campaign', 'pause', 'nope', '--db', db], env)).code).toBe(1);
    expect((await cli(['campaign', 'plan', '--db', db], env)).code).toBe(2);
    expect((await cli(['campaign', 'frobnicate', '--db', db], env)).code).toBe(2);
  });

  it('task-list touches wait for a person: exported once as CSV with masked phones, then marked sent', async () => {
    // A marketing follow-up call: the care campaign above already used today's care cap for these customers.
    const taskCampaign = GOOD.replace('key: hello', 'key: call-back').replace('kind: care', 'kind: marketing').replace('channels: [sms]', 'channels: [task]').replace(
      'content:\n  sms:\n    - text: "【小店】{{customer.name | default:\\"亲\\"}}，谢谢惠顾！回T退订"',
      'content:\n  task:\n    - text: "电话回访 {{customer.nick}}"',
    );
    writeFileSync(join(dir.path, 'task.yaml'), taskCampaign);
    expect((await cli(['campaign', 'plan', join(dir.path, 'task.yaml'), '--db', db, '--date', '2026-06-30'], env)).code).toBe(0);
    const out = join(dir.path, 'tasks.csv');
    const first = json<{ tasks: number }>(await cli(['campaign', 'tasks', '--out', out, '--db', db, '--json'], env));
    expect(first.tasks).toBe(2);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('138****0001');
    expect(text).not.toContain('13800000001');
    expect(json<{ tasks: number }>(await cli(['campaign', 'tasks', '--out', out, '--db', db, '--json'], env)).tasks).toBe(0);
    expect((await cli(['campaign', 'tasks', '--db', db], env)).code).toBe(2);
  });
});

describe('membership anniversary trigger', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('reaches customers whose first order was on this day at least a year ago', async () => {
    const db = join(dir.path, 'a.duckdb');
    writeFileSync(join(dir.path, 'o.csv'), [
      'order_id,customer_id,order_time,amount,phone',
      'A1,c1,2024-06-30 10:00:00,10,13800000001', // two years ago today
      'A2,c2,2025-06-30 10:00:00,10,13800000002', // one year ago today
      'A3,c3,2026-06-30 09:00:00,10,13800000003', // today: not an anniversary
      'A4,c4,2025-07-01 10:00:00,10,13800000004', // tomorrow
    ].join('\n'));
    expect((await cli(['import', join(dir.path, 'o.csv'), '--db', db])).code).toBe(0);
    expect((await cli(['analyze', '--db', db, '--as-of', '2026-06-30'])).code).toBe(0);
    writeFileSync(join(dir.path, 'anniv.yaml'), GOOD.replace('key: hello', 'key: anniv').replace(/trigger: .*\n/, 'trigger: { kind: anniversary, daysBefore: 0 }\n'));
    const plan = json<{ campaigns: { plans: { audience: number; occurrenceKey: string }[] }[] }>(
      await cli(['campaign', 'preview', join(dir.path, 'anniv.yaml'), '--db', db, '--date', '2026-06-30', '--json'], { HUITOU_SMS_SIGN: '小店' }),
    );
    expect(plan.campaigns[0]!.plans[0]).toMatchObject({ occurrenceKey: 'anniversary:2026-06-30', audience: 2 });
  });
});
