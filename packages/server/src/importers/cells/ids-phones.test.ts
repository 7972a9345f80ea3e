import { describe, expect, it } from 'vitest';
import { anonymousKey, chooseBuyerKey, normalizeAddressKey } from './buyer-key.ts';
import { checkOrderId } from './order-id.ts';
import { isMaskedPhone, normalizePhone } from './phone.ts';
import { splitRegion } from './region.ts';

describe('checkOrderId', () => {
  it('accepts ids and rejects Excel-damaged ones', () => {
    expect(checkOrderId('5118000000000000001')).toEqual({ ok: true, id: '5118000000000000001' });
    expect(checkOrderId('#1001')).toEqual({ ok: true, id: '#1001' });
    const sci = checkOrderId('5.11861E+18', '订单编号');
    expect(sci.ok).toBe(false);
    if (!sci.ok) {
      expect(sci.code).toBe('order_id_scientific');
      expect(sci.message).toContain('cannot be recovered');
    }
    expect(checkOrderId('5118610000000000000.00').ok).toBe(false);
    expect(checkOrderId('536365.0')).toEqual({ ok: true, id: '536365' });
    expect(checkOrderId('')).toMatchObject({ ok: false, code: 'missing_order_id' });
  });
});

describe('phones', () => {
  it('normalises', () => {
    expect(normalizePhone('+86 138-0000-0000').phone).toBe('13800000000');
    expect(normalizePhone('8613800000000').phone).toBe('13800000000');
    expect(normalizePhone('+1 (555) 010-0000').phone).toBe('+15550100000');
    expect(normalizePhone('025-12345678').phone).toBe('02512345678');
    expect(normalizePhone('abc').phone).toBeNull();
  });
  it('detects masked phones', () => {
    for (const m of ['138****1234', '1******6198', '186******05']) {
      expect(isMaskedPhone(m)).toBe(true);
      expect(normalizePhone(m)).toEqual({ phone: null, masked: m });
    }
  });
});

describe('chooseBuyerKey', () => {
  it('follows the preference order and never keys on a masked phone', () => {
    expect(chooseBuyerKey({ platformId: 'tb_user', email: 'a@b.c', orderNo: '1' })).toEqual({ kind: 'platform_id', value: 'tb_user' });
    expect(chooseBuyerKey({ email: ' A@B.C ', phone: '13800000000', orderNo: '1' })).toEqual({ kind: 'email', value: 'a@b.c' });
    expect(chooseBuyerKey({ phone: '13800000000', orderNo: '1' })).toEqual({ kind: 'phone', value: '13800000000' });
    expect(chooseBuyerKey({ phone: '138****1234', address: '江苏省 南京市 建邺区 沙洲街道****', orderNo: '1' })).toEqual({
      kind: 'address',
      value: '江苏省南京市建邺区沙洲街道',
    });
    expect(chooseBuyerKey({ phone: '138****1234', address: '江苏省', orderNo: '9' })).toEqual(anonymousKey('9'));
    expect(normalizeAddressKey('****')).toBeNull();
  });
});

describe('splitRegion', () => {
  it('splits spaced and unspaced addresses', () => {
    expect(splitRegion('江苏省 南京市 建邺区 沙洲街道****')).toEqual({ province: '江苏省', city: '南京市', district: '建邺区', street: '沙洲街道' });
    expect(splitRegion('浙江省杭州市西湖区文三路1号')).toMatchObject({ province: '浙江省', city: '杭州市', district: '西湖区' });
    expect(splitRegion('上海市浦东新区世纪大道1号')).toMatchObject({ province: '上海市', city: '上海市', district: '浦东新区' });
    expect(splitRegion('**** 南京市 建邺区')).toMatchObject({ province: null, city: '南京市' });
  });
});
