/**
 * Shop-local day numbers in SQL without a per-row time-zone conversion: ICU's `AT TIME ZONE` costs
 * microseconds a row, seconds over ten million orders. The offset is constant over the data's range in
 * most shops (Asia/Shanghai has had no DST since 1991), so the day is floor((epoch + offset) / 86400);
 * otherwise a small table of UTC hours → offset (a_tz_hours, ~9k rows a year) is joined.
 */
import { zoneOffsetAt } from '../importers/cells/zone-offset.ts';
import type { Db } from '../store/database.ts';

const HOUR_MS = 3_600_000;

export interface LocalDay {
  /** SQL expression giving the local day number of the timestamptz expression passed in. */
  readonly dayOf: (ts: string) => string;
  /** Extra join clause (empty when the offset is constant); `ts` is the same expression. */
  readonly join: (ts: string) => string;
}

/** Prepares the local-day expression for instants between fromMs and toMs in a time zone. */
export async function prepareLocalDay(db: Db, timeZone: string, fromMs: number, toMs: number): Promise<LocalDay> {
  const first = Math.floor(fromMs / HOUR_MS);
  const last = Math.ceil(toMs / HOUR_MS);
  const offsets = new Map<number, number>();
  let constant: number | null = zoneOffsetAt(first * HOUR_MS, timeZone);
  for (let h = first; h <= last; h += 24) {
    if (zoneOffsetAt(h * HOUR_MS, timeZone) !== constant) {
      constant = null;
      break;
    }
  }
  if (constant !== null && zoneOffsetAt(last * HOUR_MS, timeZone) === constant) {
    const seconds = Math.round(constant / 1000);
    return { dayOf: (ts) => `CAST(floor((extract(epoch FROM ${ts}) + ${seconds}) / 86400.0) AS INTEGER)`, join: () => '' };
  }
  await db.run(`DROP TABLE IF EXISTS a_tz_hours`);
  await db.run(`CREATE TEMP TABLE a_tz_hours (hour_key BIGINT, offset_s INTEGER)`);
  const writer = await db.bulkWriter('a_tz_hours', [
    { name: 'hour_key', type: 'double' },
    { name: 'offset_s', type: 'int' },
  ]);
  for (let h = first; h <= last; h++) {
    const o = zoneOffsetAt(h * HOUR_MS, timeZone);
    offsets.set(h, o);
    writer.appendRow([h, Math.round(o / 1000)]);
  }
  await writer.close();
  return {
    dayOf: (ts) => `CAST(floor((extract(epoch FROM ${ts}) + tz.offset_s) / 86400.0) AS INTEGER)`,
    join: (ts) => `JOIN a_tz_hours tz ON tz.hour_key = CAST(floor(extract(epoch FROM ${ts}) / 3600) AS BIGINT)`,
  };
}
