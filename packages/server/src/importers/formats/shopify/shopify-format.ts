/**
 * Shopify: orders export and customers export (formats doc §6).
 */
import type { FormatDefinition } from '../format-definition.ts';
import { shopifyCustomers } from './shopify-customers.ts';
import { shopifyOrders } from './shopify-orders.ts';

/** The Shopify format definition. Orders without a Total get their amount from the lines. */
export const shopifyFormat: FormatDefinition = {
  name: 'shopify',
  platform: 'shopify',
  variants: [shopifyOrders, shopifyCustomers],
  amountFromLines: true,
};
