/**
 * Browser sessions. The cookie carries 32 random bytes (base64url); the store keeps only their SHA-256, so a
 * copy of the database does not log anyone in. A session ends after 12 hours without a request or 7 days
 * after login, whichever comes first. Each session has its own CSRF token.
 */
import type { Db } from '../../store/database.ts';
import { findOne } from '../../store/database.ts';
import { randomSecret, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'huitou_session';
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen is written at most this often per session (fewer writes, fewer write conflicts). */
const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

export interface NewSession {
  /** The cookie value: returned once, never stored. */
  readonly secret: string;
  readonly csrfToken: string;
  readonly expiresMs: number;
}

export interface ActiveSession {
  readonly sessionHash: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly lastSeenMs: number;
  readonly expiresMs: number;
}

export async function createSession(db: Db, userId: number, nowMs: number): Promise<NewSession> {
  const secret = randomSecret();
  const csrfToken = randomSecret();
  const expiresMs = nowMs + SESSION_ABSOLUTE_MS;
  await db.run(
    `INSERT INTO sessions (session_hash, user_id, csrf_token, created_ms, last_seen_ms, expires_ms) VALUES ($1, $2, $3, $4, $4, $5)`,
    [sha256(secret), userId, csrfToken, nowMs, expiresMs],
  );
  return { secret, csrfToken, expiresMs };
}

/**
 * The live session for a cookie value, with last_seen refreshed; undefined when unknown, idle for 12 hours
 * or past its absolute expiry (an expired row is deleted).
 */
export async function findActiveSession(db: Db, secret: string, nowMs: number): Promise<ActiveSession | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  const sessionHash = sha256(secret);
  const row = await findOne<{ userId: number; csrfToken: string; lastSeenMs: number; expiresMs: number }>(
    db,
    `SELECT user_id AS "userId", csrf_token AS "csrfToken", last_seen_ms AS "lastSeenMs", expires_ms AS "expiresMs" FROM sessions WHERE session_hash = $1`,
    [sessionHash],
  );
  if (row === undefined) return undefined;
  const lastSeenMs = Number(row.lastSeenMs);
  const expiresMs = Number(row.expiresMs);
  if (nowMs >= expiresMs || nowMs - lastSeenMs >= SESSION_IDLE_MS) {
    await bestEffort(db.run(`DELETE FROM sessions WHERE session_hash = $1`, [sessionHash]));
    return undefined;
  }
  if (nowMs - lastSeenMs >= LAST_SEEN_RESOLUTION_MS) {
    await bestEffort(db.run(`UPDATE sessions SET last_seen_ms = $1 WHERE session_hash = $2 AND last_seen_ms < $1`, [nowMs, sessionHash]));
  }
  return { sessionHash, userId: Number(row.userId), csrfToken: row.csrfToken, lastSeenMs, expiresMs };
}

export async function endSession(db: Db, sessionHash: string): Promise<void> {
  await db.run(`DELETE FROM sessions WHERE session_hash = $1`, [sessionHash]);
}

/** Ends every session of a user (on disable, role change or password reset). */
export async function endUserSessions(db: Db, userId: number): Promise<void> {
  await db.run(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
}

/** Removes sessions past either expiry (housekeeping; lookups ignore them anyway). */
export async function purgeExpiredSessions(db: Db, nowMs: number): Promise<void> {
  await db.run(`DELETE FROM sessions WHERE expires_ms <= $1 OR last_seen_ms <= $2`, [nowMs, nowMs - SESSION_IDLE_MS]);
}

/**
 * Bookkeeping writes (last seen, expired rows) may conflict with a concurrent request of the same session on
 * another connection; losing one is harmless, so a conflict does not fail the request.
 */
async function bestEffort(write: Promise<void>): Promise<void> {
  try {
    await write;
  } catch {
    // another connection touched the same row; the next request writes it
  }
}
