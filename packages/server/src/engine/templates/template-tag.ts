/**
 * Parses the inside of one `{{ … }}` tag: a comment (`! …`), a block tag (`#if path`, `#unless path`,
 * `else`, `/if`, `/unless`) or an output expression `path | filter:arg,arg | filter`. Anything else —
 * parentheses, brackets, operators, unquoted words as arguments — is a syntax error, so no expression can
 * call or compute anything.
 */
import { checkFilter } from './template-filters.ts';
import { parsePath } from './template-path.ts';
import type { FilterArgument, FilterCall, TemplateIssue, TemplatePath } from './template-types.ts';

export type BlockName = 'if' | 'unless';

export type ParsedTag =
  | { readonly kind: 'comment' }
  | { readonly kind: 'open'; readonly block: BlockName; readonly path: TemplatePath }
  | { readonly kind: 'else' }
  | { readonly kind: 'close'; readonly block: BlockName }
  | { readonly kind: 'output'; readonly path: TemplatePath; readonly filters: readonly FilterCall[] }
  | { readonly kind: 'error'; readonly issue: TemplateIssue };

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const PATH = /[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*/y;
const INTEGER = /-?\d{1,9}/y;
const SPACE = /\s*/y;

function issue(code: TemplateIssue['code'], message: string, messageZh: string, offset: number): ParsedTag {
  return { kind: 'error', issue: { code, message, messageZh, offset } };
}

/** A cursor over the tag's text; offsets reported are absolute positions in the template source. */
class Cursor {
  pos = 0;
  constructor(
    readonly text: string,
    readonly base: number,
  ) {}
  skipSpace(): void {
    SPACE.lastIndex = this.pos;
    SPACE.exec(this.text);
    this.pos = SPACE.lastIndex;
  }
  match(pattern: RegExp): string | null {
    pattern.lastIndex = this.pos;
    const m = pattern.exec(this.text);
    if (m === null) return null;
    this.pos = pattern.lastIndex;
    return m[0];
  }
  peek(): string {
    return this.text[this.pos] ?? '';
  }
  at(): number {
    return this.base + this.pos;
  }
  done(): boolean {
    return this.pos >= this.text.length;
  }
}

function readPath(cursor: Cursor): { path: TemplatePath } | ParsedTag {
  cursor.skipSpace();
  const start = cursor.at();
  const text = cursor.match(PATH);
  if (text === null) return issue('bad_path', 'expected a variable name such as customer.name', '此处应为变量名，例如 customer.name', start);
  const checked = parsePath(text);
  if (!checked.ok) {
    return checked.code === 'forbidden_path'
      ? issue('forbidden_path', `"${checked.segment}" may not be used in a template`, `模板中不允许使用“${checked.segment}”`, start)
      : issue('bad_path', `"${text}" is not a valid variable name`, `“${text}”不是有效的变量名`, start);
  }
  return { path: checked.path };
}

function readString(cursor: Cursor): string | null {
  const quote = cursor.peek();
  cursor.pos++;
  let out = '';
  while (!cursor.done()) {
    const c = cursor.text[cursor.pos++]!;
    if (c === quote) return out;
    if (c === '\\') {
      const next = cursor.text[cursor.pos++];
      if (next === undefined) return null;
      out += next === 'n' ? '\n' : next;
    } else {
      out += c;
    }
  }
  return null;
}

function readArgument(cursor: Cursor): FilterArgument | ParsedTag {
  cursor.skipSpace();
  const start = cursor.at();
  const c = cursor.peek();
  if (c === '"' || c === "'") {
    const s = readString(cursor);
    return s ?? issue('bad_syntax', 'unterminated string', '字符串缺少结束引号', start);
  }
  const n = cursor.match(INTEGER);
  if (n !== null) return Number(n);
  return issue('bad_filter_argument', 'a filter argument must be a quoted string or a whole number', '过滤器参数须为带引号的字符串或整数', start);
}

function readFilters(cursor: Cursor): FilterCall[] | ParsedTag {
  const filters: FilterCall[] = [];
  for (;;) {
    cursor.skipSpace();
    if (cursor.done()) return filters;
    if (cursor.peek() !== '|') {
      return issue('bad_syntax', `unexpected "${cursor.peek()}"; only variables and | filters are allowed`, `意外的“${cursor.peek()}”；只允许变量和 | 过滤器`, cursor.at());
    }
    cursor.pos++;
    cursor.skipSpace();
    const offset = cursor.at();
    const name = cursor.match(NAME);
    if (name === null) return issue('bad_syntax', 'expected a filter name after |', '| 后应为过滤器名', offset);
    const args: FilterArgument[] = [];
    cursor.skipSpace();
    if (cursor.peek() === ':') {
      do {
        cursor.pos++;
        const arg = readArgument(cursor);
        if (typeof arg === 'object') return arg;
        args.push(arg);
        cursor.skipSpace();
      } while (cursor.peek() === ',');
    }
    const problem = checkFilter(name, args);
    if (problem !== null) return issue(problem.code, problem.text[0], problem.text[1], offset);
    filters.push({ name, args, offset });
  }
}

/** Parses the text between `{{` and `}}`; `base` is the source offset of that text. */
export function parseTag(inner: string, base: number): ParsedTag {
  const cursor = new Cursor(inner, base);
  cursor.skipSpace();
  if (cursor.done()) return issue('empty_tag', 'empty {{ }} tag', '空的 {{ }} 标签', base);
  const first = cursor.peek();
  if (first === '!') return { kind: 'comment' };
  if (first === '#' || first === '/') {
    cursor.pos++;
    const word = cursor.match(NAME);
    if (word !== 'if' && word !== 'unless') {
      return issue('bad_syntax', `unknown block "${first}${word ?? ''}" (use #if or #unless)`, `未知的块“${first}${word ?? ''}”（请用 #if 或 #unless）`, base);
    }
    if (first === '/') {
      cursor.skipSpace();
      return cursor.done() ? { kind: 'close', block: word } : issue('bad_syntax', `nothing may follow /${word}`, `/${word} 之后不能有其他内容`, cursor.at());
    }
    const read = readPath(cursor);
    if ('kind' in read) return read;
    cursor.skipSpace();
    if (!cursor.done()) return issue('bad_syntax', `#${word} takes exactly one variable`, `#${word} 只接受一个变量`, cursor.at());
    return { kind: 'open', block: word, path: read.path };
  }
  if (inner.trim() === 'else') return { kind: 'else' };
  const read = readPath(cursor);
  if ('kind' in read) return read;
  const filters = readFilters(cursor);
  if (!Array.isArray(filters)) return filters;
  return { kind: 'output', path: read.path, filters };
}
