import { describe, expect, it } from 'vitest';
import { compileTemplate } from './compile-template.ts';
import { renderTemplate } from './render-template.ts';

/** Environment values long enough to be unmistakable if they leaked into output. */
const envValues = Object.values(process.env).filter((v): v is string => typeof v === 'string' && v.length >= 6);

function expectNoEnv(text: string): void {
  for (const value of envValues) expect(text.includes(value), 'environment value leaked').toBe(false);
}

describe('hostile templates', () => {
  it('rejects prototype and constructor paths at compile time', () => {
    const sources = [
      '{{constructor.constructor("return process")()}}',
      '{{__proto__}}',
      '{{a.__proto__.polluted}}',
      '{{customer.constructor.name}}',
      '{{prototype}}',
      '{{#if __defineGetter__}}x{{/if}}',
      '{{this.constructor}}',
      '{{a | default:"x" | constructor}}',
    ];
    for (const source of sources) {
      const result = compileTemplate(source);
      expect(result.ok, source).toBe(false);
      if (!result.ok) expect(['forbidden_path', 'unknown_filter'], source).toContain(result.issues[0]!.code);
    }
  });

  it('rejects call, index, operator and helper syntax', () => {
    for (const source of ['{{a()}}', '{{a["b"]}}', '{{a[0]}}', '{{a + 1}}', '{{lookup a "b"}}', '{{{raw}}}', '{{> partial}}', '{{a | env:"HOME"}}', '{{`${1}`}}', '{{@root}}', '{{#with env}}{{/with}}']) {
      expect(compileTemplate(source).ok, source).toBe(false);
    }
  });

  it('never reads the environment, globals or inherited properties', () => {
    const sources = [
      '{{env.HOME}}{{env.PATH}}{{process.env.HOME}}{{global.process.env.PATH}}{{globalThis.process}}',
      '{{HOME}}{{PATH}}{{USER}}{{require}}{{import}}{{this}}{{toString}}{{hasOwnProperty}}{{valueOf}}',
      '{{customer.toString}}{{customer.name.length}}{{list.length}}{{fn}}{{fn.name}}{{getter}}{{date.getTime}}',
    ];
    const data = Object.assign(Object.create(null) as Record<string, unknown>, {
      customer: { name: 'x' },
      list: [1, 2],
      fn: () => process.env['HOME'],
      date: new Date(0),
      proto: Object.create({ inherited: 'leak' }) as object,
    });
    Object.defineProperty(data, 'getter', { get: () => process.env['PATH'], enumerable: true });
    for (const source of sources) {
      const compiled = compileTemplate(source);
      expect(compiled.ok).toBe(true);
      if (!compiled.ok) continue;
      for (const context of [data, { env: process.env, process, globalThis }, process.env, process, globalThis]) {
        const out = renderTemplate(compiled.template, context, { mode: 'text' });
        expect(out.ok).toBe(true);
        if (out.ok) expectNoEnv(out.text);
      }
    }
    const inherited = compileTemplate('{{proto.inherited}}');
    expect(inherited.ok && renderTemplate(inherited.template, data)).toEqual({ ok: true, text: '' });
  });

  it('does not pollute Object.prototype', () => {
    const compiled = compileTemplate('{{a.b}}{{#if c}}x{{/if}}');
    expect(compiled.ok).toBe(true);
    if (compiled.ok) renderTemplate(compiled.template, JSON.parse('{"__proto__":{"polluted":1},"a":{"b":"y"}}'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('caps nesting depth without recursion trouble', () => {
    const deep = (n: number): string => '{{#if a}}'.repeat(n) + 'x' + '{{/if}}'.repeat(n);
    const ok = compileTemplate(deep(32));
    expect(ok.ok && renderTemplate(ok.template, { a: 1 })).toEqual({ ok: true, text: 'x' });
    const tooDeep = compileTemplate(deep(33));
    expect(!tooDeep.ok && tooDeep.issues[0]!.code).toBe('too_deep');
    const huge = compileTemplate('{{#if a}}'.repeat(200_000));
    expect(!huge.ok && huge.issues[0]!.code).toBe('too_deep');
  });

  it('handles 1 MB of tags within the time and output caps', () => {
    const source = '{{customer.name}}'.repeat(Math.ceil(1_048_576 / 17));
    const started = performance.now();
    const compiled = compileTemplate(source);
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const small = renderTemplate(compiled.template, { customer: { name: '王' } }, { maxMillis: 10_000 });
    expect(small.ok && small.text.length).toBe(61_681);
    // Either cap may stop it first on a loaded machine: the output cap (10 MB) or the 200 ms time cap.
    const big = renderTemplate(compiled.template, { customer: { name: 'x'.repeat(1000) } });
    expect(big.ok).toBe(false);
    expect(!big.ok && ['output_too_large', 'too_slow']).toContain(!big.ok && big.error.code);
    expect(performance.now() - started).toBeLessThan(5_000);
    const tags = compileTemplate('{{a}}'.repeat(600_000), { maxSourceChars: 4_000_000 });
    expect(!tags.ok && tags.issues[0]!.code).toBe('too_many_nodes');
    expect(compileTemplate('x'.repeat(2 * 1024 * 1024 + 1))).toMatchObject({ ok: false, issues: [{ code: 'too_large' }] });
  });

  it('caps steps and time and reports them as results', () => {
    const compiled = compileTemplate('{{a | upper | lower | trim}}'.repeat(1000));
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(renderTemplate(compiled.template, { a: 'x' }, { maxSteps: 500 })).toMatchObject({ ok: false, error: { code: 'too_many_steps' } });
    expect(renderTemplate(compiled.template, { a: 'x'.repeat(10_000) }, { maxMillis: -1 })).toMatchObject({ ok: false, error: { code: 'too_slow' } });
  });

  it('reports unbalanced tags without throwing', () => {
    for (const source of ['{{', '}}{{', '{{#if a}}', '{{/if}}{{#if', '{{else}}{{/if}}{{#unless b}}{{/if}}', '{{{{a}}}}', '{{#if a}}{{#unless b}}{{/if}}{{/unless}}']) {
      const result = compileTemplate(source);
      expect(result.ok, source).toBe(false);
    }
  });
});
