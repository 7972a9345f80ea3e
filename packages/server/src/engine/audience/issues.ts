/** Issue messages in English and Chinese, with "did you mean" suggestions for misspelt names. */
import type { AudienceIssue, IssueCode, IssuePath } from './types.ts';

/** Collects issues while a document is walked. */
export class IssueList {
  readonly items: AudienceIssue[] = [];

  /** Records one issue. */
  add(path: IssuePath, code: IssueCode, message: string, messageZh: string): void {
    this.items.push({ path: [...path], code, message, messageZh });
  }

  /** The value has the wrong type: `what` is e.g. `a number` / `数字`. */
  expected(path: IssuePath, code: IssueCode, what: string, whatZh: string, got: unknown): void {
    this.add(path, code, `expected ${what}, got ${describe(got)}`, `应为${whatZh}，实际为 ${describe(got)}`);
  }

  /** An unknown key: names the closest known one, if any is close. */
  unknownKey(path: IssuePath, code: 'unknown_field' | 'unknown_operator', key: string, known: readonly string[], where: string): void {
    const near = closest(key, known);
    const kind = code === 'unknown_field' ? 'field' : 'operator';
    const kindZh = code === 'unknown_field' ? '字段' : '运算符';
    const hint = near === null ? `; known ${kind}s: ${known.join(', ')}` : `; did you mean \`${near}\`?`;
    const hintZh = near === null ? `；可用的${kindZh}：${known.join(', ')}` : `；是否想写 \`${near}\`？`;
    this.add(path, code, `unknown ${kind} \`${clip(key)}\`${where}${hint}`, `未知${kindZh} \`${clip(key)}\`${hintZh}`);
  }

  /** A value outside an enum: lists the valid ones. */
  unknownValue(path: IssuePath, value: string, allowed: readonly string[], en: string, zh: string): void {
    const near = closest(value, allowed);
    const hint = near === null ? '' : ` (did you mean \`${near}\`?)`;
    const hintZh = near === null ? '' : `（是否想写 \`${near}\`？）`;
    this.add(
      path,
      'unknown_value',
      `unknown ${en} \`${clip(value)}\`${hint}; valid values: ${allowed.join(', ')}`,
      `未知的${zh} \`${clip(value)}\`${hintZh}；可用值：${allowed.join(', ')}`,
    );
  }
}

/** A short, printable description of a document value for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isDate(value)) return `the date ${dateText(value) ?? 'Invalid Date'}`;
  switch (typeof value) {
    case 'string':
      return `the text "${clip(value)}"`;
    case 'number':
    case 'bigint':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** Cuts long text for messages. */
export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The known name `name` begins, or the closest by edit distance when close enough to be a typo. */
export function closest(name: string, known: readonly string[]): string | null {
  if (name.length > 64) return null;
  const lower = name.toLowerCase();
  const extended = lower.length >= 3 ? known.find((k) => k.startsWith(lower)) : undefined;
  if (extended !== undefined) return extended;
  const allowed = Math.max(2, Math.floor(lower.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (Math.abs(candidate.length - lower.length) > allowed) continue;
    const d = editDistance(lower, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= allowed ? best : null;
}

/** Levenshtein distance with adjacent transpositions counted as one edit (three rolling rows). */
export function editDistance(a: string, b: string): number {
  const n = b.length;
  let before = new Int32Array(n + 1);
  let prev = Int32Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Int32Array(n + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[n]!;
}

/** True for a real Date (not merely an object whose prototype is one, which throws on every method). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** `YYYY-MM-DD` (UTC) of a valid Date, or null. */
export function dateText(value: Date): string | null {
  return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
}
