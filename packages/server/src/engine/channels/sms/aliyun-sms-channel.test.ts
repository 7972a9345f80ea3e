import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmsSimulator, type SmsSimulator } from '../../sms-sim/sim-server.ts';
import { aliyunCodeOutcome, ALIYUN_CODES } from './aliyun-codes.ts';
import { aliyunFor, careMessage, TEST_TEMPLATES } from './sms-test-fixtures.ts';

const care = { id: 'SMS_CARE_001', params: { name: '王小明', item: '保温杯' } };
let sim: SmsSimulator;

beforeAll(async () => {
  sim = await startSmsSimulator({ templates: TEST_TEMPLATES, failures: { unsubscribed: ['13900139000'] } });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  sim.setFailures({ unsubscribed: ['13900139000'] });
});

describe('Aliyun SMS client against the simulator', () => {
  it('sends: signed request accepted, BizId returned, message recorded with OutId', async () => {
    const message = careMessage('+86 138-0013-8000', care);
    const outcome = await aliyunFor(sim).send(message);
    expect(outcome).toMatchObject({ ok: true, segments: 1 });
    const [recorded] = sim.messages();
    expect(recorded).toMatchObject({
      provider: 'aliyun', phone: '+8613800138000', signName: '回头客示范店', templateId: 'SMS_CARE_001',
      params: { name: '王小明', item: '保温杯' }, idempotencyKey: message.idempotencyKey, segments: 1,
      text: '【回头客示范店】王小明您好，您购买的保温杯用得还好吗？有问题随时联系我们。',
    });
    expect(outcome.ok && outcome.providerMessageId).toBe(recorded?.providerMessageId);
  });

  it('an idempotent retry returns the same BizId and the simulator records once', async () => {
    const channel = aliyunFor(sim);
    const message = careMessage('13800138001', care);
    const first = await channel.send(message);
    const second = await channel.send(message);
    expect(first.ok && second.ok).toBe(true);
    expect(second.ok && second.providerMessageId).toBe(first.ok && first.providerMessageId);
    expect(sim.messages()).toHaveLength(1);
    expect(sim.stats()).toMatchObject({ accepted: 1, duplicates: 1 });
  });

  it('429 with Retry-After → transient rate_limited with retryAfterMs', async () => {
    sim.setFailures({ script: [{ kind: 'rate_limited', retryAfterSeconds: 7 }] });
    const outcome = await aliyunFor(sim).send(careMessage('13800138002', care));
    expect(outcome).toEqual({ ok: false, failure: expect.objectContaining({ type: 'transient', reason: 'rate_limited', retryAfterMs: 7000 }) });
    expect(sim.messages()).toHaveLength(0);
  });

  it('5xx → transient server_error; the retry succeeds', async () => {
    sim.setFailures({ script: [{ kind: 'server_error' }, { kind: 'server_error', status: 503 }] });
    const channel = aliyunFor(sim);
    const message = careMessage('13800138003', care);
    expect(await channel.send(message)).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'server_error' } });
    expect(await channel.send(message)).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'server_error' } });
    expect(await channel.send(message)).toMatchObject({ ok: true });
    expect(sim.stats()).toMatchObject({ accepted: 1, injectedServerErrors: 2 });
  });

  it('timeout (accepted but answered late) → transient timeout; the retry gets the original id, recorded once', async () => {
    sim.setFailures({ script: [{ kind: 'delay', ms: 2000 }] });
    const impatient = aliyunFor(sim, { timeoutMs: 600 });
    const message = careMessage('13800138004', care);
    expect(await impatient.send(message)).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'timeout', retryAfterMs: null } });
    const retry = await aliyunFor(sim).send(message);
    expect(retry).toMatchObject({ ok: true, providerMessageId: sim.messages()[0]?.providerMessageId });
    expect(sim.stats()).toMatchObject({ accepted: 1, duplicates: 1 });
  });

  it('permanent refusals: invalid number, unsubscribed number, missing template parameter', async () => {
    const channel = aliyunFor(sim);
    expect(await channel.send(careMessage('13800130000', care))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'invalid_recipient' } });
    expect(await channel.send(careMessage('13900139000', care))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'unsubscribed' } });
    const missing = careMessage('13800138005', { id: 'SMS_CARE_001', params: { name: '王小明' } });
    expect(await channel.send(missing)).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'rejected_content', message: expect.stringContaining('isv.TEMPLATE_MISSING_PARAMETERS') } });
    expect(sim.messages()).toHaveLength(0);
  });

  it('refuses malformed recipients and template-less messages without calling the provider', async () => {
    const channel = aliyunFor(sim);
    expect(await channel.send(careMessage('not-a-phone', care))).toMatchObject({ ok: false, failure: { reason: 'invalid_recipient' } });
    expect(await channel.send(careMessage('13800138006', care, { template: null }))).toMatchObject({ ok: false, failure: { reason: 'bad_request' } });
    expect(sim.stats().requests).toBe(0);
  });

  it('wrong secret or unknown AccessKeyId → permanent auth', async () => {
    expect(await aliyunFor(sim, { accessKeySecret: 'wrong' }).send(careMessage('13800138007', care))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'auth', message: expect.stringContaining('SignatureDoesNotMatch') } });
    expect(await aliyunFor(sim, { accessKeyId: 'nobody' }).send(careMessage('13800138007', care))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'auth', message: expect.stringContaining('InvalidAccessKeyId.NotFound') } });
    expect(sim.stats()).toMatchObject({ authFailures: 2, accepted: 0 });
  });

  it('observes the simulator’s rate limit as transient rate_limited with Retry-After', async () => {
    sim.setFailures({ maxPerSecond: 3 });
    const channel = aliyunFor(sim);
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => channel.send(careMessage(`138001380${String(10 + i)}`, care))));
    const limited = outcomes.filter((o) => !o.ok);
    // 12 concurrent sends against 3/s: at least 3 pass, and the rest are refused unless the box is slow enough to spread them over 4 s.
    expect(outcomes.filter((o) => o.ok).length).toBeGreaterThanOrEqual(3);
    expect(limited.length).toBeGreaterThan(0);
    expect(sim.stats().rateLimited).toBe(limited.length);
    for (const o of limited) expect(o).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'rate_limited', retryAfterMs: 1000 } });
  });

  it('bills marketing messages with the signature and the appended opt-out phrase', async () => {
    const body = '好'.repeat(58); // 【回头客示范店】(8) + 58 + 回T退订(4) = 70
    const promo = { id: 'SMS_PROMO_002', params: { name: '王小明', coupon: 'A1' } };
    expect(await aliyunFor(sim).send(careMessage('13800138020', promo, { kind: 'marketing', body }))).toMatchObject({ ok: true, segments: 1 });
    expect(await aliyunFor(sim).send(careMessage('13800138021', promo, { kind: 'marketing', body: `${body}好` }))).toMatchObject({ ok: true, segments: 2 });
    expect(await aliyunFor(sim).send(careMessage('13800138022', promo, { kind: 'marketing', body: '好'.repeat(600) }))).toMatchObject({ ok: false, failure: { reason: 'rejected_content' } });
  });

  it('network errors and caller aborts are transient', async () => {
    const closed = await startSmsSimulator();
    const url = closed.url;
    await closed.close();
    expect(await aliyunFor(sim, { endpoint: url }).send(careMessage('13800138030', care))).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'network' } });
    sim.setFailures({ delayMs: 1500 });
    const controller = new AbortController();
    const pending = aliyunFor(sim).send(careMessage('13800138031', care), controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'network', message: 'aborted by the caller' } });
  });

  it('declares its capabilities', () => {
    expect(aliyunFor(sim).capabilities).toEqual({ kind: 'sms', costPerMessageCents: 4.5, maxPerSecond: 50, segmentChars: 70, maxChars: 500, quietHours: true, idempotencyKeys: true });
    expect(aliyunFor(sim, { providerDedupes: false, maxPerSecond: 20 }).capabilities).toMatchObject({ idempotencyKeys: false, maxPerSecond: 20 });
  });
});

