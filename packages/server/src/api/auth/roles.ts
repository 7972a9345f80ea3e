/** Which scopes each role allows: analysts only read; operators and owners may do everything scoped. */
import { SCOPES } from '../access.ts';
import type { Role, Scope } from '../access.ts';

export function scopesOfRole(role: Role): readonly Scope[] {
  return role === 'analyst' ? ['read'] : SCOPES;
}

/** True when every scope is allowed by the role (a token never exceeds its role). */
export function scopesWithinRole(role: Role, scopes: readonly Scope[]): boolean {
  const allowed = scopesOfRole(role);
  return scopes.every((s) => allowed.includes(s));
}
