/**
 * Labels for analysis results in Chinese and English: segment, lifecycle, type, due-state and tier codes
 * come from core's own tables; report headings live here.
 */
import { CUSTOMER_TYPES, DEFAULT_TIER_CONFIG, DUE_STATES, LIFECYCLE_STAGES, NO_TIER, RFM_SEGMENTS } from '@huitou/core';
import type { Lang } from '../config.ts';

const HEADINGS: Readonly<Record<string, { zh: string; en: string }>> = {
  asOf: { zh: '分析日期', en: 'As of' },
  orders: { zh: '订单', en: 'Orders' },
  validOrders: { zh: '有效订单', en: 'Valid orders' },
  lines: { zh: '商品行', en: 'Lines' },
  customers: { zh: '客户', en: 'Customers' },
  buyers: { zh: '购买客户', en: 'Buyers' },
  repeatBuyers: { zh: '复购客户', en: 'Repeat buyers' },
  netRevenue: { zh: '净销售额', en: 'Net revenue' },
  topShare: { zh: '前20%客户贡献', en: 'Revenue from top 20%' },
  shopCycle: { zh: '店铺回购周期（天）', en: 'Shop repurchase cycle (days)' },
  segments: { zh: 'RFM 客户分层', en: 'RFM segments' },
  lifecycle: { zh: '生命周期', en: 'Lifecycle' },
  tiers: { zh: '会员等级', en: 'Membership tiers' },
  analyzeNext: { zh: '下一步：huitou report kpi|rfm|lifecycle|tiers|cycles|cohorts', en: 'Next: huitou report kpi|rfm|lifecycle|tiers|cycles|cohorts' },
};

const CODES = new Map<string, { zh: string; en: string }>();
for (const s of RFM_SEGMENTS) CODES.set(`segment.${s.code}`, s);
for (const s of LIFECYCLE_STAGES) CODES.set(`lifecycle.${s.code}`, s);
for (const s of CUSTOMER_TYPES) CODES.set(`type.${s.code}`, s);
for (const s of DUE_STATES) CODES.set(`due.${s.code}`, s);
for (const s of DEFAULT_TIER_CONFIG.tiers) CODES.set(`tier.${s.code}`, s);
CODES.set(`tier.${NO_TIER.code}`, NO_TIER);

/** The label of a heading or a `kind.code` key (e.g. `segment.important_value`); the key itself when unknown. */
export function label(lang: Lang, key: string): string {
  const entry = HEADINGS[key] ?? CODES.get(key);
  if (entry === undefined) return key.includes('.') ? key.slice(key.indexOf('.') + 1) : key;
  return entry[lang];
}
