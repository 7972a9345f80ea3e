/**
 * Tencent Cloud API 3.0 signature, TC3-HMAC-SHA256: a canonical request (method, URI, query, canonical
 * headers, signed header names, SHA-256 of the payload), a string to sign over its hash with the credential
 * scope `date/service/tc3_request`, and a signing key derived by HMAC chain
 * ("TC3" + SecretKey → date → service → "tc3_request"). Pure functions: the caller supplies the timestamp.
 */
import { createHash, createHmac } from 'node:crypto';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/** Hex SHA-256 of a UTF-8 string. */
export function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** UTC calendar date (YYYY-MM-DD) of a Unix timestamp in seconds, as the credential scope wants it. */
export function tc3Date(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

export interface Tc3RequestParts {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  /** Header names and values to sign; both are lower-cased and trimmed, names sorted. */
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: string;
}

/** `content-type;host;…`: the sorted lower-case names of the signed headers. */
export function tc3SignedHeaders(headers: Readonly<Record<string, string>>): string {
  return Object.keys(headers).map((name) => name.toLowerCase()).sort().join(';');
}

/** The canonical request, exactly as the string that gets hashed (header names and values lower-cased and trimmed, per the docs). */
export function tc3CanonicalRequest(parts: Tc3RequestParts): string {
  const entries = Object.entries(parts.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalHeaders = entries.map(([name, value]) => `${name}:${value}\n`).join('');
  return [parts.method.toUpperCase(), parts.path, parts.query, canonicalHeaders, tc3SignedHeaders(parts.headers), sha256Hex(parts.payload)].join('\n');
}

/** `TC3-HMAC-SHA256\n<timestamp>\n<date>/<service>/tc3_request\n<sha256(canonical request)>`. */
export function tc3StringToSign(canonicalRequest: string, timestampSeconds: number, service: string): string {
  return [TC3_ALGORITHM, String(timestampSeconds), `${tc3Date(timestampSeconds)}/${service}/tc3_request`, sha256Hex(canonicalRequest)].join('\n');
}

/** Hex signature of a string to sign with the derived key chain. */
export function tc3Signature(secretKey: string, timestampSeconds: number, service: string, stringToSign: string): string {
  const secretDate = hmac(`TC3${secretKey}`, tc3Date(timestampSeconds));
  const secretService = hmac(secretDate, service);
  const secretSigning = hmac(secretService, 'tc3_request');
  return createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex');
}

export interface Tc3Credentials {
  readonly secretId: string;
  readonly secretKey: string;
}

/** The complete `Authorization` header value for a request. */
export function tc3Authorization(credentials: Tc3Credentials, service: string, timestampSeconds: number, parts: Tc3RequestParts): string {
  const stringToSign = tc3StringToSign(tc3CanonicalRequest(parts), timestampSeconds, service);
  const signature = tc3Signature(credentials.secretKey, timestampSeconds, service, stringToSign);
  const scope = `${tc3Date(timestampSeconds)}/${service}/tc3_request`;
  return `${TC3_ALGORITHM} Credential=${credentials.secretId}/${scope}, SignedHeaders=${tc3SignedHeaders(parts.headers)}, Signature=${signature}`;
}

export interface ParsedTc3Authorization {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Parses an `Authorization: TC3-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` value; null when malformed. */
export function parseTc3Authorization(value: string): ParsedTc3Authorization | null {
  const match = /^TC3-HMAC-SHA256\s+Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(value.trim());
  if (match === null) return null;
  const [, secretId, date, service, signedHeaders, signature] = match;
  if (secretId === undefined || date === undefined || service === undefined || signedHeaders === undefined || signature === undefined) return null;
  return { secretId, date, service, signedHeaders: signedHeaders.split(';'), signature };
}
