/**
 * The Settings page's copies of the server's roles, scopes and audit actions (packages/web/src/pages/settings/
 * access-lists.ts) match the server's, so a new action or scope cannot silently miss the dashboard.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_FAMILIES, ROLES as WEB_ROLES, SCOPES as WEB_SCOPES, scopesOfRole as webScopesOfRole } from '../../../web/src/pages/settings/access-lists.ts';
import { ROLES, SCOPES } from '../../src/api/access.ts';
import { AUDIT_ACTIONS } from '../../src/api/auth/audit.ts';
import { scopesOfRole } from '../../src/api/auth/roles.ts';

describe("the dashboard's copies of the server's access lists", () => {
  it('has the same roles and scopes, and the same scopes per role', () => {
    expect(WEB_ROLES).toEqual(ROLES);
    expect(WEB_SCOPES).toEqual(SCOPES);
    for (const role of ROLES) expect(webScopesOfRole(role), role).toEqual(scopesOfRole(role));
  });

  it('lists every audit action exactly once, each under a family', () => {
    const listed = AUDIT_FAMILIES.flatMap((f) => f.actions);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });
});
