/**
 * Chinese addresses to province / city / district. Export addresses usually separate the parts with
 * spaces (`江苏省 南京市 建邺区 沙洲街道****`); unspaced ones are split on administrative suffixes.
 * Masked parts (containing `*`) are dropped.
 */

/** The leading administrative parts of an address; each null when absent or masked. */
export interface Region {
  readonly province: string | null;
  readonly city: string | null;
  readonly district: string | null;
  /** The rest (street and below), masked tail removed; null when empty. */
  readonly street: string | null;
}

const MUNICIPALITIES = ['北京', '上海', '天津', '重庆'];
const PROVINCE_SUFFIXES = ['特别行政区', '自治区', '省'];
const CITY_SUFFIXES = ['自治州', '地区', '市', '盟'];
const DISTRICT_SUFFIXES = ['自治县', '区', '县', '市', '旗'];

const EMPTY: Region = Object.freeze({ province: null, city: null, district: null, street: null });

function unmasked(part: string | undefined): string | null {
  if (part === undefined || part === '') return null;
  const star = part.search(/[*＊]/);
  if (star === 0) return null;
  return star > 0 ? part.slice(0, star) : part;
}

/**
 * Splits an address into its administrative parts.
 * @example splitRegion('江苏省 南京市 建邺区 沙洲街道****') // { province: '江苏省', city: '南京市', district: '建邺区', street: '沙洲街道' }
 */
export function splitRegion(address: string): Region {
  const s = address.trim();
  if (s === '') return EMPTY;
  const parts = s.split(/[\s\u3000]+/);
  if (parts.length >= 3) {
    const rest = parts.slice(3).join('');
    return {
      province: unmasked(parts[0]),
      city: unmasked(parts[1]),
      district: unmasked(parts[2]),
      street: unmasked(rest),
    };
  }
  return splitUnspaced(parts.join(''));
}

function takeSuffix(s: string, from: number, suffixes: readonly string[], maxLen: number): number {
  let best = -1;
  for (const suf of suffixes) {
    const at = s.indexOf(suf, from + 1);
    if (at > 0 && at - from + suf.length <= maxLen && (best < 0 || at + suf.length < best)) best = at + suf.length;
  }
  return best;
}

function splitUnspaced(s: string): Region {
  let i = 0;
  let province: string | null = null;
  let city: string | null = null;
  const muni = MUNICIPALITIES.find((m) => s.startsWith(m));
  if (muni !== undefined) {
    i = s.startsWith(`${muni}市`) ? muni.length + 1 : muni.length;
    province = `${muni}市`;
    city = province;
    if (s.startsWith(`${muni}市`, i)) i += muni.length + 1;
  } else {
    const p = takeSuffix(s, 0, PROVINCE_SUFFIXES, 9);
    if (p > 0) {
      province = s.slice(0, p);
      i = p;
    }
    const c = takeSuffix(s, i, CITY_SUFFIXES, 12);
    if (c > 0) {
      city = s.slice(i, c);
      i = c;
    }
  }
  let district: string | null = null;
  const d = takeSuffix(s, i, DISTRICT_SUFFIXES, 10);
  if (d > 0 && (province !== null || city !== null)) {
    district = s.slice(i, d);
    i = d;
  }
  return {
    province: unmasked(province ?? undefined),
    city: unmasked(city ?? undefined),
    district: unmasked(district ?? undefined),
    street: unmasked(s.slice(i)),
  };
}
