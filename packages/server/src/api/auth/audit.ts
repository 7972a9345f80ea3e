/**
 * The audit log: who did what, when, to what, from where. Route modules call `audit` for every action the
 * issue lists (logins, exports, imports, launches, consent changes, role changes, tokens); pass the
 * transaction's connection to record the entry together with the action.
 */
import type { Context } from 'hono';
import type { Principal } from '../access.ts';
import type { Db } from '../../store/database.ts';
import { clientAddress, userAgent } from './request-info.ts';

/** Who acted: a request's principal, or e.g. `{ userId: null, username: 'cli', tokenId: null }`. */
export type AuditActor = Pick<Principal, 'userId' | 'username' | 'tokenId'>;

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'token.create',
  'token.revoke',
  'user.create',
  'user.role_change',
  'user.disable',
  'user.enable',
  'user.password_reset',
  'user.rename',
  'import.start',
  'import.done',
  'analysis.run',
  'export',
  'campaign.save',
  'campaign.launch',
  'campaign.pause',
  'campaign.resume',
  'consent.change',
  'optout.webhook',
  'shop.sms_sign',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Longest detail JSON stored; longer details are cut (and marked) rather than refused. */
const MAX_DETAIL_CHARS = 8192;

/**
 * Appends one entry. `principal` is the actor (null when nobody is authenticated, e.g. a failed login);
 * `target` names what was acted on (`user:7`, `token:3`, `shop:demo/campaign:winback`); `detail` is any
 * JSON-serialisable value (never secrets or unmasked personal data); `c` gives the address and user agent.
 */
export async function audit(db: Db, principal: AuditActor | null, action: AuditAction, target: string | null, detail: unknown, c: Context | null, nowMs: number = Date.now()): Promise<void> {
  let text = detail === undefined || detail === null ? null : JSON.stringify(detail);
  if (text !== null && text.length > MAX_DETAIL_CHARS) text = JSON.stringify({ truncated: true, head: text.slice(0, MAX_DETAIL_CHARS - 100) });
  await db.run(
    `INSERT INTO audit_log (at_ms, actor_user_id, actor_username, actor_token_id, action, target, detail, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [nowMs, principal?.userId ?? null, principal?.username.slice(0, 256) ?? null, principal?.tokenId ?? null, action, target?.slice(0, 512) ?? null, text, c === null ? null : clientAddress(c), c === null ? null : userAgent(c)],
  );
}

export interface AuditEntry {
  readonly auditId: number;
  readonly atMs: number;
  readonly actorUserId: number | null;
  readonly actorUsername: string | null;
  readonly actorTokenId: number | null;
  readonly action: string;
  readonly target: string | null;
  readonly detail: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface AuditFilter {
  readonly action?: string;
  readonly actor?: string;
  readonly target?: string;
  readonly fromMs?: number;
  readonly toMs?: number;
}

/** Entries matching the filter, newest first, with the total count. */
export async function listAudit(db: Db, filter: AuditFilter, limit: number, offset: number): Promise<{ total: number; rows: AuditEntry[] }> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, value: string | number): void => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.action !== undefined) add(filter.action.endsWith('.') ? `starts_with(action, ?)` : `action = ?`, filter.action);
  if (filter.actor !== undefined) add(`actor_username = ?`, filter.actor);
  if (filter.target !== undefined) add(`target = ?`, filter.target);
  if (filter.fromMs !== undefined) add(`at_ms >= ?`, filter.fromMs);
  if (filter.toMs !== undefined) add(`at_ms < ?`, filter.toMs);
  const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const [count] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM audit_log ${clause}`, params);
  const rows = await db.all<Record<string, unknown> & AuditEntry>(
    `SELECT audit_id AS "auditId", at_ms AS "atMs", actor_user_id AS "actorUserId", actor_username AS "actorUsername", actor_token_id AS "actorTokenId",
            action, target, detail, ip, user_agent AS "userAgent"
     FROM audit_log ${clause} ORDER BY at_ms DESC, audit_id DESC LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
    params,
  );
  const num = (v: number | null): number | null => (v === null ? null : Number(v));
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({ ...r, auditId: Number(r.auditId), atMs: Number(r.atMs), actorUserId: num(r.actorUserId), actorTokenId: num(r.actorTokenId) })),
  };
}
