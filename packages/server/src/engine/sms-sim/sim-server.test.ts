import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aliyunCanonicalQuery, aliyunPercentEncode, signAliyunRpc } from '../channels/sms/aliyun-signature.ts';
import { aliyunSendSmsParams } from '../channels/sms/aliyun-sms-channel.ts';
import { tc3Authorization } from '../channels/sms/tencent-signature.ts';
import { aliyunFor, careMessage, tencentFor, TEST_TEMPLATES } from '../channels/sms/sms-test-fixtures.ts';
import { startSmsSimulator, type SmsSimulator } from './sim-server.ts';
import { SIM_DEFAULT_CREDENTIALS } from './sim-types.ts';

const care = { id: 'SMS_CARE_001', params: { name: '王小明', item: '保温杯' } };
let dir: string;
let sim: SmsSimulator;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'huitou-sms-sim-'));
});
afterEach(async () => {
  await sim.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function getJson(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, init);
  return response.json() as Promise<unknown>;
}

function aliyunParams(nonce: string): Record<string, string> {
  const { accessKeyId, accessKeySecret } = SIM_DEFAULT_CREDENTIALS.aliyun;
  return aliyunSendSmsParams({ accessKeyId, accessKeySecret, signName: '回头客示范店' }, '13800138000', 'SMS_CARE_001', care.params, 'form-1', new Date(), nonce);
}

describe('sms-sim control endpoints', () => {
  it('lists, filters, counts, records to JSONL and resets', async () => {
    const record = join(dir, 'messages.jsonl');
    sim = await startSmsSimulator({ recordFile: record, templates: TEST_TEMPLATES });
    const channel = aliyunFor(sim);
    const message = careMessage('13800138000', care);
    await channel.send(message);
    await channel.send(message);
    await channel.send(careMessage('13800138001', care));
    expect(await getJson(`${sim.url}/sim/messages`)).toHaveLength(2);
    expect(await getJson(`${sim.url}/sim/messages?phone=13800138001`)).toMatchObject([{ phone: '+8613800138001' }]);
    expect(await getJson(`${sim.url}/sim/stats`)).toMatchObject({ requests: 3, accepted: 2, duplicates: 1, segments: 2, byProvider: { aliyun: 2, tencent: 0 } });
    expect(await getJson(`${sim.url}/sim/reset`, { method: 'POST' })).toEqual({ reset: true });
    expect(await getJson(`${sim.url}/sim/messages`)).toEqual([]);
    await sim.close();
    const lines = (await readFile(record, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(lines).toMatchObject([
      { provider: 'aliyun', phone: '+8613800138000', signName: '回头客示范店', templateId: 'SMS_CARE_001', params: care.params, idempotencyKey: message.idempotencyKey, segments: 1 },
      { phone: '+8613800138001' },
    ]);
  });

  it('reads and replaces the failure configuration over HTTP', async () => {
    sim = await startSmsSimulator();
    expect(await getJson(`${sim.url}/sim/failures`, { method: 'POST', body: JSON.stringify({ script: [{ kind: 'server_error' }] }) })).toEqual({ script: [{ kind: 'server_error' }] });
    expect(await aliyunFor(sim).send(careMessage('13800138000', care))).toMatchObject({ ok: false, failure: { reason: 'server_error' } });
    expect(await aliyunFor(sim).send(careMessage('13800138000', care))).toMatchObject({ ok: true });
  });

  it('answers 400 to non-provider requests and 404 to unknown routes', async () => {
    sim = await startSmsSimulator();
    expect((await fetch(`${sim.url}/`, { method: 'POST', body: '{}' })).status).toBe(400);
    expect((await fetch(`${sim.url}/nope`)).status).toBe(404);
  });

  it('injects seeded random 500s at the configured rate, reproducibly', async () => {
    sim = await startSmsSimulator();
    const run = async (): Promise<number> => {
      sim.reset();
      sim.setFailures({ failureRate: 0.1, seed: 7 });
      const channel = tencentFor(sim);
      for (let i = 0; i < 100; i++) await channel.send(careMessage(`1380013${String(i).padStart(4, '1')}`, { id: '449739', params: { '1': 'a', '2': 'b' } }));
      return sim.stats().injectedServerErrors;
    };
    const first = await run();
    expect(first).toBeGreaterThan(2);
    expect(first).toBeLessThan(25);
    expect(await run()).toBe(first);
    expect(sim.stats().accepted).toBe(100 - first);
  });
});

describe('sms-sim protocol checks', () => {
  it('accepts Aliyun form POSTs signed with POST, refuses GET signatures and reused nonces', async () => {
    sim = await startSmsSimulator();
    const secret = SIM_DEFAULT_CREDENTIALS.aliyun.accessKeySecret;
    const post = async (params: Record<string, string>, signature: string): Promise<unknown> =>
      getJson(`${sim.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `Signature=${aliyunPercentEncode(signature)}&${aliyunCanonicalQuery(params)}` });
    const good = aliyunParams('n-1');
    expect(await post(good, signAliyunRpc('POST', good, secret))).toMatchObject({ Code: 'OK', BizId: expect.any(String) });
    const wrongMethod = aliyunParams('n-2');
    expect(await post(wrongMethod, signAliyunRpc('GET', wrongMethod, secret))).toMatchObject({ Code: 'SignatureDoesNotMatch' });
    const reused = aliyunParams('n-1');
    expect(await post(reused, signAliyunRpc('POST', reused, secret))).toMatchObject({ Code: 'SignatureNonceUsed' });
  });

  it('refuses a Tencent request whose body changed after signing', async () => {
    sim = await startSmsSimulator();
    const { secretId, secretKey, sdkAppId } = SIM_DEFAULT_CREDENTIALS.tencent;
    const body = JSON.stringify({ PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: sdkAppId, SignName: '回头客示范店', TemplateId: '449739', TemplateParamSet: ['a'], SessionContext: 'k' });
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = { 'content-type': 'application/json; charset=utf-8', host: new URL(sim.url).host };
    const headers = {
      'content-type': signed['content-type'], 'x-tc-action': 'SendSms', 'x-tc-version': '2021-01-11', 'x-tc-timestamp': String(timestamp),
      authorization: tc3Authorization({ secretId, secretKey }, 'sms', timestamp, { method: 'POST', path: '/', query: '', headers: signed, payload: body }),
    };
    expect(await getJson(`${sim.url}/`, { method: 'POST', headers, body })).toMatchObject({ Response: { SendStatusSet: [{ Code: 'Ok', Fee: 1 }] } });
    const tampered = body.replace('13800138000', '13800138999');
    expect(await getJson(`${sim.url}/`, { method: 'POST', headers, body: tampered })).toMatchObject({ Response: { Error: { Code: 'AuthFailure.SignatureFailure' } } });
    expect(await getJson(`${sim.url}/`, { method: 'POST', headers: { ...headers, authorization: 'TC3-HMAC-SHA256 nonsense' }, body })).toMatchObject({ Response: { Error: { Code: 'AuthFailure.InvalidAuthorization' } } });
  });
});
