/**
 * The scalar fields of the rule language and the only SQL identifiers a compiled rule ever contains:
 * each field names one column of `customers c` or `customer_analysis a`, fixed here, never taken from
 * the document.
 */
import { CHURN_BANDS, CUSTOMER_TYPES, LIFECYCLE_STAGES, RFM_SEGMENTS } from '@huitou/core';
import type { CompareOp } from './types.ts';

/**
 * How a field's values are read and compared: `days_ago` counts days from the column's date up to the
 * as-of date (last_order_days), `days_until` from the as-of date up to it (next_order_days),
 * `birthday_in_days` days until the next birthday (month and day only).
 */
export type FieldKind = 'enum' | 'text' | 'number' | 'days_ago' | 'days_until' | 'date' | 'bool' | 'birthday_in_days';

/** One scalar field. */
export interface FieldSpec {
  readonly kind: FieldKind;
  /** Qualified column, e.g. `a.rfm_segment`. */
  readonly column: string;
  /** Allowed codes of an enum field. */
  readonly values?: readonly string[];
  /** What it is, for messages. */
  readonly en: string;
  readonly zh: string;
}

const codes = (list: readonly { readonly code: string }[]): readonly string[] => list.map((x) => x.code);

const num = (column: string, en: string, zh: string): FieldSpec => ({ kind: 'number', column, en, zh });

/** Every scalar field by name. */
export const FIELDS: Readonly<Record<string, FieldSpec>> = Object.freeze({
  segment: { kind: 'enum', column: 'a.rfm_segment', values: codes(RFM_SEGMENTS), en: 'RFM segment', zh: 'RFM 分群' },
  lifecycle: { kind: 'enum', column: 'a.lifecycle', values: codes(LIFECYCLE_STAGES), en: 'lifecycle stage', zh: '生命周期' },
  customer_type: { kind: 'enum', column: 'a.customer_type', values: codes(CUSTOMER_TYPES), en: 'customer type', zh: '客户类型' },
  churn_risk: { kind: 'enum', column: 'a.churn_risk', values: [...CHURN_BANDS], en: 'churn risk band', zh: '流失风险' },
  tier: { kind: 'text', column: 'a.tier', en: 'membership tier code', zh: '会员等级' },
  province: { kind: 'text', column: 'c.province', en: 'province', zh: '省份' },
  city: { kind: 'text', column: 'c.city', en: 'city', zh: '城市' },
  district: { kind: 'text', column: 'c.district', en: 'district', zh: '区县' },
  orders: num('a.orders', 'orders', '订单数'),
  valid_orders: num('a.valid_orders', 'valid orders', '有效订单数'),
  purchase_days: num('a.purchase_days', 'distinct purchase days', '购买天数'),
  recency_days: num('a.recency_days', 'days since the last order at analysis time', '分析时距上次购买天数'),
  net_spend: num('a.net_spend', 'net spend', '净消费额'),
  avg_order_value: num('a.avg_order_value', 'average order value', '客单价'),
  items: num('a.items', 'items bought', '购买件数'),
  refund_orders: num('a.refund_orders', 'refunded orders', '退款订单数'),
  refund_amount: num('a.refund_amount', 'refund amount', '退款金额'),
  mean_interval_days: num('a.mean_interval_days', 'mean days between orders', '平均回购间隔天数'),
  median_interval_days: num('a.median_interval_days', 'median days between orders', '回购间隔中位天数'),
  cycle_days: num('a.cycle_days', 'purchase cycle in days', '购买周期天数'),
  r_score: num('a.r_score', 'R score', 'R 分'),
  f_score: num('a.f_score', 'F score', 'F 分'),
  m_score: num('a.m_score', 'M score', 'M 分'),
  tier_discount: num('a.tier_discount', 'tier discount (折)', '会员折扣'),
  p_alive: num('a.p_alive', 'probability of being alive', '存活概率'),
  expected_30: num('a.expected_30', 'expected orders in 30 days', '预计 30 天订单数'),
  expected_90: num('a.expected_90', 'expected orders in 90 days', '预计 90 天订单数'),
  expected_365: num('a.expected_365', 'expected orders in 365 days', '预计 365 天订单数'),
  expected_order_value: num('a.expected_order_value', 'expected order value', '预计客单价'),
  clv: num('a.clv', 'customer lifetime value', '客户终身价值'),
  first_order: { kind: 'date', column: 'a.first_order', en: 'first order date', zh: '首次购买日期' },
  last_order: { kind: 'date', column: 'a.last_order', en: 'last order date', zh: '最近购买日期' },
  next_order: { kind: 'date', column: 'a.next_order', en: 'predicted next order date', zh: '预计下次购买日期' },
  tier_since: { kind: 'date', column: 'a.tier_since', en: 'date the tier was reached', zh: '升入当前等级日期' },
  birthday: { kind: 'date', column: 'c.birthday', en: 'birthday', zh: '生日' },
  first_order_days: { kind: 'days_ago', column: 'a.first_order', en: 'days since the first order', zh: '距首次购买天数' },
  last_order_days: { kind: 'days_ago', column: 'a.last_order', en: 'days since the last order', zh: '距最近购买天数' },
  tier_since_days: { kind: 'days_ago', column: 'a.tier_since', en: 'days in the current tier', zh: '当前等级天数' },
  next_order_days: { kind: 'days_until', column: 'a.next_order', en: 'days until the predicted next order', zh: '距预计下次购买天数' },
  birthday_in_days: { kind: 'birthday_in_days', column: 'c.birthday', en: 'days until the next birthday', zh: '距下次生日天数' },
  accepts_sms: { kind: 'bool', column: 'c.accepts_sms', en: 'imported SMS marketing flag', zh: '导入的短信营销许可' },
  accepts_email: { kind: 'bool', column: 'c.accepts_email', en: 'imported email marketing flag', zh: '导入的邮件营销许可' },
} satisfies Record<string, FieldSpec>);

/** Region parts accepted under `region:`. */
export const REGION_PARTS = ['province', 'city', 'district'] as const;

/** Leaf keys that are not scalar fields. */
export const SPECIAL_KEYS = ['region', 'tags', 'bought_sku', 'due', 'consent', 'everyone'] as const;

/** Group keys. */
export const GROUP_KEYS = ['all', 'any', 'not'] as const;

const ORDERED: readonly CompareOp[] = ['eq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'between', 'exists'];

/** Operators each kind of field accepts. */
export const OPS_BY_KIND: Readonly<Record<FieldKind, readonly CompareOp[]>> = {
  enum: ['eq', 'in', 'not_in', 'exists'],
  text: ['eq', 'in', 'not_in', 'exists'],
  number: ORDERED,
  days_ago: ORDERED,
  days_until: ORDERED,
  date: ORDERED,
  bool: ['eq', 'exists'],
  birthday_in_days: ['eq', 'lt', 'lte', 'gt', 'gte', 'between', 'exists'],
};

/** Every key a condition object may have, for "did you mean" suggestions. */
export const ALL_KEYS: readonly string[] = [...GROUP_KEYS, ...SPECIAL_KEYS, ...Object.keys(FIELDS)];

/** Limits on a rule document. */
export const LIMITS = {
  /** Nesting of groups (all/any/not). */
  maxDepth: 32,
  /** Leaf conditions in one rule. */
  maxConditions: 200,
  /** Values in one list (`in`, tags, SKUs). */
  maxValues: 1000,
  /** Characters in one text value. */
  maxStringLength: 200,
  /** Largest absolute number. */
  maxAbsNumber: 1e15,
  /** Largest absolute relative day count (about 100 years). */
  maxAbsDays: 36_600,
} as const;
