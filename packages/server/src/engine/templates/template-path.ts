/**
 * Paths into the data object and the only way the renderer reads data: own data properties of plain objects
 * (prototype Object.prototype or null) and indexes of arrays, never process.env even if handed in. Getters are never invoked, functions never
 * called, and `__proto__` / `constructor` / `prototype` (or any `__…` name) are rejected when compiling.
 */
import type { TemplatePath } from './template-types.ts';

const SEGMENT = /^(?:[A-Za-z_][A-Za-z0-9_]*|\d{1,9})$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export type PathCheck =
  | { readonly ok: true; readonly path: TemplatePath }
  | { readonly ok: false; readonly code: 'bad_path' | 'forbidden_path'; readonly segment: string };

/** Splits and validates a dotted path such as `coupon.code`. */
export function parsePath(text: string): PathCheck {
  const segments = text.split('.');
  for (const segment of segments) {
    if (FORBIDDEN.has(segment) || segment.startsWith('__')) return { ok: false, code: 'forbidden_path', segment };
  }
  for (const segment of segments) {
    if (!SEGMENT.test(segment)) return { ok: false, code: 'bad_path', segment };
  }
  return { ok: true, path: Object.freeze(segments) };
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The value at `path`, or undefined when any step is missing or not plain data. */
export function lookupPath(root: unknown, path: TemplatePath): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || current === process.env) return undefined;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) return undefined;
      const index = Number(segment);
      if (index >= current.length) return undefined;
      current = readOwnValue(current, segment);
    } else if (isPlainObject(current)) {
      current = readOwnValue(current, segment);
    } else {
      return undefined;
    }
  }
  return typeof current === 'function' || typeof current === 'symbol' ? undefined : current;
}

function readOwnValue(target: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  return descriptor !== undefined && 'value' in descriptor ? (descriptor.value as unknown) : undefined;
}

/** Whether a looked-up value counts as true in `#if`: not missing, '', false, 0, NaN or an empty array. */
export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '') return false;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Text for a value: strings as they are, finite numbers, booleans, Dates as ISO; anything else is ''. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return '';
}
