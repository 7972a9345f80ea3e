/** SQL for scalar field conditions. Columns come from the field table; every operand is a parameter. */
import { formatDay } from '@huitou/core';
import type { SqlValue } from '../../store/database.ts';
import { birthdayWindow, MAX_BIRTHDAY_DAYS } from './birthday.ts';
import { FIELDS } from './fields.ts';
import type { FieldSpec } from './fields.ts';
import type { ParamType, SqlParams } from './sql-params.ts';
import type { Comparison, FieldCondition, RuleValue } from './types.ts';

const OP_SQL = { eq: '=', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
/** `days_ago` fields count backwards: more days ago is an earlier date. */
const FLIP = { eq: 'eq', lt: 'gt', lte: 'gte', gt: 'lt', gte: 'lte' } as const;

const PARAM_TYPE: Readonly<Record<FieldSpec['kind'], ParamType>> = {
  enum: 'VARCHAR',
  text: 'VARCHAR',
  number: 'DOUBLE PRECISION',
  days_ago: 'DATE',
  days_until: 'DATE',
  date: 'DATE',
  bool: 'BOOLEAN',
  birthday_in_days: 'INTEGER',
};

/** Compiles a field condition (all its comparisons must hold); NULL counts as false. */
export function compileField(cond: FieldCondition, params: SqlParams, asOfDay: number): string {
  const spec = FIELDS[cond.field]!;
  const parts = cond.comparisons.map((c) => (spec.kind === 'birthday_in_days' ? birthday(spec.column, c, params, asOfDay) : compare(spec, c, params, asOfDay)));
  return `COALESCE(${parts.length === 1 ? parts[0]! : parts.join(' AND ')}, FALSE)`;
}

function compare(spec: FieldSpec, c: Comparison, params: SqlParams, asOfDay: number): string {
  const col = spec.column;
  const type = PARAM_TYPE[spec.kind];
  const value = (v: RuleValue): SqlValue => toSqlValue(spec, v, asOfDay);
  const ago = spec.kind === 'days_ago';
  switch (c.op) {
    case 'exists':
      return `${col} IS ${c.present ? 'NOT NULL' : 'NULL'}`;
    case 'in':
    case 'not_in':
      return `${col} ${c.op === 'in' ? 'IN' : 'NOT IN'} (${params.list(c.values.map(value), type)})`;
    case 'between': {
      const [low, high] = ago ? [c.high, c.low] : [c.low, c.high];
      return `${col} BETWEEN ${params.bind(value(low), type)} AND ${params.bind(value(high), type)}`;
    }
    default:
      return `${col} ${OP_SQL[ago ? FLIP[c.op] : c.op]} ${params.bind(value(c.value), type)}`;
  }
}

/** A checked value as bound: relative days become the date they point at. */
function toSqlValue(spec: FieldSpec, v: RuleValue, asOfDay: number): SqlValue {
  switch (spec.kind) {
    case 'days_ago':
      return formatDay(asOfDay - Number(v));
    case 'days_until':
      return formatDay(asOfDay + Number(v));
    case 'date':
      return formatDay(Number(v));
    default:
      return v;
  }
}

/** `birthday_in_days`: the birthday's month and day fall in the window of days from the as-of date. */
function birthday(col: string, c: Comparison, params: SqlParams, asOfDay: number): string {
  if (c.op === 'exists') return `${col} IS ${c.present ? 'NOT NULL' : 'NULL'}`;
  let from = 0;
  let to = MAX_BIRTHDAY_DAYS;
  if (c.op === 'between') [from, to] = [Number(c.low), Number(c.high)];
  else if (c.op === 'eq') [from, to] = [Number(c.value), Number(c.value)];
  else if (c.op === 'lt') to = Number(c.value) - 1;
  else if (c.op === 'lte') to = Number(c.value);
  else if (c.op === 'gt') from = Number(c.value) + 1;
  else if (c.op === 'gte') from = Number(c.value);
  const window = birthdayWindow(asOfDay, from, to);
  if (window === 'none') return 'FALSE';
  if (window === 'all') return `${col} IS NOT NULL`;
  const md = `(CAST(extract(month FROM ${col}) AS INTEGER) * 100 + CAST(extract(day FROM ${col}) AS INTEGER))`;
  const ranges = window.map(([s, e]) => `${md} BETWEEN ${params.bind(s, 'INTEGER')} AND ${params.bind(e, 'INTEGER')}`);
  return ranges.length === 1 ? ranges[0]! : `(${ranges.join(' OR ')})`;
}
