/**
 * Customers: the filtered, paged list and one customer's profile. Phones, names, nicks, e-mails, buyer keys
 * and birthdays are masked on the server for analysts (138****1234, 张*, a***@x.com). Analysts may search by
 * customer id only: a free-text search over personal data would let them confirm a full phone number or name.
 */
import { CHURN_BANDS, CUSTOMER_TYPES, LIFECYCLE_STAGES, RFM_SEGMENTS } from '@huitou/core';
import { z } from 'zod';
import { DaySchema, InstantSchema } from './common.ts';

export const CUSTOMER_LIST_SORTS = ['spend', 'orders', 'last', 'first', 'id', 'clv', 'p_alive'] as const;
export const SEGMENT_CODES = RFM_SEGMENTS.map((s) => s.code) as [string, ...string[]];
export const LIFECYCLE_CODES = LIFECYCLE_STAGES.map((s) => s.code) as [string, ...string[]];
export const CUSTOMER_TYPE_CODES = CUSTOMER_TYPES.map((s) => s.code) as [string, ...string[]];
export const DUE_FILTER_STATES = ['due_soon', 'due', 'overdue'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const boolText = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const customerListQuerySchema = z.strictObject({
  /** Operators: text in nick, name, phone, e-mail or buyer key; analysts: a customer id. */
  search: z.string().trim().max(100).optional(),
  segment: z.enum(SEGMENT_CODES).optional(),
  lifecycle: z.enum(LIFECYCLE_CODES).optional(),
  customerType: z.enum(CUSTOMER_TYPE_CODES).optional(),
  /** Tier code from the shop's tier configuration (none = not a member). */
  tier: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'a tier code: letters, digits, - or _').optional(),
  churnRisk: z.enum(CHURN_BANDS).optional(),
  /** Has a SKU in this replenishment state (any SKU, or `dueSku`). */
  dueState: z.enum(DUE_FILTER_STATES).optional(),
  dueSku: text(100).optional(),
  province: text(50).optional(),
  city: text(50).optional(),
  minOrders: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
  maxOrders: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
  minSpend: z.coerce.number().min(0).max(1e12).optional(),
  maxSpend: z.coerce.number().min(0).max(1e12).optional(),
  minR: z.coerce.number().int().min(1).max(5).optional(),
  minF: z.coerce.number().int().min(1).max(5).optional(),
  minM: z.coerce.number().int().min(1).max(5).optional(),
  maxPAlive: z.coerce.number().min(0).max(1).optional(),
  sort: z.enum(CUSTOMER_LIST_SORTS).default('spend'),
  desc: boolText.default(true),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
});
export type CustomerListQuery = z.input<typeof customerListQuerySchema>;

export const customerLabelsSchema = z.object({
  rScore: z.number().int().nullable(),
  fScore: z.number().int().nullable(),
  mScore: z.number().int().nullable(),
  segment: z.string().nullable(),
  lifecycle: z.string().nullable(),
  customerType: z.string(),
  tier: z.string(),
  pAlive: z.number().nullable(),
  expected90: z.number().nullable(),
  clv: z.number().nullable(),
  nextOrder: DaySchema.nullable(),
  churnRisk: z.string().nullable(),
});
export type CustomerLabelsView = z.infer<typeof customerLabelsSchema>;

/** Personal fields, masked for analysts. */
const identityFields = {
  id: z.number().int(),
  keyKind: z.string(),
  keyValue: z.string(),
  nick: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
};

export const customerRowSchema = z.object({
  ...identityFields,
  orders: z.number().int(),
  validOrders: z.number().int(),
  /** Yuan. */
  netSpend: z.number(),
  firstOrder: DaySchema.nullable(),
  lastOrder: DaySchema.nullable(),
  labels: customerLabelsSchema.nullable(),
});
export type CustomerRowView = z.infer<typeof customerRowSchema>;

export const customerListSchema = z.object({
  total: z.number().int(),
  rows: z.array(customerRowSchema),
  /** analysis: order stats and labels as of the latest analysis (fast); orders: counted from the orders (no analysis yet). */
  source: z.enum(['analysis', 'orders']),
  asOf: DaySchema.nullable(),
});
export type CustomerListView = z.infer<typeof customerListSchema>;

