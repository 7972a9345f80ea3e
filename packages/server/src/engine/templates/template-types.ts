/**
 * Types of huitou's template language: a compiled template is an immutable tree of text, substitutions and
 * if/unless blocks. There are no loops, calls or assignments, so rendering visits each node at most once.
 */

/** A dotted path into the data object, already validated (no `__proto__`, `constructor`, `prototype`). */
export type TemplatePath = readonly string[];

/** A literal filter argument: a quoted string or an integer. */
export type FilterArgument = string | number;

/** One filter application, e.g. `truncate:20`. */
export interface FilterCall {
  readonly name: string;
  readonly args: readonly FilterArgument[];
  readonly offset: number;
}

/** Literal text copied to the output as written. */
export interface TextNode {
  readonly type: 'text';
  readonly text: string;
}

/** `{{path | filter:arg}}`: the value at path, through the filters, escaped for the output mode. */
export interface OutputNode {
  readonly type: 'output';
  readonly path: TemplatePath;
  readonly filters: readonly FilterCall[];
  readonly offset: number;
}

/** `{{#if path}}…{{else}}…{{/if}}` (or `#unless`, which is `#if` with the branches swapped). */
export interface IfNode {
  readonly type: 'if';
  readonly path: TemplatePath;
  readonly negate: boolean;
  readonly then: readonly TemplateNode[];
  readonly otherwise: readonly TemplateNode[];
  readonly offset: number;
}

export type TemplateNode = TextNode | OutputNode | IfNode;

/** A compiled template, reusable for any number of renders. */
export interface CompiledTemplate {
  readonly source: string;
  readonly nodes: readonly TemplateNode[];
  /** Every distinct variable path the template reads, dotted (e.g. `coupon.code`), in first-use order. */
  readonly variables: readonly string[];
  /** Number of nodes in the tree (a bound on render steps). */
  readonly nodeCount: number;
}

export type TemplateIssueCode =
  | 'too_large'
  | 'too_many_nodes'
  | 'too_deep'
  | 'unclosed_tag'
  | 'empty_tag'
  | 'bad_syntax'
  | 'bad_path'
  | 'forbidden_path'
  | 'unknown_filter'
  | 'bad_filter_argument'
  | 'unexpected_else'
  | 'unexpected_close'
  | 'unclosed_block'
  | 'unknown_variable';

/** A compile error, with the offset (UTF-16 index into the source) where it was found. */
export interface TemplateIssue {
  readonly code: TemplateIssueCode;
  readonly message: string;
  readonly messageZh: string;
  readonly offset: number;
}

export type CompileResult =
  | { readonly ok: true; readonly template: CompiledTemplate }
  | { readonly ok: false; readonly issues: readonly TemplateIssue[] };

export interface CompileOptions {
  /** Longest source accepted, in UTF-16 units; default 2 MiB. */
  readonly maxSourceChars?: number;
  /** Most nodes in the tree; default 500,000. */
  readonly maxNodes?: number;
  /** Deepest nesting of if/unless blocks; default 32. */
  readonly maxDepth?: number;
  /**
   * When given, every variable must be one of these paths or a prefix of one (`coupon` for `coupon.code`);
   * others are `unknown_variable` issues. Without it any well-formed path compiles (and renders empty when
   * the data has no such value).
   */
  readonly variables?: readonly string[];
}

export type RenderMode = 'text' | 'html';

export interface RenderOptions {
  /** 'html' escapes every substitution (& < > " ' ` =); 'text' (default) inserts values as they are. */
  readonly mode?: RenderMode;
  /** Largest output in UTF-8 bytes; default 10 MiB. */
  readonly maxOutputBytes?: number;
  /** Most render steps (nodes visited plus filters applied); default 1,000,000. */
  readonly maxSteps?: number;
  /** Wall-clock cap in milliseconds; default 200. */
  readonly maxMillis?: number;
  /** IANA zone for the `date` filter on instants; default Asia/Shanghai. Date-only values are never shifted. */
  readonly timeZone?: string;
}

export type RenderErrorCode = 'output_too_large' | 'too_many_steps' | 'too_slow' | 'filter_failed';

export interface RenderError {
  readonly code: RenderErrorCode;
  readonly message: string;
  readonly messageZh: string;
}

export type RenderResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: RenderError };
