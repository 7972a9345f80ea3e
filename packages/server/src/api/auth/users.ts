/** Users: repository functions over the users table. Callers own transactions. */
import type { Role } from '../access.ts';
import { ROLES } from '../access.ts';
import type { Db } from '../../store/database.ts';
import { findOne, getOneOrThrow } from '../../store/database.ts';
import { hashPassword } from './password.ts';

export interface User {
  readonly userId: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly createdMs: number;
  readonly updatedMs: number;
}

/** Usernames: 1–64 characters of letters (any script), digits, `.`, `_`, `-`, `@`. */
export const USERNAME_PATTERN = /^[\p{L}\p{N}._@-]{1,64}$/u;

const COLUMNS = `user_id AS "userId", username, display_name AS "displayName", role, disabled, created_ms AS "createdMs", updated_ms AS "updatedMs"`;

interface UserRow extends Record<string, unknown> {
  userId: number;
  username: string;
  displayName: string;
  role: string;
  disabled: boolean;
  createdMs: number;
  updatedMs: number;
}

function toUser(row: UserRow): User {
  const role = ROLES.find((r) => r === row.role);
  if (role === undefined) throw new Error(`user ${row.userId} has an unknown role "${row.role}"`);
  return { userId: Number(row.userId), username: row.username, displayName: row.displayName, role, disabled: row.disabled, createdMs: Number(row.createdMs), updatedMs: Number(row.updatedMs) };
}

export async function findUserByName(db: Db, username: string): Promise<User | undefined> {
  const row = await findOne<UserRow>(db, `SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
  return row === undefined ? undefined : toUser(row);
}

export async function findUserById(db: Db, userId: number): Promise<User | undefined> {
  const row = await findOne<UserRow>(db, `SELECT ${COLUMNS} FROM users WHERE user_id = $1`, [userId]);
  return row === undefined ? undefined : toUser(row);
}

/** The user and their password hash, for login. */
export async function findCredentials(db: Db, username: string): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await findOne<UserRow & { passwordHash: string }>(db, `SELECT ${COLUMNS}, password_hash AS "passwordHash" FROM users WHERE username = $1`, [username]);
  return row === undefined ? undefined : { user: toUser(row), passwordHash: row.passwordHash };
}

export async function listUsers(db: Db): Promise<User[]> {
  return (await db.all<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY user_id`)).map(toUser);
}

export interface NewUser {
  readonly username: string;
  readonly displayName?: string;
  readonly role: Role;
  readonly password: string;
}

export async function createUser(db: Db, user: NewUser, nowMs: number): Promise<User> {
  const hash = await hashPassword(user.password);
  await db.run(
    `INSERT INTO users (username, display_name, role, password_hash, created_ms, updated_ms, disabled) VALUES ($1, $2, $3, $4, $5, $5, false)`,
    [user.username, user.displayName ?? user.username, user.role, hash, nowMs],
  );
  return toUser(await getOneOrThrow<UserRow>(db, `SELECT ${COLUMNS} FROM users WHERE username = $1`, [user.username]));
}

export interface UserChange {
  readonly role?: Role;
  readonly disabled?: boolean;
  readonly displayName?: string;
  readonly password?: string;
}

export async function updateUser(db: Db, userId: number, change: UserChange, nowMs: number): Promise<void> {
  const sets: string[] = [];
  const params: (string | number | boolean)[] = [];
  const add = (column: string, value: string | boolean): void => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (change.role !== undefined) add('role', change.role);
  if (change.disabled !== undefined) add('disabled', change.disabled);
  if (change.displayName !== undefined) add('display_name', change.displayName);
  if (change.password !== undefined) add('password_hash', await hashPassword(change.password));
  params.push(nowMs);
  sets.push(`updated_ms = $${params.length}`);
  params.push(userId);
  await db.run(`UPDATE users SET ${sets.join(', ')} WHERE user_id = $${params.length}`, params);
}

/** Enabled owners (the last one cannot be demoted or disabled). */
export async function countActiveOwners(db: Db): Promise<number> {
  const row = await getOneOrThrow<{ n: number }>(db, `SELECT count(*) AS n FROM users WHERE role = 'owner' AND NOT disabled`);
  return Number(row.n);
}
