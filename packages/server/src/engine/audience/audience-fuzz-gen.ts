/**
 * Random rule documents for the fuzz test: trees of known and misspelt keys, fitting and unfitting
 * values, hostile strings (SQL, placeholders, quotes, control characters, unicode), extreme numbers and
 * deep nesting. Deterministic for a seed.
 */
import { CHURN_BANDS, CUSTOMER_TYPES, DUE_STATES, LIFECYCLE_STAGES, RFM_SEGMENTS } from '@huitou/core';
import { FIELDS } from './fields.ts';

/** A small seeded generator (mulberry32), uniform on [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Strings that must never reach SQL text. */
export const HOSTILE_STRINGS: readonly string[] = [
  "'; DROP TABLE customers; --",
  "' OR '1'='1",
  "x'); DELETE FROM orders; --",
  '$1',
  '$2::text',
  '$999999',
  '" OR ""="',
  '\\',
  "\\'; SELECT pg_sleep(10); --",
  '/* comment */ SELECT',
  ") OR TRUE OR (",
  "', ', '",
  'a\u0000b',
  '\u202eevil',
  'line\nbreak',
  '😀🎯 emoji',
  '𠀀𠀁 ext-B',
  '浙江省',
  '老客; DROP',
  'Robert\'); DROP TABLE suppressions;--',
  "COPY customers TO '/tmp/x'",
  "'||(SELECT version())||'",
  'x'.repeat(150) + "'",
  'x'.repeat(300),
  '',
  ' ',
];