describe('Aliyun code mapping', () => {
  it.each([
    ['isv.BUSINESS_LIMIT_CONTROL', 'transient', 'rate_limited'],
    ['Throttling.User', 'transient', 'rate_limited'],
    ['isp.SYSTEM_ERROR', 'transient', 'server_error'],
    ['isv.MOBILE_NUMBER_ILLEGAL', 'permanent', 'invalid_recipient'],
    ['isv.TEMPLATE_MISSING_PARAMETERS', 'permanent', 'rejected_content'],
    ['isv.SMS_SIGNATURE_ILLEGAL', 'permanent', 'rejected_content'],
    ['isv.BLACK_KEY_CONTROL_LIMIT', 'permanent', 'rejected_content'],
    ['isv.CUSTOMER_REFUSED', 'permanent', 'unsubscribed'],
    ['InvalidAccessKeyId.NotFound', 'permanent', 'auth'],
    ['SignatureDoesNotMatch', 'permanent', 'auth'],
    ['isv.AMOUNT_NOT_ENOUGH', 'permanent', 'auth'],
    ['isv.SOMETHING_NEW', 'permanent', 'bad_request'],
    ['isp.SOMETHING_NEW', 'transient', 'server_error'],
  ])('%s → %s %s', (code, type, reason) => {
    expect(aliyunCodeOutcome(code, 'm', null)).toMatchObject({ ok: false, failure: { type, reason } });
  });

  it('leaves unknown non-isv codes to the HTTP status', () => {
    expect(aliyunCodeOutcome('Whatever', 'm', null)).toBeNull();
    expect(Object.keys(ALIYUN_CODES).length).toBeGreaterThan(30);
  });
});
