/**
 * User administration shared by the HTTP routes and `huitou user`: create (with a generated password when
 * none is given), change role, disable/enable, reset password. Keeps at least one enabled owner, and ends a
 * user's sessions when their role, password or status changes.
 */
import type { Role } from '../access.ts';
import type { Db } from '../../store/database.ts';
import { generatePassword, passwordProblem } from './password.ts';
import { endUserSessions } from './sessions.ts';
import { USERNAME_PATTERN, countActiveOwners, createUser, findUserById, findUserByName, updateUser } from './users.ts';
import type { User, UserChange } from './users.ts';

export type UserAdminErrorCode = 'invalid' | 'exists' | 'not_found' | 'last_owner';

export class UserAdminError extends Error {
  readonly code: UserAdminErrorCode;
  readonly messageZh: string;
  constructor(code: UserAdminErrorCode, message: string, messageZh: string) {
    super(message);
    this.name = 'UserAdminError';
    this.code = code;
    this.messageZh = messageZh;
  }
}

export interface AddUserRequest {
  readonly username: string;
  readonly role: Role;
  readonly displayName?: string;
  /** Omitted or null: a random password is generated and returned. */
  readonly password?: string | null;
}

/** Creates a user; `password` in the result is the generated one (null when the caller chose it). */
export async function addUser(db: Db, request: AddUserRequest, nowMs: number): Promise<{ user: User; password: string | null }> {
  const username = request.username.normalize('NFC');
  if (!USERNAME_PATTERN.test(username)) throw new UserAdminError('invalid', 'a username is 1–64 letters, digits, ".", "_", "-" or "@"', '用户名为 1–64 个字母、数字或 . _ - @');
  const chosen = request.password ?? null;
  if (chosen !== null) {
    const problem = passwordProblem(chosen);
    if (problem !== null) throw new UserAdminError('invalid', problem.en, problem.zh);
  }
  return db.transaction(async () => {
    if ((await findUserByName(db, username)) !== undefined) throw new UserAdminError('exists', `user "${username}" already exists`, `用户 "${username}" 已存在`);
    const password = chosen ?? generatePassword();
    const user = await createUser(db, { username, role: request.role, password, ...(request.displayName === undefined ? {} : { displayName: request.displayName }) }, nowMs);
    return { user, password: chosen === null ? password : null };
  });
}

/**
 * Applies a change to a user in one transaction and returns the user before and after. Refuses to demote or
 * disable the last enabled owner.
 */
export async function changeUser(db: Db, userId: number, change: UserChange, nowMs: number): Promise<{ before: User; after: User }> {
  if (change.password !== undefined) {
    const problem = passwordProblem(change.password);
    if (problem !== null) throw new UserAdminError('invalid', problem.en, problem.zh);
  }
  return db.transaction(async () => {
    const before = await findUserById(db, userId);
    if (before === undefined) throw new UserAdminError('not_found', `no user ${userId}`, `找不到用户 ${userId}`);
    const losesOwner = before.role === 'owner' && !before.disabled && ((change.role !== undefined && change.role !== 'owner') || change.disabled === true);
    // Touch every enabled owner's row first: two concurrent demotions of two different owners then conflict
    // (DuckDB) or queue on the row locks (PostgreSQL) instead of both passing the count (write skew).
    if (losesOwner) await db.run(`UPDATE users SET updated_ms = updated_ms WHERE role = 'owner' AND NOT disabled`);
    if (losesOwner && (await countActiveOwners(db)) <= 1) {
      throw new UserAdminError('last_owner', 'the last owner cannot be demoted or disabled; make another owner first', '不能降级或停用最后一个所有者，请先设置另一个所有者');
    }
    await updateUser(db, userId, change, nowMs);
    const after = (await findUserById(db, userId))!;
    if (after.role !== before.role || after.disabled || change.password !== undefined) await endUserSessions(db, userId);
    return { before, after };
  });
}

/** Looks a user up by name for the CLI, or throws not_found. */
export async function getUserByNameOrThrow(db: Db, username: string): Promise<User> {
  const user = await findUserByName(db, username.normalize('NFC'));
  if (user === undefined) throw new UserAdminError('not_found', `no user "${username}"`, `找不到用户 "${username}"`);
  return user;
}

export const DEMO_USERNAME = 'demo';

/**
 * Creates the demo owner `demo` with a random password when it does not exist. Returns the password to print
 * once, or null when the user was already there (its password is not recoverable).
 */
export async function ensureDemoOwner(db: Db, nowMs: number = Date.now()): Promise<{ username: string; password: string | null }> {
  if ((await findUserByName(db, DEMO_USERNAME)) !== undefined) return { username: DEMO_USERNAME, password: null };
  const { password } = await addUser(db, { username: DEMO_USERNAME, role: 'owner', displayName: 'Demo owner' }, nowMs);
  return { username: DEMO_USERNAME, password };
}
