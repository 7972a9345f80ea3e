/**
 * Compiles a validated audience rule to a parameterised SQL predicate over `customers c` left-joined to
 * `customer_analysis a`. Identifiers and keywords come from this folder only; every value from the rule
 * (and the shop, as-of date and time zone) is a bound parameter. The SQL runs on DuckDB and PostgreSQL.
 */
import { parseDay } from '@huitou/core';
import type { SqlValue } from '../../store/database.ts';
import { compileField } from './compile-field.ts';
import { compileBought, compileConsent, compileDue, compileTags } from './compile-leaf.ts';
import { SqlParams } from './sql-params.ts';
import type { AudienceRule } from './types.ts';

/** The FROM clause a compiled predicate expects. */
export const AUDIENCE_FROM = 'customers c LEFT JOIN customer_analysis a ON a.shop_id = c.shop_id AND a.customer_id = c.customer_id';

/** Default shop time zone when none is given. */
export const DEFAULT_AUDIENCE_TIME_ZONE = 'Asia/Shanghai';

/** Options of `compileAudience`. */
export interface AudienceCompileOptions {
  readonly shopId: number;
  /** The day relative fields count from: `YYYY-MM-DD` or a day number (days since 1970-01-01). */
  readonly asOf: string | number;
  /** Number of the first placeholder (default 1), to embed the predicate after other parameters. */
  readonly startParam?: number;
  /** Shop time zone for order days (default Asia/Shanghai). */
  readonly timeZone?: string;
}

/** A predicate and its parameters, `$startParam`… in order. */
export interface CompiledAudience {
  readonly where: string;
  readonly params: SqlValue[];
}

/** Compiles `rule` to `c.shop_id = $n AND (…)`; throws RangeError for a bad as-of date, shop id or time zone. */
export function compileAudience(rule: AudienceRule, options: AudienceCompileOptions): CompiledAudience {
  const asOfDay = typeof options.asOf === 'number' ? options.asOf : parseDay(options.asOf);
  if (!Number.isSafeInteger(asOfDay)) throw new RangeError(`asOf must be a whole day number, got ${asOfDay}`);
  if (!Number.isSafeInteger(options.shopId)) throw new RangeError(`shopId must be a whole number, got ${options.shopId}`);
  const timeZone = options.timeZone ?? DEFAULT_AUDIENCE_TIME_ZONE;
  checkTimeZone(timeZone);
  const params = new SqlParams(options.startParam ?? 1);
  const shop = params.bind(options.shopId, 'INTEGER');
  const body = compileNode(rule, params, asOfDay, timeZone);
  return { where: `c.shop_id = ${shop} AND ${body}`, params: params.values };
}

/** The full query: the ids of the matching customers, ascending. */
export function selectAudienceSql(rule: AudienceRule, options: AudienceCompileOptions): { sql: string; params: SqlValue[] } {
  const { where, params } = compileAudience(rule, options);
  return { sql: `SELECT c.customer_id FROM ${AUDIENCE_FROM} WHERE ${where} ORDER BY c.customer_id`, params };
}

const knownZones = new Set<string>();

/** Throws RangeError for a zone the runtime does not know (checked once per zone). */
function checkTimeZone(zone: string): void {
  if (knownZones.has(zone)) return;
  new Intl.DateTimeFormat('en-US', { timeZone: zone });
  knownZones.add(zone);
}

function compileNode(rule: AudienceRule, params: SqlParams, asOfDay: number, timeZone: string): string {
  switch (rule.kind) {
    case 'all':
    case 'any':
      return `(${rule.rules.map((r) => compileNode(r, params, asOfDay, timeZone)).join(rule.kind === 'all' ? ' AND ' : ' OR ')})`;
    case 'not':
      return `(NOT ${compileNode(rule.rule, params, asOfDay, timeZone)})`;
    case 'field':
      return compileField(rule, params, asOfDay);
    case 'tags':
      return compileTags(rule, params);
    case 'bought':
      return compileBought(rule, params, asOfDay, timeZone);
    case 'due':
      return compileDue(rule, params);
    case 'consent':
      return compileConsent(rule, params);
    case 'everyone':
      return 'TRUE';
  }
}
