/**
 * The safety net under per-field masking: for analysts, every JSON and text response is scanned and anything
 * that looks like a full mobile number is masked (138****1234), whatever field it is in. Route modules mask
 * by field (api/personal-data.ts); this catches what they miss (an error message echoing a path, a new
 * field, a free-text note).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { MiddlewareHandler } from 'hono';
import { seesPersonalData } from '../access.ts';
import type { ApiEnv } from '../api-env.ts';
import { HttpError } from '../http-error.ts';

/** A Chinese mobile number, optionally with +86 / 86 / 0086, not inside a longer digit run. */
const CN_MOBILE = /(?<![\d])((?:\+|00)?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![\d])/g;
/** Field names that hold phone numbers; in them any run of 7+ digits (with separators) is masked. */
const PHONE_FIELD = /(phone|mobile|tel|contact|手机|电话|联系方式)/i;
const LONG_DIGITS = /(?<![\d])(\+?\d[\d\s-]{5,}\d)(?![\d])/g;

/** Masks the middle of a digit run, keeping the first 3 and last 4 digits (138****1234). */
function maskDigits(run: string): string {
  const digits = run.replace(/\D/g, '');
  if (digits.length < 7) return run;
  const keepHead = digits.length >= 11 ? 3 : 2;
  return `${run.startsWith('+') ? '+' : ''}${digits.slice(0, keepHead)}${'*'.repeat(Math.max(4, digits.length - keepHead - 4))}${digits.slice(-4)}`;
}

/** Masks every CN mobile number in free text. */
export function maskPhonesInText(text: string): string {
  return text.replace(CN_MOBILE, (_m, prefix: string | undefined, a: string, _b: string, d: string) => `${prefix ?? ''}${a}****${d}`);
}

function maskPhoneField(value: string): string {
  return maskPhonesInText(value).replace(LONG_DIGITS, (run) => maskDigits(run));
}

/** Returns a copy of a JSON value with phones masked (by pattern everywhere, and any long digit run in phone fields). */
export function maskJson(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return PHONE_FIELD.test(key) ? maskPhoneField(value) : maskPhonesInText(value);
  if (typeof value === 'number' && PHONE_FIELD.test(key) && Number.isInteger(value) && Math.abs(value) >= 1_000_000) return maskDigits(String(value));
  if (Array.isArray(value)) return value.map((v) => maskJson(v, key));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, { value: maskJson(v, k), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

const TEXT_TYPES = /^(text\/|application\/(csv|x-ndjson|xml))/i;
const XLSX_TYPE = /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/i;
/** Workbooks larger than this are not rewritten in memory; they are refused for analysts instead. */
const MAX_XLSX_BYTES = 256 * 1024 * 1024;

/**
 * Masks phones in an XLSX workbook: text in shared strings and inline strings, and numeric cells holding a
 * mobile number (rewritten as inline strings). Other entries are copied unchanged.
 */
export function maskXlsx(bytes: Uint8Array): Uint8Array {
  const entries = unzipSync(bytes);
  for (const [name, data] of Object.entries(entries)) {
    if (!/^xl\/(sharedStrings\.xml|worksheets\/[^/]+\.xml)$/.test(name)) continue;
    const xml = strFromU8(data)
      .replace(/<c\b([^>]*)><v>((?:86)?1[3-9]\d{9})<\/v><\/c>/g, (cell, attrs: string, digits: string) =>
        /\bt="(?!n")/.test(attrs) ? cell : `<c${attrs.replace(/\s+t="n"/, '')} t="inlineStr"><is><t>${maskPhonesInText(digits)}</t></is></c>`)
      .replace(/>([^<]+)</g, (_m, text: string) => `>${maskPhonesInText(text)}<`);
    entries[name] = strToU8(xml);
  }
  return zipSync(entries);
}

/** Response filter for /api/*: rewrites JSON and text bodies of analysts' responses. */
export const maskForAnalysts: MiddlewareHandler<ApiEnv> = async (c, next) => {
  await next();
  const principal = c.get('principal') as ApiEnv['Variables']['principal'] | undefined;
  if (principal === undefined || seesPersonalData(principal) || c.res.body === null) return;
  const type = c.res.headers.get('content-type') ?? '';
  const isJson = /^application\/(.+\+)?json\b/i.test(type);
  const isXlsx = XLSX_TYPE.test(type);
  if (!isJson && !isXlsx && !TEXT_TYPES.test(type)) return;
  let masked: string | Uint8Array;
  if (isXlsx) {
    const bytes = new Uint8Array(await c.res.arrayBuffer());
    if (bytes.byteLength > MAX_XLSX_BYTES) throw new HttpError('payload_too_large', 'this export is too large to mask for an analyst', '导出文件过大，无法为分析员脱敏');
    masked = maskXlsx(bytes);
  } else if (isJson) {
    const text = await c.res.text();
    try {
      masked = JSON.stringify(maskJson(JSON.parse(text)));
    } catch {
      masked = maskPhonesInText(text);
    }
  } else {
    masked = maskPhonesInText(await c.res.text());
  }
  const headers = new Headers(c.res.headers);
  headers.delete('content-length');
  const { status, statusText } = c.res;
  c.res = undefined; // replace the response whole (assigning over it would copy the stale Content-Length)
  c.res = new Response(masked, { status, statusText, headers });
};
