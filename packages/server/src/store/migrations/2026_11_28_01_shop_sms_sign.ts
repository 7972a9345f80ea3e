/**
 * shops.sms_sign: the shop's approved SMS signature (签名, without 【】). An agency's shops each have their own;
 * without one, HUITOU_SMS_SIGN, else the shop's name, applies (shop.repository.ts: smsSignOf).
 */
import type { Migration } from './migration.ts';

export const addShopSmsSign: Migration = {
  id: '2026_11_28_01_shop_sms_sign',
  up: () => [`ALTER TABLE shops ADD COLUMN IF NOT EXISTS sms_sign VARCHAR`],
};
