/**
 * Aliyun RPC signature, version 1.0 (HMAC-SHA1), as used by dysmsapi `SendSms`:
 * percent-encode every name and value (RFC 3986 with Aliyun's spelling: space → %20, `*` → %2A, `~` kept),
 * sort by name, join as `k=v&…`, then StringToSign = METHOD + "&%2F&" + percentEncode(canonicalized), and
 * Signature = base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)). Pure functions, no clock, no I/O.
 */
import { createHmac } from 'node:crypto';

/** Aliyun's percent-encoding: encodeURIComponent plus the characters it leaves alone (!'()*). */
export function aliyunPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Sorted, encoded `k=v&k=v` of every parameter except `Signature`. Sorted by code unit, as Aliyun's SDKs do. */
export function aliyunCanonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${aliyunPercentEncode(key)}=${aliyunPercentEncode(params[key] ?? '')}`)
    .join('&');
}

/** The documented string to sign: `GET&%2F&` + percentEncode(canonicalized query). */
export function aliyunStringToSign(method: 'GET' | 'POST', params: Readonly<Record<string, string>>): string {
  return `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(aliyunCanonicalQuery(params))}`;
}

/** Base64 HMAC-SHA1 signature of `params` with `AccessKeySecret&` as the key (not yet URL-encoded). */
export function signAliyunRpc(method: 'GET' | 'POST', params: Readonly<Record<string, string>>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(aliyunStringToSign(method, params), 'utf8').digest('base64');
}

/** The full query string for a GET request: the canonical query plus the encoded Signature. */
export function aliyunSignedQuery(params: Readonly<Record<string, string>>, accessKeySecret: string): string {
  const signature = signAliyunRpc('GET', params, accessKeySecret);
  return `Signature=${aliyunPercentEncode(signature)}&${aliyunCanonicalQuery(params)}`;
}
