/** Test fixtures shared by the SMS client tests: messages and clients wired to a simulator. */
import type { OutboundMessage } from '../channel.ts';
import { SIM_DEFAULT_CREDENTIALS } from '../../sms-sim/sim-types.ts';
import type { SmsSimulator } from '../../sms-sim/sim-server.ts';
import { createAliyunSmsChannel, type AliyunSmsConfig } from './aliyun-sms-channel.ts';
import { createTencentSmsChannel, type TencentSmsConfig } from './tencent-sms-channel.ts';

/** Templates the simulator renders: Aliyun `${name}` and Tencent `{1}` styles. */
export const TEST_TEMPLATES = {
  SMS_CARE_001: '${name}您好，您购买的${item}用得还好吗？有问题随时联系我们。',
  SMS_PROMO_002: '${name}，老客专享券${coupon}已到账，本周有效。拒收请回复R',
  '449739': '{1}您好，您购买的{2}用得还好吗？有问题随时联系我们。',
  '449740': '{1}，老客专享券{2}已到账，本周有效。拒收请回复R',
} as const;

let counter = 0;

/** A care message to `to` with a fresh idempotency key unless one is given. */
export function careMessage(to: string, template: { id: string; params: Record<string, string> }, overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  counter += 1;
  return {
    idempotencyKey: `camp-1:occ-1:cust-${counter}:sms`,
    touchId: counter,
    kind: 'care',
    to,
    subject: null,
    body: '王小明您好，您购买的保温杯用得还好吗？有问题随时联系我们。',
    unsubscribeUrl: null,
    template,
    metadata: {},
    ...overrides,
  };
}

/** An Aliyun client pointed at the simulator with its credentials. */
export function aliyunFor(sim: SmsSimulator, overrides: Partial<AliyunSmsConfig> = {}): ReturnType<typeof createAliyunSmsChannel> {
  return createAliyunSmsChannel({
    endpoint: sim.url, signName: '回头客示范店', providerDedupes: true, timeoutMs: 15_000,
    accessKeyId: SIM_DEFAULT_CREDENTIALS.aliyun.accessKeyId, accessKeySecret: SIM_DEFAULT_CREDENTIALS.aliyun.accessKeySecret,
    ...overrides,
  });
}

/** A Tencent client pointed at the simulator with its credentials. */
export function tencentFor(sim: SmsSimulator, overrides: Partial<TencentSmsConfig> = {}): ReturnType<typeof createTencentSmsChannel> {
  return createTencentSmsChannel({
    endpoint: sim.url, signName: '回头客示范店', providerDedupes: true, timeoutMs: 15_000,
    secretId: SIM_DEFAULT_CREDENTIALS.tencent.secretId, secretKey: SIM_DEFAULT_CREDENTIALS.tencent.secretKey, sdkAppId: SIM_DEFAULT_CREDENTIALS.tencent.sdkAppId,
    ...overrides,
  });
}
