/**
 * API tokens: `hut_` + 32 random bytes (base64url). The token is returned once at creation; the store keeps
 * its SHA-256. A token has a role and scopes (never more than the role allows) and is revocable; a revoked
 * token fails on its next request.
 */
import type { Role, Scope } from '../access.ts';
import { ROLES, SCOPES } from '../access.ts';
import type { Db } from '../../store/database.ts';
import { findOne, getOneOrThrow } from '../../store/database.ts';
import { randomSecret, sha256 } from './secrets.ts';

export const TOKEN_PREFIX = 'hut_';
export const TOKEN_PATTERN = /^hut_[A-Za-z0-9_-]{43}$/;
const LAST_USED_RESOLUTION_MS = 60 * 1000;

export interface ApiToken {
  readonly tokenId: number;
  readonly name: string;
  readonly role: Role;
  readonly scopes: readonly Scope[];
  readonly createdBy: number | null;
  readonly createdMs: number;
  readonly lastUsedMs: number | null;
  readonly revokedMs: number | null;
}

interface TokenRow extends Record<string, unknown> {
  tokenId: number;
  name: string;
  role: string;
  scopes: string;
  createdBy: number | null;
  createdMs: number;
  lastUsedMs: number | null;
  revokedMs: number | null;
}

const COLUMNS = `token_id AS "tokenId", name, role, scopes, created_by AS "createdBy", created_ms AS "createdMs", last_used_ms AS "lastUsedMs", revoked_ms AS "revokedMs"`;

function toToken(row: TokenRow): ApiToken {
  const role = ROLES.find((r) => r === row.role);
  if (role === undefined) throw new Error(`token ${row.tokenId} has an unknown role "${row.role}"`);
  const scopes = row.scopes.split(',').filter((s): s is Scope => SCOPES.some((x) => x === s));
  const num = (v: number | null): number | null => (v === null ? null : Number(v));
  return { tokenId: Number(row.tokenId), name: row.name, role, scopes, createdBy: num(row.createdBy), createdMs: Number(row.createdMs), lastUsedMs: num(row.lastUsedMs), revokedMs: num(row.revokedMs) };
}

export interface NewToken {
  readonly name: string;
  readonly role: Role;
  readonly scopes: readonly Scope[];
  readonly createdBy: number | null;
}

/** Creates a token; the returned `secret` is the only copy. */
export async function createToken(db: Db, token: NewToken, nowMs: number): Promise<{ token: ApiToken; secret: string }> {
  const secret = `${TOKEN_PREFIX}${randomSecret()}`;
  const hash = sha256(secret);
  const scopes = SCOPES.filter((s) => token.scopes.includes(s)).join(',');
  await db.run(
    `INSERT INTO api_tokens (name, token_hash, role, scopes, created_by, created_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
    [token.name, hash, token.role, scopes, token.createdBy, nowMs],
  );
  return { token: toToken(await getOneOrThrow<TokenRow>(db, `SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1`, [hash])), secret };
}

/** The live (not revoked) token for a bearer value, with last_used refreshed; undefined otherwise. */
export async function findActiveToken(db: Db, secret: string, nowMs: number): Promise<ApiToken | undefined> {
  if (!TOKEN_PATTERN.test(secret)) return undefined;
  const hash = sha256(secret);
  const row = await findOne<TokenRow>(db, `SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_ms IS NULL`, [hash]);
  if (row === undefined) return undefined;
  const token = toToken(row);
  if (token.lastUsedMs === null || nowMs - token.lastUsedMs >= LAST_USED_RESOLUTION_MS) {
    try {
      await db.run(`UPDATE api_tokens SET last_used_ms = $1 WHERE token_id = $2`, [nowMs, token.tokenId]);
    } catch {
      // a concurrent request of the same token wrote it first; last use is bookkeeping
    }
  }
  return token;
}

export async function findToken(db: Db, tokenId: number): Promise<ApiToken | undefined> {
  const row = await findOne<TokenRow>(db, `SELECT ${COLUMNS} FROM api_tokens WHERE token_id = $1`, [tokenId]);
  return row === undefined ? undefined : toToken(row);
}

export async function listTokens(db: Db): Promise<ApiToken[]> {
  return (await db.all<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY token_id`)).map(toToken);
}

/** Revokes a token; false when it does not exist or was already revoked. */
export async function revokeToken(db: Db, tokenId: number, nowMs: number): Promise<boolean> {
  const before = await findToken(db, tokenId);
  if (before === undefined || before.revokedMs !== null) return false;
  await db.run(`UPDATE api_tokens SET revoked_ms = $1 WHERE token_id = $2 AND revoked_ms IS NULL`, [nowMs, tokenId]);
  return true;
}
