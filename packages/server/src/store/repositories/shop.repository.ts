/** Shops: one database may hold several (agencies run many). */
import type { Db } from '../database.ts';
import { findOne, getOneOrThrow } from '../database.ts';

export interface Shop {
  readonly shopId: number;
  readonly name: string;
  readonly timeZone: string;
  /** The shop's own approved SMS signature (签名, without 【】), or null (see smsSignOf). */
  readonly smsSign: string | null;
}

type ShopRow = { shopId: number; name: string; timeZone: string; smsSign: string | null };
const SHOP_COLUMNS = `shop_id AS "shopId", name, time_zone AS "timeZone", sms_sign AS "smsSign"`;

export async function findShop(db: Db, name: string): Promise<Shop | undefined> {
  return findOne<ShopRow>(db, `SELECT ${SHOP_COLUMNS} FROM shops WHERE name = $1`, [name]);
}

/** Returns the shop, creating it with the given time zone when it does not exist yet. */
export async function ensureShop(db: Db, name: string, timeZone: string): Promise<Shop> {
  const found = await findShop(db, name);
  if (found !== undefined) return found;
  await db.run(`INSERT INTO shops (name, time_zone) VALUES ($1, $2)`, [name, timeZone]);
  return getOneOrThrow<ShopRow>(db, `SELECT ${SHOP_COLUMNS} FROM shops WHERE name = $1`, [name]);
}

export async function listShops(db: Db): Promise<Shop[]> {
  return db.all<ShopRow>(`SELECT ${SHOP_COLUMNS} FROM shops ORDER BY shop_id`);
}

/** Where a shop's SMS signature comes from: its own, the configured one (HUITOU_SMS_SIGN), its name. */
export type SmsSignSource = 'shop' | 'env' | 'name';

/**
 * The SMS signature campaign texts of `shop` must carry as 【…】 and the SMS channel sends under: the shop's
 * own, else the configured one (HUITOU_SMS_SIGN), else the shop's name.
 */
export function smsSignOf(shop: Shop, configured: string | null): string {
  return resolveSmsSign(shop, configured).smsSign;
}

/** The shop's SMS signature (as smsSignOf) and where it comes from. */
export function resolveSmsSign(shop: Shop, configured: string | null): { readonly smsSign: string; readonly smsSignSource: SmsSignSource } {
  if (shop.smsSign !== null) return { smsSign: shop.smsSign, smsSignSource: 'shop' };
  if (configured !== null) return { smsSign: configured, smsSignSource: 'env' };
  return { smsSign: shop.name, smsSignSource: 'name' };
}

/** Sets (or, with null, clears) the shop's own SMS signature; returns the shop as stored. */
export async function setShopSmsSign(db: Db, shop: Shop, sign: string | null): Promise<Shop> {
  await db.run(`UPDATE shops SET sms_sign = $1 WHERE shop_id = $2`, [sign, shop.shopId]);
  return { ...shop, smsSign: sign };
}

/** Tables holding a shop's imported data, children first. */
const SHOP_TABLES = ['import_issues', 'order_lines', 'orders', 'customer_identities', 'customers', 'products', 'import_batches'];

/** Removes everything imported into a shop (the shop row stays). Runs in the caller's transaction. */
export async function deleteShopData(db: Db, shopId: number): Promise<void> {
  for (const table of SHOP_TABLES) {
    if (table === 'import_issues') {
      await db.run(`DELETE FROM import_issues WHERE batch_id IN (SELECT batch_id FROM import_batches WHERE shop_id = $1)`, [shopId]);
    } else {
      await db.run(`DELETE FROM ${table} WHERE shop_id = $1`, [shopId]);
    }
  }
}
