/**
 * reliability.md §6.10 — quiet hours as properties, over real IANA zones (DST in both hemispheres, half-
 * and quarter-hour offsets, a zone that dropped DST in 2019) and seeded random instants across 2015–2030,
 * plus instants around every DST transition and around every window edge:
 *
 * - nextSendableInstant(now) is ≥ now, inside 08:00–21:00 local, and minimal (no instant in [now, result)
 *   is inside the window), local time checked independently with Intl.DateTimeFormat;
 * - the sender, driven by an injected clock through random instants, never sends marketing outside the
 *   window of its zone, and a deferred touch goes out at the first run once its window opens.
 */
import { describe, expect, it } from 'vitest';
import { runSender } from '../../src/engine/outbox/sender.ts';
import { parseSendingHours } from '../../src/engine/outbox/quiet-hours.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { nextSendableInstant } from '../../src/engine/outbox/quiet-hours.ts';
import { outboxFixture, RecordingChannel } from '../engine/outbox-fixture.ts';
import { tempDir } from '../support/paths.ts';
import { seededRandom, testSeed } from './prng.ts';

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'America/Sao_Paulo', 'Asia/Kolkata', 'Pacific/Chatham', 'Asia/Shanghai'] as const;
const FROM = Date.UTC(2015, 0, 1);
const TO = Date.UTC(2031, 0, 1);
const OPEN = 8 * 60;
const CLOSE = 21 * 60;
const MINUTE = 60_000;
const HOUR = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Local minute of the day (fractional) at `ms` in `zone`, straight from Intl — not the code under test. */
function localMinute(ms: number, zone: string): number {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  let h = 0;
  let m = 0;
  let s = 0;
  for (const p of f.formatToParts(new Date(ms))) {
    if (p.type === 'hour') h = Number(p.value);
    else if (p.type === 'minute') m = Number(p.value);
    else if (p.type === 'second') s = Number(p.value);
  }
  return h * 60 + m + s / 60 + (ms % 1000) / MINUTE;
}

const inside = (ms: number, zone: string) => {
  const m = localMinute(ms, zone);
  return m >= OPEN && m < CLOSE;
};

/** UTC offset in minutes at `ms` (independent: from the local wall fields of Intl). */
function offsetMinutes(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const whole = Math.floor(ms / MINUTE) * MINUTE;
  return (Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - whole) / MINUTE;
}

/** Instants of the offset changes of `zone` in [FROM, TO), to the minute (daily scan, then bisection). */
function transitions(zone: string): number[] {
  const found: number[] = [];
  let prev = offsetMinutes(FROM, zone);
  for (let t = FROM + 86_400_000; t < TO; t += 86_400_000) {
    const o = offsetMinutes(t, zone);
    if (o === prev) continue;
    let lo = t - 86_400_000;
    let hi = t;
    while (hi - lo > MINUTE) {
      const mid = Math.floor((lo + hi) / 2 / MINUTE) * MINUTE;
      if (offsetMinutes(mid, zone) === prev) lo = mid;
      else hi = mid;
    }
    found.push(hi);
    prev = o;
  }
  return found;
}

/** The instant the window closes on the local day containing `ms` (bisection on the independent check). */
function closingAfter(opening: number, zone: string): number {
  let lo = opening;
  let hi = opening + 14 * HOUR;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (inside(mid, zone)) lo = mid;
    else hi = mid;
  }
  return hi;
}

function checkProperty(now: number, zone: string): string | null {
  const r = nextSendableInstant(now, zone);
  const where = `${zone} now=${new Date(now).toISOString()} → ${new Date(r).toISOString()}`;
  if (!(r >= now)) return `${where}: before now`;
  if (!inside(r, zone)) return `${where}: result outside the window (local minute ${localMinute(r, zone).toFixed(3)})`;
  if (r === now) return null;
  if (r - now > 12 * HOUR) return `${where}: waits ${(r - now) / HOUR} h`;
  if (Math.abs(localMinute(r, zone) - OPEN) > 1e-9) return `${where}: not at 08:00 local`;
  // Minimal: nothing in [now, r) is inside — now itself, the minute and the millisecond before r, 16 points between.
  const probes = [now, r - 1, Math.max(now, r - MINUTE), ...Array.from({ length: 16 }, (_, i) => now + Math.floor(((r - now) * i) / 16))];
  for (const p of probes) if (p >= now && p < r && inside(p, zone)) return `${where}: ${new Date(p).toISOString()} is earlier and inside`;
  return null;
}

