/**
 * Who is calling and what they may do. Roles are ordered (analyst < operator < owner); API tokens carry a
 * role and scopes and never exceed the role. Analysts are read-only and see personal data masked.
 */
export const ROLES = ['analyst', 'operator', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['read', 'import', 'campaigns', 'consent'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Principal {
  readonly userId: number | null;
  readonly username: string;
  readonly role: Role;
  /** Sessions carry every scope their role allows; tokens the scopes they were created with. */
  readonly scopes: readonly Scope[];
  readonly via: 'session' | 'token';
  readonly sessionId: string | null;
  readonly tokenId: number | null;
}

/** What a route needs: a minimum role and, for tokens, a scope. */
export interface Access {
  readonly role: Role;
  readonly scope: Scope;
}

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function allows(principal: Principal, access: Access): boolean {
  return roleRank(principal.role) >= roleRank(access.role) && principal.scopes.includes(access.scope);
}

/** Analysts see phones as 138****1234 and names as 张*; everyone else sees them whole. */
export function seesPersonalData(principal: Principal): boolean {
  return principal.role !== 'analyst';
}
