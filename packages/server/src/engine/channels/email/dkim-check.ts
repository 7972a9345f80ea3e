/**
 * Test helper (not used by production code): verifies a relaxed/relaxed rsa-sha256 DKIM-Signature
 * (RFC 6376 §3.4) on a raw message, so tests prove which headers the signature really covers.
 */
import { createHash, createVerify } from 'node:crypto';

function headerLines(head: string): string[] {
  return head.split(/\r\n(?![ \t])/);
}

function relaxedHeader(line: string): string {
  const colon = line.indexOf(':');
  const name = line.slice(0, colon).trim().toLowerCase();
  const value = line.slice(colon + 1).replace(/\r\n/g, '').replace(/[ \t]+/g, ' ').trim();
  return `${name}:${value}`;
}

function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}

/** Checks the first DKIM-Signature; returns the signed header names (h=) and whether body and signature verify. */
export function checkDkim(raw: string, publicKeyPem: string): { signed: string[]; bodyOk: boolean; signatureOk: boolean } {
  const split = raw.indexOf('\r\n\r\n');
  const lines = headerLines(raw.slice(0, split));
  const dkimLine = lines.find((l) => /^dkim-signature:/i.test(l));
  if (dkimLine === undefined) return { signed: [], bodyOk: false, signatureOk: false };
  const tags = new Map<string, string>();
  for (const part of dkimLine.slice(dkimLine.indexOf(':') + 1).split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) tags.set(part.slice(0, eq).trim(), part.slice(eq + 1).replace(/\s+/g, ''));
  }
  const signed = (tags.get('h') ?? '').split(':').map((h) => h.toLowerCase());
  const bodyHash = createHash('sha256').update(relaxedBody(raw.slice(split + 4))).digest('base64');
  const used = new Map<string, number>();
  let data = '';
  for (const name of signed) {
    const matches = lines.filter((l) => l.slice(0, l.indexOf(':')).trim().toLowerCase() === name);
    const seen = used.get(name) ?? 0;
    const line = matches[matches.length - 1 - seen];
    used.set(name, seen + 1);
    if (line !== undefined) data += `${relaxedHeader(line)}\r\n`;
  }
  data += relaxedHeader(dkimLine).replace(/b=[^;]*$/, 'b=').replace(/(;\s*)b=[^;]*/, '$1b=');
  const signatureOk = createVerify('RSA-SHA256').update(data).verify(publicKeyPem, tags.get('b') ?? '', 'base64');
  return { signed, bodyOk: bodyHash === tags.get('bh'), signatureOk };
}