const NUMBERS: readonly number[] = [0, -0, 1, -1, 0.5, 7, 60, 120, 300, 365, 366, 36_600, 36_601, 1e15, -1e15, 1e16, 1e308, -1e308, Number.NaN, Infinity, -Infinity, 2 ** 53, Number.MIN_VALUE, 59.9];
const DATES: readonly string[] = ['2026-01-01', '2025-06-18', '1900-01-01', '2199-12-31', '2026-02-30', '1899-12-31', '2026-1-1', "2026-01-01'; --"];
const ENUMS: readonly string[] = [
  ...RFM_SEGMENTS.map((s) => s.code),
  ...LIFECYCLE_STAGES.map((s) => s.code),
  ...CUSTOMER_TYPES.map((s) => s.code),
  ...DUE_STATES.map((s) => s.code),
  ...CHURN_BANDS,
];
const TEXT: readonly string[] = ['SKU-WIPES-80', 'SKU-CREAM', 'vip', '老客', '江苏省', '杭州市', 'normal', 'sms', 'email', 'due', 'title:湿巾'];
const GARBAGE_KEYS: readonly string[] = ['lifecyle', 'segmnet', 'net-spend', '__proto__', 'constructor', 'toString', "'; DROP TABLE x; --", '$1', 'ALL', 'Not', ''];
const OPS: readonly string[] = ['eq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'between', 'exists', 'has', 'has_any', 'has_none', 'within_days', 'sku', 'state', 'province', 'city', 'district'];
const GARBAGE_OPS: readonly string[] = ['gtee', '$gt', "'; --", 'IN', 'like', '__proto__'];
const FIELD_NAMES = Object.keys(FIELDS);
const SPECIAL = ['region', 'tags', 'bought_sku', 'due', 'consent', 'everyone'];

/** Builds documents from one random source. */
export class RuleDocGenerator {
  readonly #r: () => number;

  constructor(random: () => number) {
    this.#r = random;
  }

  #pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.#r() * list.length)]!;
  }

  /** A random string: hostile, plausible, an enum code, or random code points. */
  string(): string {
    const p = this.#r();
    if (p < 0.35) return this.#pick(HOSTILE_STRINGS);
    if (p < 0.6) return this.#pick(TEXT);
    if (p < 0.8) return this.#pick(ENUMS);
    let s = '';
    const n = 1 + Math.floor(this.#r() * 12);
    for (let i = 0; i < n; i++) s += String.fromCodePoint(this.#pick([0x27, 0x24, 0x3b, 0x2d, 0x20, 0x41, 0x61, 0x4e2d, 0x1f600, 0x2c, 0xff0c]) + Math.floor(this.#r() * 3));
    return s;
  }

  /** Any value at all, weighted towards ones that fit some field. */
  value(depth = 0): unknown {
    const p = this.#r();
    if (p < 0.3) return this.string();
    if (p < 0.55) return this.#pick(NUMBERS);
    if (p < 0.65) return this.#pick(DATES);
    if (p < 0.72) return this.#r() < 0.5;
    if (p < 0.75) return null;
    if (p < 0.77) return new Date(this.#pick([0, 1.7e12, Number.NaN]));
    if (p < 0.92 && depth < 3) return Array.from({ length: Math.floor(this.#r() * 4) }, () => this.value(depth + 1));
    if (depth < 3) return { [this.#pick([...OPS, ...GARBAGE_OPS])]: this.value(depth + 1) };
    return this.string();
  }

  /** A value that fits the field most of the time. */
  #fitting(name: string): unknown {
    const kind = FIELDS[name]?.kind;
    if (this.#r() < 0.15 || kind === undefined) return this.value();
    switch (kind) {
      case 'enum':
        return this.#pick(FIELDS[name]!.values ?? []);
      case 'text':
        return this.string();
      case 'number':
        return this.#r() < 0.8 ? Math.round(this.#r() * 1000) / 10 : this.#pick(NUMBERS);
      case 'days_ago':
      case 'days_until':
      case 'birthday_in_days':
        return Math.floor(this.#r() * 400);
      case 'date':
        return this.#r() < 0.8 ? DATES[Math.floor(this.#r() * 2)] : this.#pick(DATES);
      case 'bool':
        return this.#r() < 0.5;
    }
  }

  #fieldValue(name: string): unknown {
    const p = this.#r();
    if (p < 0.3) return this.#fitting(name);
    if (p < 0.45) return Array.from({ length: 1 + Math.floor(this.#r() * 3) }, () => this.#fitting(name));
    const out: Record<string, unknown> = {};
    const n = 1 + Math.floor(this.#r() * 2);
    for (let i = 0; i < n; i++) {
      const op = this.#r() < 0.9 ? this.#pick(['eq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'between', 'exists']) : this.#pick(GARBAGE_OPS);
      if (op === 'in' || op === 'not_in') out[op] = Array.from({ length: 1 + Math.floor(this.#r() * 3) }, () => this.#fitting(name));
      else if (op === 'between') out[op] = [this.#fitting(name), this.#fitting(name)].sort((a, b) => (Number(a) || 0) - (Number(b) || 0));
      else if (op === 'exists') out[op] = this.#r() < 0.9 ? this.#r() < 0.5 : this.value();
      else out[op] = this.#fitting(name);
    }
    return out;
  }

  #specialValue(key: string): unknown {
    const r = this.#r();
    const texts = () => (this.#r() < 0.5 ? this.string() : Array.from({ length: 1 + Math.floor(this.#r() * 3) }, () => this.string()));
    switch (key) {
      case 'region':
        return { [this.#pick(['province', 'city', 'district', 'provice'])]: this.#r() < 0.7 ? texts() : this.#fieldValue('province') };
      case 'tags':
        return r < 0.4 ? texts() : { [this.#pick(['has', 'has_any', 'has_none', 'exists', 'contains'])]: this.#r() < 0.8 ? texts() : this.#r() < 0.5 };
      case 'bought_sku':
        return r < 0.4 ? texts() : { [this.#pick(['in', 'eq'])]: texts(), ...(this.#r() < 0.5 ? { within_days: this.#r() < 0.8 ? Math.floor(this.#r() * 400) : this.value() } : {}) };
      case 'due':
        return r < 0.3 ? this.#pick(['due', 'overdue', 'late']) : { ...(this.#r() < 0.7 ? { sku: texts() } : {}), ...(this.#r() < 0.7 ? { state: this.#pick([['due_soon', 'due'], 'overdue', ['x']]) } : {}) };
      case 'consent':
        return r < 0.8 ? this.#pick(['sms', 'email', ['sms', 'email'], 'wechat']) : this.value();
      default:
        return r < 0.9 ? true : this.value();
    }
  }

  /** One leaf object (sometimes two keys). */
  leaf(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const keys = this.#r() < 0.85 ? 1 : 2;
    for (let i = 0; i < keys; i++) {
      const p = this.#r();
      const key = p < 0.6 ? this.#pick(FIELD_NAMES) : p < 0.93 ? this.#pick(SPECIAL) : this.#pick(GARBAGE_KEYS);
      out[key] = SPECIAL.includes(key) ? this.#specialValue(key) : this.#fieldValue(key);
    }
    return out;
  }

  /** A rule document: a random tree, sometimes very deep or very wide. */
  doc(depth = 0): unknown {
    if (depth === 0) {
      const p = this.#r();
      if (p < 0.01) {
        let deep: unknown = this.leaf();
        const levels = 25 + Math.floor(this.#r() * 20);
        for (let i = 0; i < levels; i++) deep = this.#r() < 0.5 ? { not: deep } : { [this.#pick(['all', 'any'])]: [deep] };
        return deep;
      }
      if (p < 0.02) return this.value();
    }
    const p = this.#r();
    if (depth > 5 || p < 0.45) return this.leaf();
    if (p < 0.6) return { not: this.doc(depth + 1) };
    const n = this.#r() < 0.02 ? 0 : 1 + Math.floor(this.#r() * 4);
    return { [this.#pick(['all', 'any'])]: Array.from({ length: n }, () => this.doc(depth + 1)) };
  }
}
