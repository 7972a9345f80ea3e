import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmsSimulator, type SmsSimulator } from '../../sms-sim/sim-server.ts';
import { careMessage, tencentFor, TEST_TEMPLATES } from './sms-test-fixtures.ts';
import { tencentCodeOutcome } from './tencent-codes.ts';
import { tencentSendSmsBody } from './tencent-sms-channel.ts';

const care = { id: '449739', params: { '1': '王小明', '2': '保温杯' } };
let sim: SmsSimulator;

beforeAll(async () => {
  sim = await startSmsSimulator({ templates: TEST_TEMPLATES });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  sim.setFailures({ unsubscribed: ['+8613900139000'] });
});

describe('Tencent SMS client against the simulator', () => {
  it('sends: TC3-signed request accepted, SerialNo returned, Fee used as segments', async () => {
    const message = careMessage('13800138000', care);
    const outcome = await tencentFor(sim).send(message);
    const [recorded] = sim.messages();
    expect(recorded).toMatchObject({
      provider: 'tencent', phone: '+8613800138000', signName: '回头客示范店', templateId: '449739',
      params: { '1': '王小明', '2': '保温杯' }, idempotencyKey: message.idempotencyKey, segments: 1,
    });
    expect(outcome).toEqual({ ok: true, providerMessageId: recorded?.providerMessageId, segments: 1 });
  });

  it('reports the provider’s Fee for long messages', async () => {
    const long = { id: '449739', params: { '1': '王'.repeat(40), '2': '保温杯' } }; // 8 + 40 + 26 = 74 → 2
    expect(await tencentFor(sim).send(careMessage('13800138008', long))).toMatchObject({ ok: true, segments: 2 });
  });

  it('an idempotent retry returns the same SerialNo and the simulator records once', async () => {
    const channel = tencentFor(sim);
    const message = careMessage('13800138001', care);
    const first = await channel.send(message);
    const second = await channel.send(message);
    expect(first.ok && second.ok && first.providerMessageId === second.providerMessageId).toBe(true);
    expect(sim.stats()).toMatchObject({ accepted: 1, duplicates: 1 });
  });

  it('429 with Retry-After → transient rate_limited with retryAfterMs', async () => {
    sim.setFailures({ script: [{ kind: 'rate_limited', retryAfterSeconds: 3 }] });
    expect(await tencentFor(sim).send(careMessage('13800138002', care))).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'rate_limited', retryAfterMs: 3000 } });
  });

  it('5xx → transient server_error', async () => {
    sim.setFailures({ script: [{ kind: 'server_error', status: 502 }] });
    expect(await tencentFor(sim).send(careMessage('13800138003', care))).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'server_error' } });
  });

  it('timeout → transient timeout; the retry gets the original SerialNo', async () => {
    sim.setFailures({ script: [{ kind: 'delay', ms: 2000 }] });
    const impatient = tencentFor(sim, { timeoutMs: 600 });
    const message = careMessage('13800138004', care);
    expect(await impatient.send(message)).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'timeout' } });
    expect(await tencentFor(sim).send(message)).toMatchObject({ ok: true, providerMessageId: sim.messages()[0]?.providerMessageId });
    expect(sim.stats()).toMatchObject({ accepted: 1, duplicates: 1 });
  });

  it('a lost request (hang) → transient timeout and nothing recorded', async () => {
    sim.setFailures({ script: [{ kind: 'hang', ms: 2000 }] });
    expect(await tencentFor(sim, { timeoutMs: 600 }).send(careMessage('13800138009', care))).toMatchObject({ ok: false, failure: { reason: 'timeout' } });
    expect(sim.messages()).toHaveLength(0);
  });

  it('permanent refusals: invalid number, unsubscribed number, unknown template', async () => {
    const channel = tencentFor(sim);
    expect(await channel.send(careMessage('13800130000', care))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'invalid_recipient' } });
    expect(await channel.send(careMessage('13900139000', care))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'unsubscribed' } });
    expect(await channel.send(careMessage('13800138005', { id: '999', params: {} }))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'rejected_content' } });
  });

  it('wrong secret, unknown SecretId or SdkAppId → permanent', async () => {
    expect(await tencentFor(sim, { secretKey: 'wrong' }).send(careMessage('13800138006', care))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'auth', message: expect.stringContaining('AuthFailure.SignatureFailure') } });
    expect(await tencentFor(sim, { secretId: 'nobody' }).send(careMessage('13800138006', care))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'auth', message: expect.stringContaining('AuthFailure.SecretIdNotFound') } });
    expect(await tencentFor(sim, { sdkAppId: '1' }).send(careMessage('13800138006', care))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'bad_request' } });
    expect(sim.messages()).toHaveLength(0);
  });

  it('a clock 10 minutes off → AuthFailure.SignatureExpire (permanent auth)', async () => {
    const skewed = tencentFor(sim, { now: () => new Date(Date.now() - 600_000) });
    expect(await skewed.send(careMessage('13800138007', care))).toMatchObject({ ok: false, failure: { reason: 'auth', message: expect.stringContaining('SignatureExpire') } });
  });

  it('observes the simulator’s rate limit', async () => {
    sim.setFailures({ maxPerSecond: 3 });
    const channel = tencentFor(sim);
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => channel.send(careMessage(`138001380${String(20 + i)}`, care))));
    const limited = outcomes.filter((o) => !o.ok && o.failure.type === 'transient' && o.failure.reason === 'rate_limited' && o.failure.retryAfterMs === 1000);
    expect(outcomes.filter((o) => o.ok).length).toBeGreaterThanOrEqual(3);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.length + outcomes.filter((o) => o.ok).length).toBe(12);
  });

  it('builds the documented body: E.164 numbers, positional params, SessionContext = idempotency key', () => {
    const body = JSON.parse(tencentSendSmsBody({ secretId: 'a', secretKey: 'b', sdkAppId: '1400006666', signName: '回头客示范店' }, '+8613800138000', '449739', { '2': 'b', '1': 'a', '10': 'j' }, 'key-1')) as unknown;
    expect(body).toEqual({ PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: '1400006666', SignName: '回头客示范店', TemplateId: '449739', TemplateParamSet: ['a', 'b', 'j'], SessionContext: 'key-1' });
  });
});

