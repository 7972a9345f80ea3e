import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aliyunCanonicalQuery, aliyunPercentEncode, aliyunSignedQuery, aliyunStringToSign, signAliyunRpc } from './aliyun-signature.ts';
import { aliyunSendSmsParams, aliyunTimestamp } from './aliyun-sms-channel.ts';

// The SendSms example Aliyun published with its 短信 HTTP signature guide (testId / testSecret), reproduced by
// many SDKs' own tests: the expected signature is the documented one, not computed by us.
const PUBLISHED_PARAMS = {
  AccessKeyId: 'testId',
  Action: 'SendSms',
  Format: 'XML',
  OutId: '123',
  PhoneNumbers: '15300000001',
  RegionId: 'cn-hangzhou',
  SignName: '阿里云短信测试专用',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
  SignatureVersion: '1.0',
  TemplateCode: 'SMS_71390007',
  TemplateParam: '{"customer":"test"}',
  Timestamp: '2017-07-12T02:42:19Z',
  Version: '2017-05-25',
};

describe('Aliyun RPC signature', () => {
  it('percent-encodes with Aliyun’s special cases', () => {
    expect(aliyunPercentEncode('a b')).toBe('a%20b');
    expect(aliyunPercentEncode('*')).toBe('%2A');
    expect(aliyunPercentEncode('~-_.')).toBe('~-_.');
    expect(aliyunPercentEncode('+/=:')).toBe('%2B%2F%3D%3A');
    expect(aliyunPercentEncode("!'()")).toBe('%21%27%28%29');
    expect(aliyunPercentEncode('回')).toBe('%E5%9B%9E');
  });

  it('reproduces the published SendSms example (testId / testSecret)', () => {
    expect(aliyunStringToSign('GET', PUBLISHED_PARAMS)).toBe(
      'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou' +
        '%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8' +
        '%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007' +
        '%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25',
    );
    expect(signAliyunRpc('GET', PUBLISHED_PARAMS, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    expect(aliyunSignedQuery(PUBLISHED_PARAMS, 'testSecret').startsWith('Signature=zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D&AccessKeyId=testId&')).toBe(true);
  });

  it('matches an independent HMAC-SHA1 over the documented string to sign (fixed huitou request)', () => {
    const params = aliyunSendSmsParams(
      { accessKeyId: 'LTAI-fixed', accessKeySecret: 'fixed secret*~', signName: '回头客示范店', regionId: 'cn-hangzhou' },
      '13800138000', 'SMS_123456', { name: '王 小明', coupon: '20*' }, 'camp-7:occ-1:cust-42:sms',
      new Date('2024-05-01T08:09:10.123Z'), 'nonce-0001',
    );
    expect(params['Timestamp']).toBe('2024-05-01T08:09:10Z');
    // Built by hand, independently of aliyunCanonicalQuery: keys in byte order, values encoded the documented way.
    const enc = (s: string): string => encodeURIComponent(s).replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~').replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const pairs = Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
    expect(aliyunCanonicalQuery(params)).toBe(pairs);
    const expected = createHmac('sha1', 'fixed secret*~&').update(`GET&%2F&${enc(pairs)}`).digest('base64');
    expect(signAliyunRpc('GET', params, 'fixed secret*~')).toBe(expected);
    expect(signAliyunRpc('POST', params, 'fixed secret*~')).not.toBe(expected);
  });

  it('ignores an existing Signature parameter when signing', () => {
    expect(signAliyunRpc('GET', { ...PUBLISHED_PARAMS, Signature: 'x' }, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('formats Timestamp as ISO 8601 UTC without milliseconds', () => {
    expect(aliyunTimestamp(new Date(Date.UTC(2017, 6, 12, 2, 42, 19, 999)))).toBe('2017-07-12T02:42:19Z');
  });
});
