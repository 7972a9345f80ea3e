/**
 * Compiles template source into an immutable tree, once. Compilation is a single left-to-right scan with an
 * explicit block stack (no recursion), bounded by source length, node count and nesting depth, so a hostile
 * template costs at most linear time and cannot overflow the stack.
 */
import { parseTag } from './template-tag.ts';
import type { BlockName } from './template-tag.ts';
import type { CompileOptions, CompileResult, TemplateIssue, TemplateNode, TemplatePath } from './template-types.ts';

const DEFAULT_MAX_SOURCE = 2 * 1024 * 1024;
const DEFAULT_MAX_NODES = 500_000;
const DEFAULT_MAX_DEPTH = 32;
const MAX_ISSUES = 20;

interface Frame {
  readonly block: BlockName;
  readonly path: TemplatePath;
  readonly offset: number;
  readonly then: TemplateNode[];
  otherwise: TemplateNode[] | null;
}

function knownSet(variables: readonly string[]): Set<string> {
  const known = new Set<string>();
  for (const v of variables) {
    const parts = v.split('.');
    for (let i = 1; i <= parts.length; i++) known.add(parts.slice(0, i).join('.'));
  }
  return known;
}

/** Compiles `source`; never throws. See README.md in this folder for the language. */
export function compileTemplate(source: string, options: CompileOptions = {}): CompileResult {
  const maxSource = options.maxSourceChars ?? DEFAULT_MAX_SOURCE;
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (source.length > maxSource) {
    return fail([{ code: 'too_large', message: `template is longer than ${maxSource} characters`, messageZh: `模板超过 ${maxSource} 个字符`, offset: maxSource }]);
  }
  const known = options.variables === undefined ? null : knownSet(options.variables);
  const issues: TemplateIssue[] = [];
  const root: TemplateNode[] = [];
  const stack: Frame[] = [];
  const variables = new Set<string>();
  let nodeCount = 0;
  const target = (): TemplateNode[] => {
    const top = stack.at(-1);
    return top === undefined ? root : (top.otherwise ?? top.then);
  };
  const useVariable = (path: TemplatePath, offset: number): void => {
    const dotted = path.join('.');
    if (known !== null && !known.has(dotted)) {
      issues.push({ code: 'unknown_variable', message: `unknown variable "${dotted}"`, messageZh: `未知变量“${dotted}”`, offset });
    }
    variables.add(dotted);
  };

  let pos = 0;
  while (pos < source.length && issues.length < MAX_ISSUES) {
    const open = source.indexOf('{{', pos);
    const textEnd = open === -1 ? source.length : open;
    if (textEnd > pos) {
      target().push({ type: 'text', text: source.slice(pos, textEnd) });
      nodeCount++;
    }
    if (open === -1) break;
    const close = source.indexOf('}}', open + 2);
    if (close === -1) {
      issues.push({ code: 'unclosed_tag', message: '{{ without a closing }}', messageZh: '{{ 缺少对应的 }}', offset: open });
      break;
    }
    pos = close + 2;
    const tag = parseTag(source.slice(open + 2, close), open + 2);
    if (++nodeCount > maxNodes) {
      return fail([{ code: 'too_many_nodes', message: `template has more than ${maxNodes} parts`, messageZh: `模板包含超过 ${maxNodes} 个部分`, offset: open }]);
    }
    switch (tag.kind) {
      case 'comment':
        break;
      case 'error':
        issues.push(tag.issue);
        break;
      case 'output':
        useVariable(tag.path, open);
        target().push({ type: 'output', path: tag.path, filters: tag.filters, offset: open });
        break;
      case 'open':
        if (stack.length >= maxDepth) {
          return fail([{ code: 'too_deep', message: `blocks are nested more than ${maxDepth} deep`, messageZh: `块嵌套超过 ${maxDepth} 层`, offset: open }]);
        }
        useVariable(tag.path, open);
        stack.push({ block: tag.block, path: tag.path, offset: open, then: [], otherwise: null });
        break;
      case 'else': {
        const top = stack.at(-1);
        if (top === undefined || top.otherwise !== null) {
          issues.push({ code: 'unexpected_else', message: '{{else}} outside an #if/#unless block or repeated', messageZh: '{{else}} 不在 #if/#unless 块内或重复出现', offset: open });
        } else {
          top.otherwise = [];
        }
        break;
      }
      case 'close': {
        const top = stack.at(-1);
        if (top === undefined || top.block !== tag.block) {
          const expected = top === undefined ? 'no open block' : `{{/${top.block}}}`;
          issues.push({ code: 'unexpected_close', message: `{{/${tag.block}}} does not match (expected ${expected})`, messageZh: `{{/${tag.block}}} 不匹配（应为 ${top === undefined ? '无未闭合的块' : `{{/${top.block}}}`}）`, offset: open });
          break;
        }
        stack.pop();
        const negate = top.block === 'unless';
        target().push({ type: 'if', path: top.path, negate, then: top.then, otherwise: top.otherwise ?? [], offset: top.offset });
        break;
      }
    }
  }
  for (const frame of stack.reverse()) {
    if (issues.length >= MAX_ISSUES) break;
    issues.push({ code: 'unclosed_block', message: `{{#${frame.block}}} is never closed with {{/${frame.block}}}`, messageZh: `{{#${frame.block}}} 缺少 {{/${frame.block}}}`, offset: frame.offset });
  }
  if (issues.length > 0) return fail(issues);
  return { ok: true, template: Object.freeze({ source, nodes: Object.freeze(root), variables: Object.freeze([...variables]), nodeCount }) };
}

function fail(issues: readonly TemplateIssue[]): CompileResult {
  return { ok: false, issues: Object.freeze(issues.slice(0, MAX_ISSUES)) };
}
