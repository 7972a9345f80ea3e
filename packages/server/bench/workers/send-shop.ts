/**
 * Builds the send benchmark's shop in SQL: N customers with mainland phones and SMS marketing consent (no
 * orders: the campaign's audience is everyone). Prints one JSON line.
 *
 *   node --import tsx send-shop.ts DB CUSTOMERS TIME_ZONE
 */
import { rmSync } from 'node:fs';
import { openStore } from '../../src/store/open-store.ts';
import { makeShop } from '../../test/reliability/reliability-shop.ts';

const [dbPath, customersArg, timeZone] = process.argv.slice(2);
if (dbPath === undefined || timeZone === undefined) throw new Error('usage: send-shop DB CUSTOMERS TIME_ZONE');
rmSync(dbPath, { force: true });
rmSync(`${dbPath}.wal`, { force: true });
const t0 = performance.now();
const db = await openStore({ path: dbPath });
await makeShop(db, Number(customersArg ?? 1_000_000), timeZone);
await db.run('CHECKPOINT');
db.close();
console.log(JSON.stringify({ ms: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
