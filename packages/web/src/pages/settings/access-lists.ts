/**
 * The server's lists the Settings page shows: roles, token scopes (and which a role allows), and audit
 * actions grouped into families. Copies, so that the browser bundle holds no server code;
 * packages/server/test/api/web-access-lists.test.ts fails when they drift from the server's.
 */
import type { Role, Scope } from '../../api/types.ts';

/** As the server's access.ts ROLES, lowest first. */
export const ROLES: readonly Role[] = ['analyst', 'operator', 'owner'];

/** As the server's access.ts SCOPES. */
export const SCOPES: readonly Scope[] = ['read', 'import', 'campaigns', 'consent'];

/** The scopes a role allows (as the server's roles.ts: analysts only read; a token never exceeds its role). */
export function scopesOfRole(role: Role): readonly Scope[] {
  return role === 'analyst' ? ['read'] : SCOPES;
}

/** Every audit action of the server (audit.ts AUDIT_ACTIONS), grouped into families. */
export const AUDIT_FAMILIES: readonly { readonly family: string; readonly actions: readonly string[] }[] = [
  { family: 'auth.', actions: ['auth.login', 'auth.login_failed', 'auth.logout'] },
  { family: 'user.', actions: ['user.create', 'user.role_change', 'user.disable', 'user.enable', 'user.password_reset', 'user.rename'] },
  { family: 'token.', actions: ['token.create', 'token.revoke'] },
  { family: 'import.', actions: ['import.start', 'import.done', 'analysis.run', 'export'] },
  { family: 'campaign.', actions: ['campaign.save', 'campaign.launch', 'campaign.pause', 'campaign.resume'] },
  { family: 'consent.', actions: ['consent.change', 'optout.webhook'] },
  { family: 'shop.', actions: ['shop.sms_sign'] },
];
