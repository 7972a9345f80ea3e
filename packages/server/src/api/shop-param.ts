/** The shop of a `/api/shops/:shop/...` route (404 when unknown) and its latest analysis (409 no_analysis). */
import { formatDay, localDayAt } from '@huitou/core';
import { findLatestRun } from '../reports/report-queries.ts';
import type { LatestRun } from '../reports/report-queries.ts';
import type { Db } from '../store/database.ts';
import { findShop } from '../store/repositories/shop.repository.ts';
import type { Shop } from '../store/repositories/shop.repository.ts';
import { HttpError } from './http-error.ts';

export async function shopOrThrow(db: Db, name: string): Promise<Shop> {
  const shop = await findShop(db, name);
  if (shop === undefined) throw new HttpError('not_found', `no shop named "${name}"`, `没有名为「${name}」的店铺`);
  return shop;
}

export async function latestRunOrThrow(db: Db, shop: Shop): Promise<LatestRun> {
  const run = await findLatestRun(db, shop.shopId);
  if (run === undefined) throw noAnalysis(shop);
  return run;
}

export function noAnalysis(shop: Shop): HttpError {
  return new HttpError(
    'no_analysis',
    `shop "${shop.name}" has no analysis yet: run it first (POST /api/shops/${encodeURIComponent(shop.name)}/analyze, or huitou analyze)`,
    `店铺「${shop.name}」还没有分析结果：请先运行分析（POST /api/shops/${encodeURIComponent(shop.name)}/analyze 或 huitou analyze）`,
  );
}

/** A LatestRun's created_at text (DuckDB: "2026-11-22 10:00:00.123+00") as an ISO instant. */
export function runCreatedIso(createdAt: string): string {
  const ms = Date.parse(createdAt.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : new Date(0).toISOString();
}

/** Today in the shop's time zone, YYYY-MM-DD. */
export function shopToday(shop: Shop, nowMs: number): string {
  return formatDay(localDayAt(nowMs, shop.timeZone));
}
