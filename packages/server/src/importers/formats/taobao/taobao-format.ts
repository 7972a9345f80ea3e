/**
 * Taobao / Tmall: legacy 卖家中心 CSV pair and current 千牛 reports (formats doc §1).
 */
import type { FormatDefinition } from '../format-definition.ts';
import { taobaoQianniuContacts } from './taobao-contacts.ts';
import { taobaoItems, taobaoLegacyItems } from './taobao-items.ts';
import { taobaoLegacyOrders, taobaoQianniuOrders } from './taobao-orders.ts';

/** The Taobao format definition. */
export const taobaoFormat: FormatDefinition = {
  name: 'taobao',
  platform: 'taobao',
  variants: [taobaoLegacyOrders, taobaoQianniuOrders, taobaoItems, taobaoLegacyItems, taobaoQianniuContacts],
};
