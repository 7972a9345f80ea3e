/**
 * The parsed form of an audience rule: a tree of groups over leaf conditions. Only `parseAudienceRule`
 * builds it, so every value in it has already been checked against its field's type.
 */
import type { DueStateCode } from '@huitou/core';

/** A comparison operator of a scalar field. */
export type CompareOp = 'eq' | 'in' | 'not_in' | 'lt' | 'lte' | 'gt' | 'gte' | 'between' | 'exists';

/** A value after validation: text, a finite number, a day number (dates and relative days) or a flag. */
export type RuleValue = string | number | boolean;

/** One operator of a scalar field with its checked operand(s). */
export type Comparison =
  | { readonly op: 'eq' | 'lt' | 'lte' | 'gt' | 'gte'; readonly value: RuleValue }
  | { readonly op: 'in' | 'not_in'; readonly values: readonly RuleValue[] }
  | { readonly op: 'between'; readonly low: RuleValue; readonly high: RuleValue }
  | { readonly op: 'exists'; readonly present: boolean };

/** A scalar field (a label, fact, date, region part, flag or the birthday) compared by one or more operators (all must hold). */
export interface FieldCondition {
  readonly kind: 'field';
  readonly field: string;
  readonly comparisons: readonly Comparison[];
}

/** Tags from customers.tags (comma separated): has all of, has any of, has none of, or has any tag at all. */
export type TagsCondition =
  | { readonly kind: 'tags'; readonly op: 'has' | 'has_any' | 'has_none'; readonly tags: readonly string[] }
  | { readonly kind: 'tags'; readonly op: 'exists'; readonly present: boolean };

/** Bought one of these SKUs (product keys) in a valid order, optionally within the last `withinDays` days. */
export interface BoughtCondition {
  readonly kind: 'bought';
  readonly skus: readonly string[];
  readonly withinDays: number | null;
}

/** Has a replenishment row (customer_sku_due) in one of these states, for one of these SKUs or any SKU. */
export interface DueCondition {
  readonly kind: 'due';
  readonly skus: readonly string[] | null;
  readonly states: readonly DueStateCode[];
}

/** Channels a consent can be given on. */
export const CONSENT_CHANNELS = ['sms', 'email'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** Currently consents to marketing on at least one of these channels and is not suppressed there. */
export interface ConsentCondition {
  readonly kind: 'consent';
  readonly channels: readonly ConsentChannel[];
}

/** Matches every customer of the shop (`everyone: true`). */
export interface EveryoneCondition {
  readonly kind: 'everyone';
}

/** A leaf of the rule tree. */
export type LeafCondition = FieldCondition | TagsCondition | BoughtCondition | DueCondition | ConsentCondition | EveryoneCondition;

/** A validated audience rule. */
export type AudienceRule =
  | { readonly kind: 'all'; readonly rules: readonly AudienceRule[] }
  | { readonly kind: 'any'; readonly rules: readonly AudienceRule[] }
  | { readonly kind: 'not'; readonly rule: AudienceRule }
  | LeafCondition;

/** Where an issue is: keys and list indexes from the document root, e.g. `['all', 2, 'net_spend', 'gte']`. */
export type IssuePath = readonly (string | number)[];

/** Why a rule document was rejected. */
export type IssueCode =
  | 'expected_object'
  | 'empty_condition'
  | 'unknown_field'
  | 'unknown_operator'
  | 'expected_number'
  | 'expected_integer'
  | 'expected_string'
  | 'expected_boolean'
  | 'expected_list'
  | 'expected_date'
  | 'unknown_value'
  | 'empty_list'
  | 'empty_string'
  | 'invalid_text'
  | 'invalid_tag'
  | 'between_not_ascending'
  | 'between_needs_two'
  | 'out_of_range'
  | 'string_too_long'
  | 'too_many_values'
  | 'too_deep'
  | 'too_many_conditions'
  | 'missing_key';

/** One mistake in a rule document, in English and Chinese. */
export interface AudienceIssue {
  readonly path: IssuePath;
  readonly code: IssueCode;
  readonly message: string;
  readonly messageZh: string;
}

/** The result of `parseAudienceRule`. */
export type ParseResult = { readonly ok: true; readonly rule: AudienceRule } | { readonly ok: false; readonly issues: readonly AudienceIssue[] };
