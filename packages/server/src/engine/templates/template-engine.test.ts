import { describe, expect, it } from 'vitest';
import { compileTemplate } from './compile-template.ts';
import { renderTemplate } from './render-template.ts';
import type { CompiledTemplate, RenderOptions } from './template-types.ts';
import { SELLER_VARIABLE_PATHS, exampleTemplateData } from './template-variables.ts';

function compiled(source: string): CompiledTemplate {
  const result = compileTemplate(source);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.template;
}

function render(source: string, data: unknown, options: RenderOptions = {}): string {
  const result = renderTemplate(compiled(source), data, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.text;
}

const data = {
  shop: { name: '小兔家居' },
  customer: { name: '', nick: 'tb_xm', tier: 'vip' },
  coupon: { code: 'HUI20', value: 1234.5, validUntil: '2025-06-30' },
  lastProduct: { title: '有机纯棉四件套（加大款，两色可选）' },
  dueSku: { title: '洗衣凝珠', dueOn: '2025-05-20' },
};

describe('template language', () => {
  it('substitutes dotted paths and applies filters', () => {
    expect(render('{{customer.name | default:"亲"}}，{{shop.name}}送您{{coupon.value|money:"¥"}}券 {{coupon.code}}', data)).toBe('亲，小兔家居送您¥1,234.50券 HUI20');
    expect(render('{{customer.tier | upper}} {{ customer.nick|upper|lower }}', data)).toBe('VIP tb_xm');
    expect(render('{{lastProduct.title | truncate:8}}', data)).toBe('有机纯棉四件套…');
    expect(render('{{lastProduct.title | truncate:100}}', data)).toBe(data.lastProduct.title);
    expect(render('{{coupon.value | money}}|{{missing | money}}|{{x|money}}', { x: -0.5 })).toBe('|' + '|-0.50');
    expect(render('{{ a | trim }}!', { a: '  hi  ' })).toBe('hi!');
  });

  it('formats dates: date-only values unshifted, instants in the render time zone', () => {
    expect(render('{{coupon.validUntil | date:"M月D日"}}', data)).toBe('6月30日');
    expect(render('{{dueSku.dueOn | date}}', data)).toBe('2025-05-20');
    const at = { t: '2025-03-08T20:30:00Z', d: new Date('2025-03-08T20:30:00Z'), n: Date.UTC(2025, 2, 8, 20, 30) };
    expect(render('{{t|date:"YYYY-MM-DD HH:mm"}}', at)).toBe('2025-03-09 04:30');
    expect(render('{{d|date:"YY/M/D H:mm:ss"}}', at, { timeZone: 'America/New_York' })).toBe('25/3/8 15:30:00');
    expect(render('{{n|date:"HH:mm"}}', at, { timeZone: 'UTC' })).toBe('20:30');
    expect(render('[{{x|date}}]', { x: 'not a date' })).toBe('[]');
    // Before year 1 (astronomical years, as core's zoned time gives them): 2 BC is -0001.
    const bc = new Date(0);
    bc.setUTCFullYear(-1, 5, 30);
    expect(render('{{b|date:"YYYY-MM-DD YY"}}', { b: bc }, { timeZone: 'UTC' })).toBe('-0001-06-30 99');
    const bad = renderTemplate(compiled('{{t|date}}'), at, { timeZone: 'Mars/Olympus' });
    expect(bad.ok).toBe(false);
  });

  it('if / unless / else with truthiness of empty strings, zero and empty arrays', () => {
    const t = '{{#if customer.name}}{{customer.name}}{{else}}{{customer.nick}}{{/if}}';
    expect(render(t, data)).toBe('tb_xm');
    expect(render(t, { customer: { name: '王' } })).toBe('王');
    expect(render('{{#unless coupon}}无券{{else}}有券{{/unless}}', {})).toBe('无券');
    expect(render('{{#if n}}y{{else}}n{{/if}}{{#if a}}y{{else}}n{{/if}}{{#if b}}y{{/if}}', { n: 0, a: [], b: [1] })).toBe('nny');
    expect(render('{{#if a}}{{#if b}}ab{{else}}a{{/if}}{{/if}}', { a: 1 })).toBe('a');
    expect(render('{{! a comment }}x{{!-- also --}}', {})).toBe('x');
  });

  it('reads array indexes and keeps stray }} and single braces literal', () => {
    expect(render('{{items.1.title}}', { items: [{ title: 'a' }, { title: 'b' }] })).toBe('b');
    expect(render('@media{.a{b:c}} {x}', {})).toBe('@media{.a{b:c}} {x}');
  });

  it('escapes every substitution in html mode but not the literal template', () => {
    const t = compiled('<p title="{{customer.name}}">{{customer.name}}</p>');
    const xss = { customer: { name: '<script>alert(1)</script>" onerror="x\'`=' } };
    const html = renderTemplate(t, xss, { mode: 'html' });
    expect(html).toEqual({ ok: true, text: '<p title="&lt;script&gt;alert(1)&lt;/script&gt;&quot; onerror&#61;&quot;x&#39;&#96;&#61;">&lt;script&gt;alert(1)&lt;/script&gt;&quot; onerror&#61;&quot;x&#39;&#96;&#61;</p>' });
    expect(renderTemplate(t, xss, { mode: 'text' })).toEqual({ ok: true, text: `<p title="${xss.customer.name}">${xss.customer.name}</p>` });
  });

  it('lists the variables used and rejects unknown ones when a list is given', () => {
    const t = compiled('{{#if coupon}}{{coupon.code}}{{/if}}{{shop.name}}{{coupon.code}}');
    expect(t.variables).toEqual(['coupon', 'coupon.code', 'shop.name']);
    const strict = compileTemplate('{{shop.name}}{{customer.phone}}{{coupon}}', { variables: SELLER_VARIABLE_PATHS });
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(strict.issues.map((i) => [i.code, i.offset])).toEqual([['unknown_variable', 13]]);
    expect(render(SELLER_VARIABLE_PATHS.map((p) => `{{${p}}}`).join('|'), exampleTemplateData())).toContain('小兔家居|王小明');
  });

  it('reports compile errors with codes, both languages and offsets', () => {
    const cases: [string, string, number][] = [
      ['hi {{name', 'unclosed_tag', 3],
      ['{{ }}', 'empty_tag', 2],
      ['{{#if a}}x', 'unclosed_block', 0],
      ['x{{/if}}', 'unexpected_close', 1],
      ['{{#if a}}{{/unless}}{{/if}}', 'unexpected_close', 9],
      ['{{else}}', 'unexpected_else', 0],
      ['{{#if a}}{{else}}{{else}}{{/if}}', 'unexpected_else', 17],
      ['{{a | shell:"ls"}}', 'unknown_filter', 6],
      ['{{a | truncate}}', 'bad_filter_argument', 6],
      ['{{a | truncate:"x"}}', 'bad_filter_argument', 6],
      ['{{a | truncate:0}}', 'bad_filter_argument', 6],
      ['{{a | default:亲}}', 'bad_filter_argument', 14],
      ['{{a | default:"亲}}', 'bad_syntax', 14],
      ['{{a + b}}', 'bad_syntax', 4],
      ['{{a.}}', 'bad_syntax', 3],
      ['{{1abc}}', 'bad_path', 2],
      ['{{#each items}}{{/each}}', 'bad_syntax', 2],
      ['{{#if a b}}{{/if}}', 'bad_syntax', 8],
    ];
    for (const [source, code, offset] of cases) {
      const result = compileTemplate(source);
      expect(result.ok, source).toBe(false);
      if (result.ok) continue;
      expect([result.issues[0]!.code, result.issues[0]!.offset], source).toEqual([code, offset]);
      expect(result.issues[0]!.messageZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
