/**
 * Instants of new moons by Meeus, "Astronomical Algorithms" (2nd ed.), chapter 49 — error well
 * under a minute for 1900–2100 — used to correct ICU's Chinese calendar, whose older
 * approximation puts a few near-midnight new moons on the wrong day (春节 2027: the new moon is at
 * 23:56 Beijing time on Feb 6, the first day of the year; ICU says Feb 7).
 */

const RAD = Math.PI / 180;
const SYNODIC = 29.530588861;
const JDE_K0 = 2451550.09766;
/** Julian day of 1970-01-01T00:00Z. */
const JD_UNIX = 2440587.5;

const PERIODIC: readonly (readonly [number, number, number, number, number, number])[] = [
  // coefficient, E power, multiples of M, M', F, Ω
  [-0.4072, 0, 0, 1, 0, 0], [0.17241, 1, 1, 0, 0, 0], [0.01608, 0, 0, 2, 0, 0], [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0], [-0.00514, 1, 1, 1, 0, 0], [0.00208, 2, 2, 0, 0, 0], [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0], [0.00056, 1, 1, 2, 0, 0], [-0.00042, 0, 0, 3, 0, 0], [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0], [-0.00024, 1, -1, 2, 0, 0], [-0.00017, 0, 0, 0, 0, 1], [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0], [0.00004, 0, 3, 0, 0, 0], [0.00003, 0, 1, 1, -2, 0], [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0], [0.00003, 0, -1, 1, 2, 0], [-0.00002, 0, -1, 1, -2, 0], [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

const PLANETARY: readonly (readonly [number, number, number])[] = [
  // coefficient, A at k = 0, A per k (A1 also has −0.009173 T², added below)
  [0.000325, 299.77, 0.107408], [0.000165, 251.88, 0.016321], [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478], [0.00011, 84.66, 18.206239], [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732], [0.000056, 154.84, 7.30686], [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824], [0.00004, 291.34, 1.844379], [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099], [0.000023, 331.55, 3.592518],
];

/** Julian Ephemeris Day of new moon number `k` (k = 0 is 2000-01-06). */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const m = (2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3) * RAD;
  const mp = (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4) * RAD;
  const f = (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4) * RAD;
  const om = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * RAD;
  let jde = JDE_K0 + SYNODIC * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  for (const [c, ePow, cm, cmp, cf, com] of PERIODIC) jde += c * e ** ePow * Math.sin(cm * m + cmp * mp + cf * f + com * om);
  PLANETARY.forEach(([c, a0, a1], i) => {
    jde += c * Math.sin((a0 + a1 * k - (i === 0 ? 0.009173 * t2 : 0)) * RAD);
  });
  return jde;
}

/** ΔT = TT − UT in seconds (Espenak & Meeus polynomials; rough outside 1941–2150). */
export function deltaTSeconds(year: number): number {
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - (t * t) / 233 + (t * t * t) / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - (t * t) / 260 - (t * t * t) / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u - 0.5628 * (2150 - year);
}

/** Epoch milliseconds (UT) of new moon number `k`. */
export function newMoonMs(k: number): number {
  const jde = newMoonJde(k);
  const year = 2000 + k / 12.3685;
  return (jde - JD_UNIX) * 86_400_000 - deltaTSeconds(year) * 1000;
}

/** Day number, in Beijing time (UTC+8), of the new moon nearest to day number `day`. */
export function beijingNewMoonDayNear(day: number): number {
  const k = Math.round((day + JD_UNIX + 0.5 - JDE_K0) / SYNODIC);
  return Math.floor((newMoonMs(k) + 8 * 3_600_000) / 86_400_000);
}
