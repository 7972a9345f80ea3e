import { describe, expect, it } from 'vitest';
import { cleanCell } from './clean-cell.ts';
import { normalizeHeader } from './normalize-header.ts';

describe('cleanCell', () => {
  it('passes plain values through unchanged', () => {
    const v = '订单编号';
    expect(cleanCell(v)).toBe(v);
    expect(cleanCell('')).toBe('');
  });
  it('strips ="…" wrappers, a leading quote, trailing tabs and spaces', () => {
    expect(cleanCell('="5118000000000000001"')).toBe('5118000000000000001');
    expect(cleanCell(' ="123" ')).toBe('123');
    expect(cleanCell("'13800000000")).toBe('13800000000');
    expect(cleanCell('123456\t')).toBe('123456');
    expect(cleanCell('  a b  ')).toBe('a b');
  });
  it('maps literal null to empty', () => {
    expect(cleanCell('null')).toBe('');
    expect(cleanCell("'null")).toBe('');
    expect(cleanCell('NULL')).toBe('');
    expect(cleanCell('nullx')).toBe('nullx');
  });
});

describe('normalizeHeader', () => {
  it('unifies full-width punctuation and spaces', () => {
    expect(normalizeHeader(' 商品总价（元） ')).toBe('商品总价(元)');
    expect(normalizeHeader('收货地址 ')).toBe('收货地址');
    expect(normalizeHeader('买家已付款，等待卖家发货')).toBe('买家已付款,等待卖家发货');
    expect(normalizeHeader('\ufeffLineitem   name')).toBe('Lineitem name');
    expect(normalizeHeader('a：b')).toBe('a:b');
  });
});
