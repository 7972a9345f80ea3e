import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseTc3Authorization, sha256Hex, tc3Authorization, tc3CanonicalRequest, tc3Signature, tc3StringToSign } from './tencent-signature.ts';

// Tencent's published TC3 example (CVM DescribeInstances, 2019-02-25): secrets are given masked with
// asterisks in the docs and the published signature is computed over those literal strings.
const EXAMPLE_PAYLOAD = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const EXAMPLE_HEADERS = { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com' };

describe('Tencent Cloud TC3-HMAC-SHA256', () => {
  it('reproduces the published example step by step', () => {
    expect(sha256Hex(EXAMPLE_PAYLOAD)).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    const canonical = tc3CanonicalRequest({ method: 'POST', path: '/', query: '', headers: EXAMPLE_HEADERS, payload: EXAMPLE_PAYLOAD });
    expect(canonical).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    const toSign = tc3StringToSign(canonical, 1551113065, 'cvm');
    expect(toSign).toBe('TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    expect(tc3Signature('Gu5t9xGARNpq86cd98joQYCN3*******', 1551113065, 'cvm', toSign)).toBe('2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
    expect(tc3Authorization({ secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******' }, 'cvm', 1551113065, {
      method: 'POST', path: '/', query: '', headers: EXAMPLE_HEADERS, payload: EXAMPLE_PAYLOAD,
    })).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
    );
  });

  it('matches an independent computation for a fixed SMS request (x-tc-action signed, value lower-cased)', () => {
    const payload = JSON.stringify({ PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: '1400006666', SignName: '回头客示范店', TemplateId: '449739', TemplateParamSet: ['王小明'], SessionContext: 'k-1' });
    const ts = 1714550950; // 2024-05-01T08:09:10Z
    const headers = { 'Content-Type': 'application/json; charset=utf-8', Host: '127.0.0.1:8080', 'X-TC-Action': 'SendSms' };
    const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
    const canonical = `POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:127.0.0.1:8080\nx-tc-action:sendsms\n\ncontent-type;host;x-tc-action\n${sha(payload)}`;
    const toSign = `TC3-HMAC-SHA256\n${ts}\n2024-05-01/sms/tc3_request\n${sha(canonical)}`;
    const k1 = createHmac('sha256', 'TC3fixed-key').update('2024-05-01').digest();
    const k2 = createHmac('sha256', k1).update('sms').digest();
    const k3 = createHmac('sha256', k2).update('tc3_request').digest();
    const expected = createHmac('sha256', k3).update(toSign).digest('hex');
    const auth = tc3Authorization({ secretId: 'AKID-fixed', secretKey: 'fixed-key' }, 'sms', ts, { method: 'POST', path: '/', query: '', headers, payload });
    expect(auth).toBe(`TC3-HMAC-SHA256 Credential=AKID-fixed/2024-05-01/sms/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=${expected}`);
    expect(parseTc3Authorization(auth)).toEqual({ secretId: 'AKID-fixed', date: '2024-05-01', service: 'sms', signedHeaders: ['content-type', 'host', 'x-tc-action'], signature: expected });
  });

  it('rejects malformed Authorization values', () => {
    expect(parseTc3Authorization('Bearer x')).toBeNull();
    expect(parseTc3Authorization('TC3-HMAC-SHA256 Credential=a/2024-05-01/sms/tc3_request, SignedHeaders=host, Signature=zz')).toBeNull();
  });
});
