import { describe, expect, it } from 'vitest';
import { smsSegments, validateSmsTemplate } from './sms-template-rules.ts';
import type { SmsTemplateOptions } from './sms-template-rules.ts';

const marketing: SmsTemplateOptions = { signName: '小兔家居', kind: 'marketing' };
const care: SmsTemplateOptions = { signName: '小兔家居', kind: 'care' };
const codes = (text: string, options: SmsTemplateOptions): string[] => validateSmsTemplate(text, options).map((i) => i.code);

describe('SMS template rules', () => {
  it('accepts a signed marketing template with an opt-out phrase', () => {
    expect(codes('【小兔家居】{{customer.name|default:"亲"}}，您的{{coupon.value|money:"¥"}}券{{coupon.code}}将于{{coupon.validUntil|date:"M月D日"}}到期，回T退订', marketing)).toEqual([]);
    expect(codes('{{customer.nick}}您好，{{dueSku.title}}快用完啦，拒收请回复R【小兔家居】', marketing)).toEqual([]);
    expect(codes('【小兔家居】新品上架 退订回 t', marketing)).toEqual([]);
    expect(codes('【 小兔家居 】您的包裹已签收', care)).toEqual([]);
  });

  it('requires the shop signature at the start or end, and the approved one', () => {
    expect(codes('亲，新品上架，回T退订', marketing)).toEqual(['missing_signature']);
    expect(codes('{{shop.name}}：新品上架，回T退订', marketing)).toEqual(['missing_signature']);
    expect(codes('亲，【小兔家居】新品上架，回T退订', marketing)).toEqual(['missing_signature']);
    const mismatch = validateSmsTemplate('【大象家居】新品上架，回T退订', marketing);
    expect(mismatch.map((i) => i.code)).toEqual(['signature_mismatch']);
    expect(mismatch[0]!.messageZh).toContain('【小兔家居】');
    expect(mismatch[0]!.message).toContain('differs');
  });

  it('requires an opt-out phrase outside conditionals for marketing only', () => {
    expect(codes('【小兔家居】新品上架', marketing)).toEqual(['missing_opt_out']);
    expect(codes('【小兔家居】新品上架{{#if coupon}}回T退订{{/if}}', marketing)).toEqual(['missing_opt_out']);
    expect(codes('【小兔家居】新品上架', care)).toEqual([]);
    expect(codes('【小兔家居】New in. Reply STOP to opt out', { ...marketing, optOutPhrases: ['Reply STOP'] })).toEqual([]);
  });

  it('rejects templates too long once variables are filled in', () => {
    const long = `【小兔家居】${'好'.repeat(180)}{{lastProduct.title}}回T退订`;
    const issues = validateSmsTemplate(long, marketing);
    expect(issues.map((i) => i.code)).toEqual(['too_long']);
    expect(issues[0]!.message).toMatch(/4 segments/);
    expect(codes(long, { ...marketing, maxSegments: 4 })).toEqual([]);
    expect(codes(`【小兔家居】${'好'.repeat(180)}{{lastProduct.title|truncate:5}}回T退订`, marketing)).toEqual([]);
    expect([smsSegments(0), smsSegments(70), smsSegments(71), smsSegments(134), smsSegments(135)]).toEqual([0, 1, 2, 2, 3]);
  });

  it('rejects unknown variables and syntax errors, and empty templates', () => {
    const unknown = validateSmsTemplate('【小兔家居】{{customer.phone}}{{env.HOME}}回T退订', marketing);
    expect(unknown.map((i) => [i.code, i.offset])).toEqual([
      ['unknown_variable', 6],
      ['unknown_variable', 24],
    ]);
    expect(codes('【小兔家居】{{constructor.constructor}}回T退订', marketing)).toEqual(['template_syntax']);
    expect(codes('【小兔家居】{{#if coupon}}回T退订', marketing)).toEqual(['template_syntax']);
    expect(codes('  ', care)).toEqual(['empty']);
  });
});
