/**
 * huitou shop and the per-shop SMS signature: the demo shop carries the signature its starter campaigns are
 * written with, so `huitou campaign` accepts them (it used the shop's name before, and refused every one);
 * a shop's own signature wins over HUITOU_SMS_SIGN, which wins over the shop's name; bad signatures are
 * usage errors that change nothing.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsSignProblem } from '../../src/engine/channels/sms/sms-sign.ts';
import { smsSignOf } from '../../src/store/repositories/shop.repository.ts';
import { cli, json } from '../support/run-cli.ts';
import { tempDir } from '../support/paths.ts';

const tmp = tempDir();
const db = join(tmp.path, 'shop.duckdb');
afterAll(() => tmp.remove());

beforeAll(async () => {
  const demo = await cli(['demo', '--customers', '300', '--years', '1', '--db', db, '--out', join(tmp.path, 'exports'), '--json']);
  expect(demo.code, demo.stderr).toBe(0);
}, 120_000);

describe('huitou shop', () => {
  it("gives the demo shop the starter campaigns' signature, so the CLI's campaign commands accept them", async () => {
    const shown = await cli(['shop', '--db', db, '--shop', 'demo', '--json']);
    expect(json(shown)).toEqual({ shop: 'demo', timeZone: 'Asia/Shanghai', smsSign: '回头客示范店', smsSignSource: 'shop', shopSmsSign: '回头客示范店' });
    const preview = await cli(['campaign', 'preview', 'silent-winback', '--db', db, '--shop', 'demo', '--json']);
    expect(preview.code, preview.stderr).toBe(0);
  }, 60_000);

  it("sets, shows and clears the shop's own signature; HUITOU_SMS_SIGN applies only without one", async () => {
    const set = await cli(['shop', '--db', db, '--shop', 'demo', '--sms-sign', ' 小兔家居 ', '--json']);
    expect(json(set)).toMatchObject({ smsSign: '小兔家居', smsSignSource: 'shop' });
    const withEnv = await cli(['shop', '--db', db, '--shop', 'demo', '--json'], { HUITOU_SMS_SIGN: '环境签名' });
    expect(json(withEnv)).toMatchObject({ smsSign: '小兔家居', smsSignSource: 'shop' });
    // The starter campaigns now carry a signature the shop does not send under: refused, with the reason.
    const refused = await cli(['campaign', 'preview', 'silent-winback', '--db', db, '--shop', 'demo']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('【小兔家居】');
    const cleared = await cli(['shop', '--db', db, '--shop', 'demo', '--clear-sms-sign', '--json'], { HUITOU_SMS_SIGN: '环境签名' });
    expect(json(cleared)).toMatchObject({ smsSign: '环境签名', smsSignSource: 'env', shopSmsSign: null });
    const byName = await cli(['shop', '--db', db, '--shop', 'demo', '--json']);
    expect(json(byName)).toMatchObject({ smsSign: 'demo', smsSignSource: 'name' });
    const text = await cli(['shop', '--db', db, '--shop', 'demo', '--sms-sign', '回头客示范店', '--lang', 'zh']);
    expect(text.stdout).toContain('短信签名: 【回头客示范店】 (店铺自己的)');
  }, 60_000);

  it('refuses bad signatures and option mixes as usage errors and changes nothing', async () => {
    for (const bad of ['x', '【回头客】', '十三个字的签名太长了太长了啊', 'a<script>', '\u0000\u0001', 'x'.repeat(10_000)]) {
      const run = await cli(['shop', '--db', db, '--shop', 'demo', '--sms-sign', bad]);
      expect(run.code, bad.slice(0, 20)).toBe(2);
    }
    expect((await cli(['shop', '--db', db, '--shop', 'demo', '--sms-sign', '小店', '--clear-sms-sign'])).code).toBe(2);
    expect((await cli(['shop', 'extra', '--db', db, '--shop', 'demo'])).code).toBe(2);
    expect(json(await cli(['shop', '--db', db, '--shop', 'demo', '--json']))).toMatchObject({ smsSign: '回头客示范店' });
    const missing = await cli(['shop', '--db', db, '--shop', 'nope', '--json']);
    expect(missing.code).toBe(1);
  }, 60_000);

  it('checks signatures as providers do, and resolves them shop first', () => {
    expect(smsSignProblem('小兔家居')).toBeNull();
    expect(smsSignProblem('Huitou 2')).toBeNull();
    expect(smsSignProblem('𠀀𠀀')).toBeNull();
    expect(smsSignProblem('十二个字的签名正好十二个')).toBeNull();
    expect(smsSignProblem('小')?.en).toContain('2 to 12');
    expect(smsSignProblem('【小店】')?.zh).toContain('不含【】');
    const shop = { shopId: 1, name: 'tb-shop', timeZone: 'Asia/Shanghai', smsSign: null };
    expect(smsSignOf(shop, null)).toBe('tb-shop');
    expect(smsSignOf(shop, '全局')).toBe('全局');
    expect(smsSignOf({ ...shop, smsSign: '自己的' }, '全局')).toBe('自己的');
  });
});