export const customerParamsSchema = z.strictObject({
  shop: z.string().min(1).max(100),
  id: z.string().regex(/^[1-9]\d{0,15}$/, 'a customer id').transform(Number),
});

export const orderLineSchema = z.object({
  sku: z.string(),
  title: z.string().nullable(),
  quantity: z.number(),
  amount: z.number().nullable(),
  refund: z.number(),
});

export const profileOrderSchema = z.object({
  platform: z.string(),
  orderNo: z.string(),
  orderTime: InstantSchema,
  paidTime: InstantSchema.nullable(),
  status: z.string(),
  valid: z.boolean(),
  amount: z.number(),
  refund: z.number(),
  couponCode: z.string().nullable(),
  lines: z.array(orderLineSchema),
});

export const profileTouchSchema = z.object({
  touchId: z.number().int(),
  campaignKey: z.string(),
  campaignName: z.string(),
  occurrenceKey: z.string(),
  channel: z.string(),
  kind: z.string(),
  variant: z.string().nullable(),
  /** queued | sending | sent | dead | holdout | skipped | cancelled */
  status: z.string(),
  skipReason: z.string().nullable(),
  offerCode: z.string().nullable(),
  notBefore: InstantSchema,
  sentAt: InstantSchema.nullable(),
  createdAt: InstantSchema,
  lastError: z.string().nullable(),
});

export const customerProfileSchema = z.object({
  asOf: DaySchema.nullable(),
  customer: z.object({
    ...identityFields,
    district: z.string().nullable(),
    birthday: z.string().nullable(),
    timeZone: z.string().nullable(),
    identities: z.array(z.object({ kind: z.string(), value: z.string() })),
  }),
  facts: z
    .object({
      orders: z.number().int(),
      validOrders: z.number().int(),
      purchaseDays: z.number().int(),
      firstOrder: DaySchema.nullable(),
      lastOrder: DaySchema.nullable(),
      recencyDays: z.number().int().nullable(),
      netSpend: z.number(),
      avgOrderValue: z.number().nullable(),
      items: z.number().int(),
      refundOrders: z.number().int(),
      refundAmount: z.number(),
      meanIntervalDays: z.number().nullable(),
      medianIntervalDays: z.number().nullable(),
      cycleDays: z.number().nullable(),
      topSkus: z.array(z.string()),
    })
    .nullable(),
  labels: customerLabelsSchema.nullable(),
  tier: z
    .object({
      code: z.string(),
      discount: z.number().nullable(),
      since: DaySchema.nullable(),
      history: z.array(z.object({ changedOn: DaySchema, from: z.string(), to: z.string(), direction: z.string() })),
    })
    .nullable(),
  predictions: z
    .object({
      pAlive: z.number().nullable(),
      expected30: z.number().nullable(),
      expected90: z.number().nullable(),
      expected365: z.number().nullable(),
      expectedOrderValue: z.number().nullable(),
      clv: z.number().nullable(),
      nextOrder: DaySchema.nullable(),
      churnRisk: z.string().nullable(),
    })
    .nullable(),
  /**
   * What to offer next, from the stored analysis: SKUs due for replenishment (with the state and due day),
   * then the customer's most-bought SKUs.
   */
  recommendations: z.array(
    z.object({
      sku: z.string(),
      title: z.string().nullable(),
      reason: z.enum(['replenishment', 'favourite']),
      state: z.string().nullable(),
      dueOn: DaySchema.nullable(),
      lastPurchase: DaySchema.nullable(),
    }),
  ),
  orders: z.object({ total: z.number().int(), rows: z.array(profileOrderSchema) }),
  consent: z.array(z.object({ channel: z.string(), status: z.string(), source: z.string(), wording: z.string().nullable(), recordedAt: InstantSchema })),
  suppressions: z.array(z.object({ channel: z.string(), address: z.string(), reason: z.string(), createdAt: InstantSchema })),
  touches: z.object({ total: z.number().int(), rows: z.array(profileTouchSchema) }),
});
export type CustomerProfileView = z.infer<typeof customerProfileSchema>;
