/** Runs a compiled audience against the store: how many customers match, and which. */
import { parseDay } from '@huitou/core';
import type { Db } from '../../store/database.ts';
import { findOne } from '../../store/database.ts';
import { AUDIENCE_FROM, compileAudience, DEFAULT_AUDIENCE_TIME_ZONE } from './compile.ts';
import type { AudienceRule } from './types.ts';

/** Page of `listAudience`: ids above `afterCustomerId` (keyset paging), at most `limit`. */
export interface AudiencePage {
  readonly limit?: number;
  readonly afterCustomerId?: number;
}

/** The shop's time zone (shops.time_zone), or the default when the shop is unknown. */
async function shopTimeZone(db: Db, shopId: number): Promise<string> {
  const row = await findOne<{ time_zone: string }>(db, 'SELECT time_zone FROM shops WHERE shop_id = $1', [shopId]);
  return row?.time_zone ?? DEFAULT_AUDIENCE_TIME_ZONE;
}

const toDay = (asOf: string | number): number => (typeof asOf === 'number' ? asOf : parseDay(asOf));

/** Number of the shop's customers matching `rule` as of `asOf` (`YYYY-MM-DD` or a day number). */
export async function countAudience(db: Db, shopId: number, rule: AudienceRule, asOf: string | number): Promise<number> {
  const timeZone = await shopTimeZone(db, shopId);
  const { where, params } = compileAudience(rule, { shopId, asOf: toDay(asOf), timeZone });
  const row = await findOne<{ n: number | bigint }>(db, `SELECT count(*) AS n FROM ${AUDIENCE_FROM} WHERE ${where}`, params);
  return Number(row?.n ?? 0);
}

/** Ids of the shop's customers matching `rule`, ascending; one page when `page` is given. */
export async function listAudience(db: Db, shopId: number, rule: AudienceRule, asOf: string | number, page: AudiencePage = {}): Promise<number[]> {
  const timeZone = await shopTimeZone(db, shopId);
  const { where, params } = compileAudience(rule, { shopId, asOf: toDay(asOf), timeZone });
  let sql = `SELECT c.customer_id FROM ${AUDIENCE_FROM} WHERE ${where}`;
  if (page.afterCustomerId !== undefined) {
    params.push(page.afterCustomerId);
    sql += ` AND c.customer_id > CAST($${params.length} AS BIGINT)`;
  }
  sql += ' ORDER BY c.customer_id';
  if (page.limit !== undefined) {
    if (!Number.isFinite(page.limit)) throw new RangeError(`limit must be a finite number, got ${page.limit}`);
    params.push(Math.max(0, Math.floor(page.limit)));
    sql += ` LIMIT CAST($${params.length} AS INTEGER)`;
  }
  const rows = await db.all<{ customer_id: number | bigint }>(sql, params);
  return rows.map((r) => Number(r.customer_id));
}
