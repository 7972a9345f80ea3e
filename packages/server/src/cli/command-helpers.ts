/** Small pieces every command uses: language, opening the store for the chosen shop, JSON output. */
import type { Config, Lang } from '../config.ts';
import { isValidTimeZone } from '../importers/cells/zone-offset.ts';
import type { Db } from '../store/database.ts';
import { openStore } from '../store/open-store.ts';
import { ensureShop, findShop, listShops } from '../store/repositories/shop.repository.ts';
import type { Shop } from '../store/repositories/shop.repository.ts';
import { CommandError, UsageError } from './cli-error.ts';
import type { CliIo } from './command.ts';

export function resolveLang(raw: string | undefined, config: Config): Lang {
  if (raw === undefined) return config.lang;
  if (raw !== 'zh' && raw !== 'en') throw new UsageError(`--lang must be zh or en, got "${raw}"`);
  return raw;
}

export function resolveTimeZone(raw: string | undefined, fallback: string): string {
  if (raw === undefined) return fallback;
  if (!isValidTimeZone(raw)) throw new UsageError(`--tz "${raw}" is not an IANA time zone (e.g. Asia/Shanghai)`);
  return raw;
}

export interface OpenedShop {
  readonly db: Db;
  readonly shop: Shop;
}

/**
 * Opens the database; creates the shop when `create` is set, else fails clearly when it does not exist.
 * Without --shop or HUITOU_SHOP, a database that holds exactly one shop uses that one.
 */
export async function openShop(
  config: Config,
  options: { readonly db?: string | undefined; readonly shop?: string | undefined },
  create: { readonly timeZone: string } | null,
): Promise<OpenedShop> {
  const db = await openStore({
    path: options.db ?? config.dbPath,
    ...(config.memoryLimit === null ? {} : { memoryLimit: config.memoryLimit }),
    ...(config.trace === null ? {} : { trace: config.trace }),
  });
  const name = options.shop ?? config.shop;
  try {
    let shop = create === null ? await findShop(db, name) : await ensureShop(db, name, create.timeZone);
    if (shop === undefined && options.shop === undefined && !config.shopFromEnv) {
      const shops = await listShops(db);
      if (shops.length === 1) shop = shops[0];
    }
    if (shop === undefined) throw new CommandError('no_shop', `shop "${name}" does not exist in ${options.db ?? config.dbPath}; import orders first`);
    return { db, shop };
  } catch (error) {
    db.close();
    throw error;
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
