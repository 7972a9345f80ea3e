/**
 * Fuzz: 100,000 generated rule documents either fail validation or compile to SQL in which every user
 * value is a bound parameter. Each compiled text is checked token by token: placeholders are exactly
 * $start…$end, string literals are only the compiler's own constants, every word is a keyword or an
 * identifier of the field table, no comment or statement separator appears, and no user string with a
 * non-identifier character occurs in it. A sample of 2,000 compiled rules runs against the fixture.
 */
import { VALID_ORDER_STATUSES } from '@huitou/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/database.ts';
import { openAudienceFixture } from './audience-fixture.ts';
import { RuleDocGenerator, seededRandom } from './audience-fuzz-gen.ts';
import { AUDIENCE_FROM, compileAudience, FIELDS, parseAudienceRule } from './index.ts';
import type { CompiledAudience } from './index.ts';

const DOCS = 100_000;
const EXECUTED = 2_000;

const ALLOWED_LITERALS = new Set([...VALID_ORDER_STATUSES.map((s) => `'${s}'`), "''", "','", "'，'", "'、'", "' '", "'\u3000'", "'granted'"]);
const KEYWORDS = 'AND OR NOT IN IS NULL CAST AS VARCHAR DOUBLE PRECISION INTEGER DATE BOOLEAN BETWEEN EXISTS COALESCE FALSE TRUE SELECT FROM WHERE JOIN ON AT TIME ZONE extract month day position replace length lower coalesce';
const IDENTIFIERS =
  'c a o l d s ce ce2 shop_id customer_id tags orders order_lines order_key platform order_no status product_key paid_time order_time customer_sku_due state consent_events channel event_id recorded_at suppressions address phone email';
const ALLOWED_WORDS = new Set([...KEYWORDS.split(' '), ...IDENTIFIERS.split(' '), ...Object.values(FIELDS).flatMap((f) => f.column.split('.'))]);
const ALLOWED_NUMBERS = new Set(['0', '1', '100']);
const ALLOWED_SYMBOLS = new Set(['(', ')', ',', '.', '=', '<', '>', '<=', '>=', '||', '*', '+']);

/** Every string value in a document (not keys), however deep. */
function userStrings(doc: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 60) return out;
  if (typeof doc === 'string') out.push(doc);
  else if (Array.isArray(doc)) for (const v of doc) userStrings(v, out, depth + 1);
  else if (typeof doc === 'object' && doc !== null) for (const v of Object.values(doc)) userStrings(v, out, depth + 1);
  return out;
}

/** The reasons a compiled text is not purely the compiler's own (empty when it is). */
function sqlProblems(compiled: CompiledAudience, start: number, strings: readonly string[]): string[] {
  const problems: string[] = [];
  const { where, params } = compiled;
  const numbers = [...where.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
  const expected = new Set(params.map((_, i) => start + i));
  if (new Set(numbers).size !== expected.size || numbers.some((n) => !expected.has(n))) problems.push('placeholders do not match params');
  const withoutParams = where.replace(/CAST\(\$\d+ AS (VARCHAR|DOUBLE PRECISION|INTEGER|DATE|BOOLEAN)\)/g, ' ');
  if (withoutParams.includes('$')) problems.push('a $ outside a typed placeholder');
  for (const lit of withoutParams.match(/'(?:[^']|'')*'/g) ?? []) if (!ALLOWED_LITERALS.has(lit)) problems.push(`literal ${lit}`);
  const code = withoutParams.replace(/'(?:[^']|'')*'/g, ' ');
  if (code.includes("'") || code.includes(';') || code.includes('--') || code.includes('/*')) problems.push('quote, ; or comment in code');
  for (const token of code.match(/[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|<=|>=|\|\||\S/g) ?? []) {
    if (/^[A-Za-z_]/.test(token) ? !ALLOWED_WORDS.has(token) : /^\d/.test(token) ? !ALLOWED_NUMBERS.has(token) : !ALLOWED_SYMBOLS.has(token)) {
      problems.push(`token ${token}`);
    }
  }
  for (const s of strings) if (s.length >= 3 && /[^A-Za-z0-9_ .]/.test(s) && withoutParams.includes(s)) problems.push(`user string ${JSON.stringify(s)} in SQL`);
  return problems;
}

let db: Db;
beforeAll(async () => {
  db = await openAudienceFixture();
});
afterAll(() => db.close());

describe('audience fuzz', () => {
  it(`${DOCS.toLocaleString('en')} documents fail validation or bind every value; ${EXECUTED} run`, async () => {
    const random = seededRandom(20_261_122);
    const gen = new RuleDocGenerator(random);
    const failures: string[] = [];
    const toRun: { sql: string; params: CompiledAudience['params'] }[] = [];
    let accepted = 0;
    let acceptedHostile = 0;
    const codes = new Map<string, number>();
    const started = performance.now();
    for (let i = 0; i < DOCS; i++) {
      const doc = gen.doc();
      const parsed = parseAudienceRule(doc);
      if (!parsed.ok) {
        for (const issue of parsed.issues) codes.set(issue.code, (codes.get(issue.code) ?? 0) + 1);
        if (parsed.issues.length === 0) failures.push(`doc ${i}: rejected without issues`);
        continue;
      }
      accepted++;
      const start = 1 + Math.floor(random() * 4);
      const asOf = 20_000 + Math.floor(random() * 600);
      const compiled = compileAudience(parsed.rule, { shopId: 1, asOf, startParam: start });
      const strings = userStrings(doc);
      if (strings.some((s) => /['$;]/.test(s))) acceptedHostile++;
      for (const p of sqlProblems(compiled, start, strings)) failures.push(`doc ${i}: ${p}`);
      if (toRun.length < EXECUTED && i % 3 === 0) {
        const leading = Array.from({ length: start - 1 }, (_, k) => `CAST($${k + 1} AS INTEGER) = 0 OR `).join('');
        toRun.push({ sql: `SELECT count(*) AS n FROM ${AUDIENCE_FROM} WHERE ${leading}(${compiled.where})`, params: [...Array.from({ length: start - 1 }, () => 1), ...compiled.params] });
      }
    }
    const compiledMs = performance.now() - started;
    let executionErrors = 0;
    for (const { sql, params } of toRun) {
      try {
        await db.all(sql, params);
      } catch (error) {
        executionErrors++;
        if (executionErrors <= 5) failures.push(`execution: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const total = performance.now() - started;
    console.log(
      `fuzz: ${DOCS} docs, ${accepted} accepted (${acceptedHostile} with quote/$/; strings), ${DOCS - accepted} rejected; ` +
        `parse+compile+check ${Math.round(compiledMs)} ms; ${toRun.length} executed, ${executionErrors} errors; total ${Math.round(total)} ms\n` +
        `rejections by code: ${[...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(accepted).toBeGreaterThan(10_000);
    expect(acceptedHostile).toBeGreaterThan(1_000);
    expect(toRun.length).toBe(EXECUTED);
  });
});
