import { createImportSchema } from './2026_11_22_01_create_import_schema.ts';
import { createAnalysisSchema } from './2026_11_22_02_create_analysis_schema.ts';
import { createConsentSchema } from './2026_11_22_03_create_consent_schema.ts';
import { dropBulkImportIndexes } from './2026_11_23_01_drop_bulk_import_indexes.ts';
import { createCampaignSchema } from './2026_11_24_01_create_campaign_schema.ts';
import { createAuthSchema } from './2026_11_25_01_create_auth_schema.ts';
import { addCustomerTimeZone } from './2026_11_26_01_customer_time_zone.ts';
import { addOrderKey } from './2026_11_27_01_order_key.ts';
import { addCustomerSearchAndDue } from './2026_11_27_02_customer_search_and_due.ts';
import { addOrderLinesKeyIndex } from './2026_11_27_03_order_lines_key_index.ts';
import { singleColumnOrderKeyIndex } from './2026_11_27_04_order_key_index.ts';
import { addShopSmsSign } from './2026_11_28_01_shop_sms_sign.ts';
import { addTouchOffer } from './2026_11_29_01_touch_offer.ts';
import type { Migration } from './migration.ts';

/** Every migration, oldest first. Append new ones; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [createImportSchema, createAnalysisSchema, createConsentSchema, dropBulkImportIndexes, createCampaignSchema, createAuthSchema, addCustomerTimeZone, addOrderKey, addCustomerSearchAndDue, addOrderLinesKeyIndex, singleColumnOrderKeyIndex, addShopSmsSign, addTouchOffer];
export type { Migration } from './migration.ts';
