/** The synthetic demo shop generator (Taobao legacy export pair + members file). */
export { writeTaobaoDemoExport, writeTaobaoExportPair, todayInShanghai, DEMO_SHOP_DEFAULTS } from './demo-shop.ts';
export type { DemoShopOptions, ExportPairOptions } from './demo-shop.ts';
export type { ExportResult } from './generate-export.ts';
export type { DemoTruth } from './truth.ts';
export type { DemoStatus } from './order-outcome.ts';
export { LEGACY_ORDER_HEADER, LEGACY_DETAIL_HEADER, MEMBERS_HEADER, LEGACY_STATUS_TEXT } from './taobao-legacy-writer.ts';
