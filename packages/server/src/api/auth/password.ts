/**
 * Password hashing with scrypt (node:crypto). The stored string carries its parameters and salt, so they can
 * be raised later without a migration: `scrypt$N$r$p$salt$hash` (salt and hash base64url). Verification is
 * timing-safe, and a login for an unknown user verifies against a dummy hash so it takes the same time.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's scrypt minimum (N=2^17, r=8, p=1) uses 128 MB per hash; 2^15 keeps a login near 50 ms and 32 MB. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Longer passwords are refused before hashing (a 1 MB password would cost the server, not the caller). */
export const MAX_PASSWORD_LENGTH = 1024;
export const MIN_PASSWORD_LENGTH = 8;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

interface ParsedHash {
  readonly params: ScryptParams;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || key.length !== KEY_BYTES) return null;
  return { params: { N, r, p }, salt, key };
}

let dummy: Promise<string> | null = null;

/** A fixed hash to verify against when the user does not exist, so both paths cost one scrypt. */
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/**
 * True when `password` matches `stored`. With `stored` null (no such user) it still runs scrypt against a
 * dummy hash and returns false, so the response time does not reveal which usernames exist.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = parseHash(stored ?? (await dummyHash()));
  if (parsed === null) {
    await derive(password, randomBytes(SALT_BYTES), DEFAULT_SCRYPT);
    return false;
  }
  const key = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.key) && stored !== null;
}

/** A readable random password (base64url, 18 bytes → 24 characters, ~144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): { en: string; zh: string } | null {
  if (password.length < MIN_PASSWORD_LENGTH) return { en: `a password needs at least ${MIN_PASSWORD_LENGTH} characters`, zh: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符` };
  if (password.length > MAX_PASSWORD_LENGTH) return { en: `a password has at most ${MAX_PASSWORD_LENGTH} characters`, zh: `密码最多 ${MAX_PASSWORD_LENGTH} 个字符` };
  return null;
}
