/**
 * huitou user add|list|role|disable|enable — users of the web dashboard and the API from the command line
 * (the first owner is made here). `add` without --password generates one and prints it once.
 */
import type { Role } from '../../api/access.ts';
import { ROLES } from '../../api/access.ts';
import { audit } from '../../api/auth/audit.ts';
import { UserAdminError, addUser, changeUser, getUserByNameOrThrow } from '../../api/auth/user-admin.ts';
import { listUsers } from '../../api/auth/users.ts';
import type { User } from '../../api/auth/users.ts';
import { isoInstant } from '../../api/contract/common.ts';
import type { Db } from '../../store/database.ts';
import { openStore } from '../../store/open-store.ts';
import { parseCommandArgs } from '../args.ts';
import { CommandError, EXIT_OK, UsageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { printJson, resolveLang } from '../command-helpers.ts';
import { renderTable } from '../text-table.ts';

const OPTIONS = {
  role: { type: 'string', description: 'add: owner, operator or analyst', placeholder: 'ROLE' },
  password: { type: 'string', description: 'add: the password (default: generate one and print it once)', placeholder: 'P' },
  name: { type: 'string', description: 'add: display name (default: the username)', placeholder: 'TEXT' },
} as const;

const SUBCOMMANDS = ['add', 'list', 'role', 'disable', 'enable'] as const;

const MESSAGES = {
  en: { created: 'Created user', password: 'Password (shown once, store it now)', role: 'role', disabled: 'disabled', enabled: 'enabled', none: 'No users yet: huitou user add NAME --role owner', head: ['ID', 'User', 'Name', 'Role', 'Status', 'Created'], active: 'active' },
  zh: { created: '已创建用户', password: '密码（只显示这一次，请立即保存）', role: '角色', disabled: '已停用', enabled: '已启用', none: '还没有用户：huitou user add 用户名 --role owner', head: ['ID', '用户', '名称', '角色', '状态', '创建时间'], active: '正常' },
} as const;

export const userCommand: Command = {
  name: 'user',
  summary: { zh: '用户与角色：添加、列出、改角色、停用', en: 'users and roles: add, list, change role, disable' },
  usage: 'huitou user add NAME --role owner|operator|analyst [--password P] | list | role NAME ROLE | disable NAME | enable NAME [--json]',
  options: OPTIONS,
  async run(argv, { io, config }) {
    const { options, positionals } = parseCommandArgs(argv, OPTIONS);
    const m = MESSAGES[resolveLang(options.lang, config)];
    const [sub, ...args] = positionals;
    if (!SUBCOMMANDS.some((s) => s === sub)) throw new UsageError(`user needs one of ${SUBCOMMANDS.join(', ')}`);
    const expected = sub === 'list' ? 0 : sub === 'role' ? 2 : 1;
    if (args.length !== expected) throw new UsageError(`user ${sub} takes ${expected === 0 ? 'no arguments' : expected === 1 ? 'a username' : 'a username and a role'}`);
    const db = await openStore({ path: options.db ?? config.dbPath, ...(config.memoryLimit === null ? {} : { memoryLimit: config.memoryLimit }) });
    try {
      switch (sub) {
        case 'list': {
          const users = await listUsers(db);
          if (options.json) printJson(io, { users: users.map(userJson) });
          else if (users.length === 0) io.stdout.write(`${m.none}\n`);
          else io.stdout.write(`${renderTable(m.head.map((header) => ({ header })), users.map((u) => [String(u.userId), u.username, u.displayName, u.role, u.disabled ? m.disabled : m.active, isoInstant(u.createdMs).slice(0, 10)]))}\n`);
          return EXIT_OK;
        }
        case 'add': {
          const role = parseRole(options.role, '--role');
          const { user, password } = await run(() => addUser(db, { username: args[0]!, role, password: options.password ?? null, ...(options.name === undefined ? {} : { displayName: options.name }) }, Date.now()));
          await audit(db, CLI_ACTOR, 'user.create', `user:${user.userId}`, { username: user.username, role: user.role }, null);
          if (options.json) printJson(io, { user: userJson(user), password });
          else io.stdout.write(`${m.created}: ${user.username} (${m.role} ${user.role})\n${password === null ? '' : `${m.password}: ${password}\n`}`);
          return EXIT_OK;
        }
        default: {
          const user = await run(() => getUserByNameOrThrow(db, args[0]!));
          const change = sub === 'role' ? { role: parseRole(args[1], 'ROLE') } : { disabled: sub === 'disable' };
          const { after } = await run(() => changeUser(db, user.userId, change, Date.now()));
          await recordAudit(db, sub ?? '', after, user);
          if (options.json) printJson(io, { user: userJson(after) });
          else io.stdout.write(`${after.username}: ${sub === 'role' ? `${m.role} ${after.role}` : after.disabled ? m.disabled : m.enabled}\n`);
          return EXIT_OK;
        }
      }
    } finally {
      db.close();
    }
  },
};

function parseRole(raw: string | undefined, what: string): Role {
  const role = ROLES.find((r) => r === raw);
  if (role === undefined) throw new UsageError(`${what} must be one of ${ROLES.join(', ')}${raw === undefined ? '' : `, got "${raw}"`}`);
  return role;
}

async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof UserAdminError) throw new CommandError(error.code === 'invalid' ? 'invalid_user' : error.code === 'exists' ? 'user_exists' : error.code === 'not_found' ? 'no_user' : 'last_owner', error.message);
    throw error;
  }
}

/** Changes made from the command line are audited too (actor `cli`). */
const CLI_ACTOR = { userId: null, username: 'cli', tokenId: null };

async function recordAudit(db: Db, sub: string, after: User, before: User): Promise<void> {
  const target = `user:${after.userId}`;
  if (sub === 'role' && before.role !== after.role) await audit(db, CLI_ACTOR, 'user.role_change', target, { username: after.username, from: before.role, to: after.role }, null);
  if (sub !== 'role' && before.disabled !== after.disabled) await audit(db, CLI_ACTOR, after.disabled ? 'user.disable' : 'user.enable', target, { username: after.username }, null);
}

function userJson(user: User): Record<string, unknown> {
  return { id: user.userId, username: user.username, displayName: user.displayName, role: user.role, disabled: user.disabled, createdAt: isoInstant(user.createdMs) };
}
