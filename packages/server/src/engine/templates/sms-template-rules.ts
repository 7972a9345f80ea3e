/**
 * Rules an SMS template must pass when a seller saves it (MIIT 2015; Aliyun, Huawei): the shop's approved
 * 【签名】 at the start or the end, an opt-out phrase in every marketing message, a bounded number of billed
 * segments, and only variables the engine fills. The checks read the compiled template, so a signature or
 * opt-out phrase hidden inside {{#if}} (which may not render) does not count.
 */
import { compileTemplate } from './compile-template.ts';
import type { TemplateNode } from './template-types.ts';
import { SELLER_VARIABLES, SELLER_VARIABLE_PATHS } from './template-variables.ts';

export type SmsTemplateIssueCode =
  | 'empty'
  | 'template_syntax'
  | 'unknown_variable'
  | 'missing_signature'
  | 'signature_mismatch'
  | 'missing_opt_out'
  | 'too_long';

/** One reason a template is rejected, in English and Chinese. */
export interface SmsTemplateIssue {
  readonly code: SmsTemplateIssueCode;
  readonly message: string;
  readonly messageZh: string;
  readonly offset: number | null;
}

export interface SmsTemplateOptions {
  /** The shop's approved signature, without brackets (e.g. `小兔家居`). */
  readonly signName: string;
  readonly kind: 'care' | 'marketing';
  /** Most billed segments allowed for the longest rendering; default 3. */
  readonly maxSegments?: number;
  /** Characters in a one-segment message (70) and per segment of a long one (67). */
  readonly singleSegmentChars?: number;
  readonly multiSegmentChars?: number;
  /** Accepted opt-out phrases; default OPT_OUT_PHRASES. Matched ignoring spaces and letter case. */
  readonly optOutPhrases?: readonly string[];
}

/** Opt-out phrases accepted by default (Aliyun 回T退订; Huawei 拒收请回复R). */
export const OPT_OUT_PHRASES: readonly string[] = Object.freeze(['回T退订', '退订回T', '回TD退订', '退订回TD', '回复T退订', '回复TD退订', '拒收请回复R', '拒收回R']);

const SIGNATURE_AT_START = /^\s*【([^【】]*)】/;
const SIGNATURE_AT_END = /【([^【】]*)】\s*$/;
const BUDGETS = new Map(SELLER_VARIABLES.map((v) => [v.path, v.smsBudget]));

const normalise = (s: string): string => s.replace(/\s+/g, '').toUpperCase();

/** Billed segments for a message of `length` characters (UTF-16 units, as carriers count UCS-2). */
export function smsSegments(length: number, single = 70, multi = 67): number {
  if (length === 0) return 0;
  return length <= single ? 1 : Math.ceil(length / multi);
}

/** Upper estimate of the rendered length: literal text plus each variable's budget, longer branch of ifs. */
function estimateLength(nodes: readonly TemplateNode[]): number {
  let total = 0;
  for (const node of nodes) {
    if (node.type === 'text') total += node.text.length;
    else if (node.type === 'if') total += Math.max(estimateLength(node.then), estimateLength(node.otherwise));
    else {
      let length = BUDGETS.get(node.path.join('.')) ?? 10;
      for (const filter of node.filters) {
        const arg = filter.args[0];
        if (filter.name === 'truncate' && typeof arg === 'number') length = Math.min(length, arg);
        if (filter.name === 'default' && typeof arg === 'string') length = Math.max(length, arg.length);
        if (filter.name === 'date') length = typeof arg === 'string' ? arg.length + 4 : 10;
        if (filter.name === 'money') length = Math.max(length, 8 + (typeof arg === 'string' ? arg.length : 0));
      }
      total += length;
    }
  }
  return total;
}

function issue(code: SmsTemplateIssueCode, message: string, messageZh: string, offset: number | null = null): SmsTemplateIssue {
  return { code, message, messageZh, offset };
}

/** Validates an SMS template; an empty list means it may be saved. */
export function validateSmsTemplate(text: string, options: SmsTemplateOptions): SmsTemplateIssue[] {
  if (text.trim() === '') return [issue('empty', 'the template is empty', '模板内容为空')];
  const compiled = compileTemplate(text, { variables: SELLER_VARIABLE_PATHS, maxSourceChars: 10_000 });
  if (!compiled.ok) {
    return compiled.issues.map((i) => issue(i.code === 'unknown_variable' ? 'unknown_variable' : 'template_syntax', i.message, i.messageZh, i.offset));
  }
  const issues: SmsTemplateIssue[] = [];
  const nodes = compiled.template.nodes;
  const first = nodes[0];
  const last = nodes.at(-1);
  const start = first?.type === 'text' ? SIGNATURE_AT_START.exec(first.text) : null;
  const end = last?.type === 'text' ? SIGNATURE_AT_END.exec(last.text) : null;
  const found = start ?? end;
  const expected = options.signName.trim();
  if (found === null) {
    issues.push(issue('missing_signature', `the message must start (or end) with the shop signature 【${expected}】`, `短信须以店铺签名【${expected}】开头（或结尾）`, 0));
  } else if (found[1]!.trim() !== expected) {
    issues.push(issue('signature_mismatch', `signature 【${found[1]!}】 differs from the approved 【${expected}】`, `签名【${found[1]!}】与已报备的【${expected}】不一致`, start !== null ? 0 : text.lastIndexOf('【')));
  }
  if (options.kind === 'marketing') {
    const fixed = normalise(nodes.map((n) => (n.type === 'text' ? n.text : '\u0000')).join(''));
    const phrases = options.optOutPhrases ?? OPT_OUT_PHRASES;
    if (!phrases.some((p) => fixed.includes(normalise(p)))) {
      issues.push(issue('missing_opt_out', `a marketing message must include an opt-out phrase outside {{#if}} (e.g. ${phrases.slice(0, 2).join(' / ')})`, `营销短信须包含退订方式（如“${phrases[0] ?? ''}”），且不能放在 {{#if}} 中`));
    }
  }
  const maxSegments = options.maxSegments ?? 3;
  const length = estimateLength(nodes);
  const segments = smsSegments(length, options.singleSegmentChars ?? 70, options.multiSegmentChars ?? 67);
  if (segments > maxSegments) {
    issues.push(issue('too_long', `about ${length} characters once filled in: ${segments} segments, more than the ${maxSegments} allowed`, `填入变量后约 ${length} 字，计 ${segments} 条，超过上限 ${maxSegments} 条`));
  }
  return issues;
}
