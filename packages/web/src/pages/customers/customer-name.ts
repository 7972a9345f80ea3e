/** How a customer is called in lists: nick, then name, phone, e-mail, then the buyer key (all as the server sent them). */
interface Identity {
  readonly id: number;
  readonly nick: string | null;
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly keyValue: string;
}

export function displayName(c: Identity): string {
  return c.nick ?? c.name ?? c.phone ?? c.email ?? (c.keyValue !== '' ? c.keyValue.slice(0, 24) : `#${c.id}`);
}
