/** Numbers, money, percentages and dates with Intl for zh-CN or en. */
import type { Lang } from './lang.ts';

export interface Formatters {
  int(n: number | null | undefined): string;
  num(n: number | null | undefined, digits?: number): string;
  money(yuan: number | null | undefined): string;
  /** Compact money for chart axes: ¥1.2万 / ¥12K. */
  moneyShort(yuan: number | null | undefined): string;
  pct(share: number | null | undefined, digits?: number): string;
  /** A signed relative change, e.g. +3.2%. */
  delta(change: number | null | undefined): string;
  /** A signed difference of two shares in percentage points, e.g. +1.5 pp / +1.5 个百分点. */
  points(diff: number | null | undefined): string;
  /** An ISO instant as local date and time. */
  dateTime(iso: string | null | undefined): string;
  /** A `YYYY-MM-DD` day as is (the shop's own day). */
  day(day: string | null | undefined): string;
}

const DASH = '—';
const ok = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

export function formatters(lang: Lang): Formatters {
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const short = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', notation: 'compact', maximumFractionDigits: 1 });
  const dt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const nums = new Map<number, Intl.NumberFormat>();
  const pcts = new Map<number, Intl.NumberFormat>();
  const numFmt = (d: number): Intl.NumberFormat => {
    let f = nums.get(d);
    if (f === undefined) nums.set(d, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: d })));
    return f;
  };
  const pctFmt = (d: number): Intl.NumberFormat => {
    let f = pcts.get(d);
    if (f === undefined) pcts.set(d, (f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: d, minimumFractionDigits: d })));
    return f;
  };
  return {
    int: (n) => (ok(n) ? int.format(n) : DASH),
    num: (n, digits = 1) => (ok(n) ? numFmt(digits).format(n) : DASH),
    money: (n) => (ok(n) ? money.format(n) : DASH),
    moneyShort: (n) => (ok(n) ? short.format(n) : DASH),
    pct: (n, digits = 1) => (ok(n) ? pctFmt(digits).format(n) : DASH),
    delta: (n) => (ok(n) ? `${n > 0 ? '+' : ''}${pctFmt(1).format(n)}` : DASH),
    points: (n) => (ok(n) ? `${n > 0 ? '+' : ''}${numFmt(1).format(n * 100)}${lang === 'zh' ? ' 个百分点' : ' pp'}` : DASH),
    dateTime: (iso) => {
      if (iso === null || iso === undefined || iso === '') return DASH;
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dt.format(d);
    },
    day: (day) => (day === null || day === undefined || day === '' ? DASH : day.slice(0, 10)),
  };
}