describe('Tencent code mapping', () => {
  const now = new Date('2024-05-01T12:00:00Z'); // 20:00 Beijing

  it.each([
    ['RequestLimitExceeded', 'transient', 'rate_limited'],
    ['LimitExceeded.DeliveryFrequencyLimit', 'transient', 'rate_limited'],
    ['InternalError', 'transient', 'server_error'],
    ['InternalError.Timeout', 'transient', 'server_error'],
    ['AuthFailure.SignatureFailure', 'permanent', 'auth'],
    ['UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'permanent', 'auth'],
    ['InvalidParameterValue.IncorrectPhoneNumber', 'permanent', 'invalid_recipient'],
    ['FailedOperation.PhoneNumberInBlacklist', 'permanent', 'unsubscribed'],
    ['FailedOperation.ContainSensitiveWord', 'permanent', 'rejected_content'],
    ['InvalidParameterValue.ContentLengthLimit', 'permanent', 'rejected_content'],
    ['InvalidParameterValue.SdkAppIdNotExist', 'permanent', 'bad_request'],
    ['MissingParameter', 'permanent', 'bad_request'],
  ])('%s → %s %s', (code, type, reason) => {
    expect(tencentCodeOutcome(code, 'm', now, null)).toMatchObject({ ok: false, failure: { type, reason } });
  });

  it('per-number caps retry when the cap resets (Beijing time)', () => {
    expect(tencentCodeOutcome('LimitExceeded.PhoneNumberThirtySecondLimit', 'm', now, null)).toMatchObject({ failure: { retryAfterMs: 30_000 } });
    expect(tencentCodeOutcome('LimitExceeded.PhoneNumberOneHourLimit', 'm', now, null)).toMatchObject({ failure: { retryAfterMs: 3_600_000 } });
    expect(tencentCodeOutcome('LimitExceeded.PhoneNumberDailyLimit', 'm', now, null)).toMatchObject({ failure: { type: 'transient', reason: 'rate_limited', retryAfterMs: 4 * 3_600_000 } });
    expect(tencentCodeOutcome('FailedOperation.MarketingSendTimeConstraint', 'm', now, null)).toMatchObject({ failure: { retryAfterMs: 12 * 3_600_000 } });
    expect(tencentCodeOutcome('RequestLimitExceeded', 'm', now, 2000)).toMatchObject({ failure: { retryAfterMs: 2000 } });
  });
});
