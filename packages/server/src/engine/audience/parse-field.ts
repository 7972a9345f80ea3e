/** Parses a scalar field condition: `lifecycle: silent`, `segment: [a, b]`, `net_spend: { gte: 300, lt: 1000 }`. */
import { FIELDS, OPS_BY_KIND } from './fields.ts';
import { clip, dateText, isDate } from './issues.ts';
import type { FieldSpec } from './fields.ts';
import type { ParseContext, Reader } from './parse-values.ts';
import { daysReader, enumReader, isRecord, readBoolean, readDate, readList, readNumber, readText } from './parse-values.ts';
import type { CompareOp, Comparison, FieldCondition, IssuePath, RuleValue } from './types.ts';

const ALL_OPS: readonly CompareOp[] = ['eq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'between', 'exists'];

/** The reader of one value of a field. */
function valueReader(spec: FieldSpec, ctx: ParseContext, name: string): Reader<RuleValue> {
  switch (spec.kind) {
    case 'enum':
      return enumReader(spec.values ?? [], spec.en, spec.zh);
    case 'text':
      return name === 'tier' && ctx.tiers !== null ? enumReader(ctx.tiers, spec.en, spec.zh) : readText;
    case 'number':
      return readNumber;
    case 'days_ago':
    case 'days_until':
      return daysReader(-Infinity);
    case 'birthday_in_days':
      return daysReader(0);
    case 'date':
      return readDate;
    case 'bool':
      return readBoolean;
  }
}

/** Parses the value of field `name` at `path`; undefined when it has issues (recorded in ctx). */
export function parseFieldCondition(name: string, value: unknown, path: IssuePath, ctx: ParseContext): FieldCondition | undefined {
  const spec = FIELDS[name]!;
  const read = valueReader(spec, ctx, name);
  const allowed = OPS_BY_KIND[spec.kind];
  if (Array.isArray(value) && allowed.includes('in')) {
    const values = readList(value, path, ctx, read);
    return values === undefined ? undefined : { kind: 'field', field: name, comparisons: [{ op: 'in', values }] };
  }
  if (!isRecord(value)) {
    const one = read(value, path, ctx);
    return one === undefined ? undefined : { kind: 'field', field: name, comparisons: [{ op: 'eq', value: one }] };
  }
  const keys = Object.keys(value);
  if (keys.length === 0) {
    ctx.issues.add(path, 'empty_condition', `\`${name}\` needs an operator: ${allowed.join(', ')}`, `\`${name}\` 需要一个运算符：${allowed.join(', ')}`);
    return undefined;
  }
  const comparisons: Comparison[] = [];
  let ok = true;
  for (const op of keys) {
    const at = [...path, op];
    const known = allowed.find((o) => o === op);
    if (known === undefined) {
      ok = false;
      if (ALL_OPS.some((o) => o === op)) {
        ctx.issues.add(
          at,
          'unknown_operator',
          `operator \`${op}\` does not apply to \`${name}\` (${spec.en}); use one of: ${allowed.join(', ')}`,
          `运算符 \`${op}\` 不适用于 \`${name}\`（${spec.zh}）；可用：${allowed.join(', ')}`,
        );
      } else {
        ctx.issues.unknownKey(at, 'unknown_operator', op, allowed, ` for \`${name}\``);
      }
      continue;
    }
    const comparison = parseComparison(known, value[op], at, ctx, read);
    if (comparison === undefined) ok = false;
    else comparisons.push(comparison);
  }
  return ok ? { kind: 'field', field: name, comparisons } : undefined;
}

function parseComparison(op: CompareOp, operand: unknown, path: IssuePath, ctx: ParseContext, read: Reader<RuleValue>): Comparison | undefined {
  switch (op) {
    case 'eq':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const value = read(operand, path, ctx);
      return value === undefined ? undefined : { op, value };
    }
    case 'in':
    case 'not_in': {
      const values = readList(operand, path, ctx, read);
      return values === undefined ? undefined : { op, values };
    }
    case 'between':
      return parseBetween(operand, path, ctx, read);
    case 'exists': {
      const present = readBoolean(operand, path, ctx);
      return present === undefined ? undefined : { op, present };
    }
  }
}

function parseBetween(operand: unknown, path: IssuePath, ctx: ParseContext, read: Reader<RuleValue>): Comparison | undefined {
  if (!Array.isArray(operand) || operand.length !== 2) {
    ctx.issues.add(
      path,
      'between_needs_two',
      `\`between\` needs a list of two values [low, high], got ${Array.isArray(operand) ? `a list of ${operand.length}` : 'a single value'}`,
      '`between` 需要两个值的列表 [下限, 上限]',
    );
    return undefined;
  }
  const low = read(operand[0], [...path, 0], ctx);
  const high = read(operand[1], [...path, 1], ctx);
  if (low === undefined || high === undefined) return undefined;
  if (low > high) {
    ctx.issues.add(
      path,
      'between_not_ascending',
      `\`between\` must go from low to high: ${show(operand[0])} is above ${show(operand[1])}`,
      `\`between\` 须从小到大：${show(operand[0])} 大于 ${show(operand[1])}`,
    );
    return undefined;
  }
  return { op: 'between', low, high };
}

const show = (v: unknown): string => (isDate(v) ? (dateText(v) ?? '?') : typeof v === 'string' ? clip(v) : typeof v === 'number' ? String(v) : '?');
