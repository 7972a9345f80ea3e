/**
 * Renders a compiled template against a plain data object. The renderer reads data only through
 * lookupPath (own data properties of plain objects and arrays), calls nothing from the data, and stops with
 * an error — never an exception — when the output, the step count or the time exceeds its cap.
 */
import { applyFilter } from './template-filters.ts';
import { isTruthy, lookupPath, valueText } from './template-path.ts';
import type { CompiledTemplate, RenderError, RenderOptions, RenderResult, TemplateNode } from './template-types.ts';

const DEFAULT_MAX_OUTPUT = 10 * 1024 * 1024;
const DEFAULT_MAX_STEPS = 1_000_000;
const DEFAULT_MAX_MILLIS = 200;
const CLOCK_EVERY = 1024;

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '=': '&#61;',
};

/** Escapes text for HTML element content and quoted or unquoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c] ?? c);
}

class RenderStop extends Error {
  constructor(readonly detail: RenderError) {
    super(detail.message);
  }
}

class Renderer {
  private readonly chunks: string[] = [];
  private bytes = 0;
  private steps = 0;
  private readonly deadline: number;
  private readonly maxOutput: number;
  private readonly maxSteps: number;
  private readonly html: boolean;
  private readonly timeZone: string;

  constructor(
    private readonly data: unknown,
    options: RenderOptions,
  ) {
    this.maxOutput = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
    this.maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
    this.deadline = performance.now() + (options.maxMillis ?? DEFAULT_MAX_MILLIS);
    this.html = options.mode === 'html';
    this.timeZone = options.timeZone ?? 'Asia/Shanghai';
  }

  result(): string {
    return this.chunks.join('');
  }

  private step(): void {
    this.steps++;
    if (this.steps > this.maxSteps) {
      throw new RenderStop({ code: 'too_many_steps', message: `rendering took more than ${this.maxSteps} steps`, messageZh: `渲染超过 ${this.maxSteps} 步` });
    }
    if (this.steps % CLOCK_EVERY === 0 && performance.now() > this.deadline) {
      throw new RenderStop({ code: 'too_slow', message: 'rendering took too long', messageZh: '渲染耗时过长' });
    }
  }

  private write(text: string): void {
    if (text === '') return;
    this.bytes += Buffer.byteLength(text, 'utf8');
    if (this.bytes > this.maxOutput) {
      throw new RenderStop({ code: 'output_too_large', message: `output is larger than ${this.maxOutput} bytes`, messageZh: `输出超过 ${this.maxOutput} 字节` });
    }
    this.chunks.push(text);
  }

  run(nodes: readonly TemplateNode[]): void {
    for (const node of nodes) {
      this.step();
      if (node.type === 'text') {
        this.write(node.text);
      } else if (node.type === 'if') {
        const truthy = isTruthy(lookupPath(this.data, node.path));
        this.run(truthy !== node.negate ? node.then : node.otherwise);
      } else {
        let value = lookupPath(this.data, node.path);
        for (const filter of node.filters) {
          this.step();
          try {
            value = applyFilter(filter.name, value, filter.args, { timeZone: this.timeZone });
          } catch (error: unknown) {
            const why = error instanceof Error ? error.message : String(error);
            throw new RenderStop({ code: 'filter_failed', message: `filter ${filter.name} failed: ${why}`, messageZh: `过滤器 ${filter.name} 出错：${why}` });
          }
        }
        const text = valueText(value);
        this.write(this.html ? escapeHtml(text) : text);
      }
    }
  }
}

/** Renders `template` with `data`; returns an error result when a cap is hit, never throws for caps. */
export function renderTemplate(template: CompiledTemplate, data: unknown, options: RenderOptions = {}): RenderResult {
  const renderer = new Renderer(data, options);
  try {
    renderer.run(template.nodes);
  } catch (error: unknown) {
    if (error instanceof RenderStop) return { ok: false, error: error.detail };
    throw error;
  }
  return { ok: true, text: renderer.result() };
}