describe('quiet hours (property)', () => {
  it('nextSendableInstant is ≥ now, inside 08:00–21:00 local and minimal, for random instants, DST transitions and window edges', () => {
    const seed = testSeed();
    const random = seededRandom(seed);
    const failures: string[] = [];
    let checked = 0;
    const check = (now: number, zone: string) => {
      checked++;
      const problem = checkProperty(now, zone);
      if (problem !== null && failures.length < 20) failures.push(problem);
    };
    const counts: Record<string, number> = {};
    for (const zone of ZONES) {
      // Random instants, ms resolution.
      for (let i = 0; i < 1500; i++) check(FROM + Math.floor(random() * (TO - FROM)), zone);
      // Around each DST transition: ±36 h at random, and the transition itself ± 1 ms.
      const trans = transitions(zone);
      counts[zone] = trans.length;
      for (const t of trans) {
        for (const d of [-1, 0, 1]) check(t + d, zone);
        for (let i = 0; i < 12; i++) check(t + Math.floor((random() * 2 - 1) * 36 * HOUR), zone);
      }
      // Window edges on random days (and on transition days): opening and closing, ± 1 ms.
      const days = [...Array.from({ length: 60 }, () => FROM + Math.floor(random() * (TO - FROM))), ...trans];
      for (const day of days) {
        const opening = nextSendableInstant(day - 12 * HOUR + (inside(day - 12 * HOUR, zone) ? 14 * HOUR : 0), zone);
        const closing = closingAfter(opening, zone);
        for (const t of [opening - 1, opening, opening + 1, closing - 1, closing, closing + 1]) check(t, zone);
        expect(nextSendableInstant(closing - 1, zone)).toBe(closing - 1);
      }
    }
    // Sao Paulo observed DST until 2019; Kolkata and Shanghai never (2015–2030).
    expect(counts['Asia/Kolkata']).toBe(0);
    expect(counts['Asia/Shanghai']).toBe(0);
    expect(counts['America/Sao_Paulo']).toBeGreaterThanOrEqual(7);
    expect(counts['Pacific/Chatham']).toBeGreaterThanOrEqual(30);
    expect(failures, `seed ${seed}, ${checked} instants checked`).toEqual([]);
  });

  it('the sender never sends marketing outside the window of its zone, and sends deferred touches once the window opens', async () => {
    const seed = testSeed();
    const random = seededRandom(seed);
    const dir = tempDir();
    const problems: string[] = [];
    let sends = 0;
    let deferrals = 0;
    for (const [z, zone] of ZONES.entries()) {
      const db = await outboxFixture(`${dir.path}/q${z}.duckdb`, 40, { kind: 'marketing' });
      await db.run(`INSERT INTO consent_events (shop_id, customer_id, channel, status, source) SELECT 1, customer_id, 'sms', 'granted', 'test' FROM touches`);
      // Planned at random times over three days from a random base (2015–2030).
      const base = FROM + Math.floor(random() * (TO - FROM - 10 * 86_400_000));
      await db.run(`UPDATE touches SET not_before = to_timestamp(($1 + hash(touch_id, $2) % 259200000) / 1000.0)`, [base, Math.floor(random() * 1e9)]);
      let clock = base;
      const sentAt = new Map<string, number>();
      const channel = new RecordingChannel((m) => {
        sentAt.set(m.idempotencyKey, clock);
        return { ok: true, providerMessageId: m.idempotencyKey, segments: 1 };
      });
      /** Deferral target per touch: the window opening the sender gave it. */
      const target = new Map<number, number>();
      for (let step = 0; step < 400; step++) {
        const dueBefore = await db.all(`SELECT touch_id, extract(epoch FROM not_before) * 1000 AS nb FROM touches WHERE status = 'queued' AND not_before <= to_timestamp($1 / 1000.0)`, [clock]);
        const stats = await runSender(db, { owner: 'q', channels: new Map([['sms', channel]]), timeZone: zone, stopWhenIdle: true, batchSize: 16, now: () => clock });
        deferrals += stats.deferred;
        if (stats.sent > 0 && !inside(clock, zone)) problems.push(`${zone}: ${stats.sent} sent at ${new Date(clock).toISOString()} (local minute ${localMinute(clock, zone).toFixed(1)})`);
        const after = new Map((await db.all(`SELECT touch_id, status, extract(epoch FROM not_before) * 1000 AS nb FROM touches`)).map((r) => [Number(r['touch_id']), r]));
        for (const d of dueBefore) {
          const id = Number(d['touch_id']);
          const row = after.get(id);
          const opening = target.get(id);
          if (row?.['status'] === 'queued') {
            // Deferred: only outside the window, to exactly the next opening.
            if (inside(clock, zone)) problems.push(`${zone}: touch ${id} deferred at ${new Date(clock).toISOString()} inside the window`);
            const nb = Number(row['nb']);
            if (nb !== nextSendableInstant(clock, zone) || !inside(nb, zone)) problems.push(`${zone}: touch ${id} deferred to ${new Date(nb).toISOString()}`);
            target.set(id, nb);
          } else if (opening !== undefined && clock < opening) {
            problems.push(`${zone}: touch ${id} sent at ${new Date(clock).toISOString()} before its opening ${new Date(opening).toISOString()}`);
          }
          if (opening !== undefined && clock >= opening && row?.['status'] !== 'sent') problems.push(`${zone}: touch ${id} not sent at ${new Date(clock).toISOString()} once its window opened`);
        }
        const left = await db.all(`SELECT min(extract(epoch FROM not_before) * 1000) AS nb, count(*) AS n FROM touches WHERE status = 'queued'`);
        if (Number(left[0]?.['n']) === 0) break;
        // Next clock: half the time exactly the next due instant (often a window opening), else a random
        // step of up to 3 h (shorter than the 13 h window, so the first run after an opening is inside it).
        const next = Number(left[0]?.['nb']);
        clock = random() < 0.5 && next > clock ? next : clock + Math.floor(random() * 3 * HOUR);
      }
      expect(await db.all(`SELECT status, count(*) AS n FROM touches GROUP BY status`), `${zone} seed ${seed}`).toEqual([{ status: 'sent', n: 40 }]);
      sends += sentAt.size;
      for (const [key, at] of sentAt) if (!inside(at, zone)) problems.push(`${zone}: ${key} sent at ${new Date(at).toISOString()}`);
      db.close();
    }
    dir.remove();
    expect(sends).toBe(40 * ZONES.length);
    expect(deferrals).toBeGreaterThan(0);
    expect(problems.slice(0, 20), `seed ${seed}`).toEqual([]);
  });
});

describe('sending hours from configuration', () => {
  it('parses windows and "always", refuses anything else with the variable named', () => {
    expect(parseSendingHours('08:00-21:00')).toEqual({ startMinute: 480, endMinute: 1260 });
    expect(parseSendingHours(' 9:30 - 24:00 ')).toEqual({ startMinute: 570, endMinute: 1440 });
    expect(parseSendingHours('always')).toEqual({ startMinute: 0, endMinute: 1440 });
    for (const bad of ['', '21:00-08:00', '08:00', '25:00-26:00', '08:60-09:00', '08:00-24:01', 'x'.repeat(10_000), '08:00-21:00; DROP TABLE']) {
      expect(parseSendingHours(bad), bad.slice(0, 20)).toBeNull();
    }
    expect(loadConfig({}).sendingHours).toEqual({ startMinute: 480, endMinute: 1260 });
    expect(() => loadConfig({ HUITOU_SENDING_HOURS: 'night' })).toThrow(ConfigError);
    expect(() => loadConfig({ HUITOU_SENDING_HOURS: 'night' })).toThrow(/HUITOU_SENDING_HOURS/);
  });
});
