/** Store records → the JSON views of the contract. */
import type { AuditEntryView } from '../contract/audit.ts';
import { isoInstant } from '../contract/common.ts';
import type { TokenView } from '../contract/tokens.ts';
import type { UserView } from '../contract/users.ts';
import type { AuditEntry } from './audit.ts';
import type { ApiToken } from './tokens.ts';
import type { User } from './users.ts';

export function userView(user: User): UserView {
  return { id: user.userId, username: user.username, displayName: user.displayName, role: user.role, disabled: user.disabled, createdAt: isoInstant(user.createdMs), updatedAt: isoInstant(user.updatedMs) };
}

export function tokenView(token: ApiToken): TokenView {
  return {
    id: token.tokenId,
    name: token.name,
    role: token.role,
    scopes: [...token.scopes],
    createdBy: token.createdBy,
    createdAt: isoInstant(token.createdMs),
    lastUsedAt: token.lastUsedMs === null ? null : isoInstant(token.lastUsedMs),
    revokedAt: token.revokedMs === null ? null : isoInstant(token.revokedMs),
  };
}

export function auditView(entry: AuditEntry): AuditEntryView {
  let detail: unknown = null;
  if (entry.detail !== null) {
    try {
      detail = JSON.parse(entry.detail);
    } catch {
      detail = entry.detail;
    }
  }
  return {
    id: entry.auditId,
    at: isoInstant(entry.atMs),
    actor: { userId: entry.actorUserId, username: entry.actorUsername, tokenId: entry.actorTokenId },
    action: entry.action,
    target: entry.target,
    detail,
    ip: entry.ip,
    userAgent: entry.userAgent,
  };
}
