/**
 * Every format, header detection and the `--format NAME` lookup.
 */
import type { FormatDefinition, FormatName, TableVariant } from './format-definition.ts';
import { FORMAT_NAMES } from './format-definition.ts';
import { canonicalFormat } from './canonical/canonical-format.ts';
import { cdnowFormat } from './cdnow/cdnow-format.ts';
import { douyinFormat } from './douyin/douyin-format.ts';
import { jdFormat } from './jd/jd-format.ts';
import { pinduoduoFormat } from './pinduoduo/pinduoduo-format.ts';
import { shopifyFormat } from './shopify/shopify-format.ts';
import { taobaoFormat } from './taobao/taobao-format.ts';
import { uciFormat } from './uci/uci-format.ts';
import { woocommerceFormat } from './woocommerce/woocommerce-format.ts';
import { youzanFormat } from './youzan/youzan-format.ts';
import { headerKey } from './shared/columns.ts';

/** All formats, in detection tie-break order. */
export const ALL_FORMATS: readonly FormatDefinition[] = [
  taobaoFormat,
  jdFormat,
  pinduoduoFormat,
  douyinFormat,
  youzanFormat,
  shopifyFormat,
  woocommerceFormat,
  uciFormat,
  cdnowFormat,
  canonicalFormat,
];

/** A detected format and table variant. */
export interface DetectedFormat {
  readonly format: FormatDefinition;
  readonly variant: TableVariant;
  readonly score: number;
}

/**
 * Picks the best-scoring variant for a header row (normalised here, so raw headers are fine); ties go to
 * the earlier declaration. When nothing matches, headerless formats (CDNOW) are sniffed on the file's
 * first raw lines and win with score 1.
 */
export function detectFormat(header: readonly string[], firstRawLines: readonly string[]): DetectedFormat | null {
  const normalized = header.map(headerKey);
  let best: DetectedFormat | null = null;
  for (const format of ALL_FORMATS) {
    for (const variant of format.variants) {
      const score = variant.match(normalized);
      if (score > 0 && (best === null || score > best.score)) best = { format, variant, score };
    }
  }
  if (best !== null) return best;
  for (const format of ALL_FORMATS) {
    const variant = format.variants[0];
    if (format.sniffHeaderless !== undefined && variant !== undefined && format.sniffHeaderless(firstRawLines)) {
      return { format, variant, score: 1 };
    }
  }
  return null;
}

/** True when `name` is a format name. */
export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/** The format named `name` (for `--format NAME`), or undefined. Case-insensitive. */
export function findFormat(name: string): FormatDefinition | undefined {
  const n = name.trim().toLowerCase();
  return ALL_FORMATS.find((f) => f.name === n);
}

/**
 * For a forced format: the variant whose header matches best, else the first variant (whose mapper
 * then reports its missing columns).
 */
export function pickVariant(format: FormatDefinition, header: readonly string[]): TableVariant | undefined {
  const normalized = header.map(headerKey);
  let best: TableVariant | undefined;
  let bestScore = 0;
  for (const v of format.variants) {
    const s = v.match(normalized);
    if (s > bestScore) {
      best = v;
      bestScore = s;
    }
  }
  return best ?? format.variants[0];
}
