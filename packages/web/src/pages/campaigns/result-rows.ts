/**
 * Reads the engine's campaign result documents (kept open in the contract: `{ campaignKey, … }`) into table
 * rows: the campaign total, then one row per occurrence or variant when the document has them. Fields are
 * looked up by their documented names; anything missing shows as a dash rather than breaking the page.
 */
export interface ResultRow {
  readonly campaignKey: string;
  /** Occurrence key or variant; null for the campaign's total. */
  readonly part: string | null;
  readonly treated: number | null;
  readonly holdout: number | null;
  readonly treatedRate: number | null;
  readonly holdoutRate: number | null;
  readonly uplift: number | null;
  readonly upliftLower: number | null;
  readonly upliftUpper: number | null;
  readonly relativeUplift: number | null;
  readonly incrementalRevenue: number | null;
  readonly cost: number | null;
  readonly roi: number | null;
  /** Why no uplift could be computed (e.g. no holdout), when the engine says. */
  readonly note: string | null;
}

type Doc = Readonly<Record<string, unknown>>;

function isDoc(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first finite number at any of the paths (dot-separated). */
function num(doc: Doc, ...paths: string[]): number | null {
  for (const path of paths) {
    let v: unknown = doc;
    for (const part of path.split('.')) v = isDoc(v) ? v[part] : undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
}

function str(doc: Doc, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = doc[k];
    if (typeof v === 'string' && v !== '') return v;
  }
  return null;
}

function rate(doc: Doc, arm: 'treated' | 'holdout'): number | null {
  const direct = num(doc, `uplift.${arm}Rate`, `${arm}Rate`, `${arm}.rate`, `${arm}.conversionRate`);
  if (direct !== null) return direct;
  const n = num(doc, `${arm}.customers`, `${arm}Customers`);
  const x = num(doc, `${arm}.conversions`, `${arm}.converters`, `${arm}Conversions`);
  return n !== null && x !== null && n > 0 ? x / n : null;
}

function row(campaignKey: string, part: string | null, doc: Doc): ResultRow {
  return {
    campaignKey,
    part,
    treated: num(doc, 'treated.customers', 'treatedCustomers', 'treated'),
    holdout: num(doc, 'holdout.customers', 'holdoutCustomers', 'holdout'),
    treatedRate: rate(doc, 'treated'),
    holdoutRate: rate(doc, 'holdout'),
    uplift: num(doc, 'uplift.absolute.estimate', 'uplift.absolute', 'absoluteUplift', 'uplift'),
    upliftLower: num(doc, 'uplift.absolute.lower', 'absoluteUplift.lower'),
    upliftUpper: num(doc, 'uplift.absolute.upper', 'absoluteUplift.upper'),
    relativeUplift: num(doc, 'uplift.relative.estimate', 'relativeUplift.estimate', 'relativeUplift'),
    incrementalRevenue: num(doc, 'incrementalRevenue', 'incremental.revenue', 'roi.incrementalRevenue'),
    cost: num(doc, 'cost', 'totalCost', 'costs.total', 'roi.cost'),
    roi: num(doc, 'roi.roi', 'roi.estimate', 'roi'),
    note: str(doc, 'reason', 'note', 'noUpliftReason'),
  };
}

export function resultRows(campaigns: readonly unknown[]): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const c of campaigns) {
    if (!isDoc(c)) continue;
    const key = str(c, 'campaignKey') ?? '?';
    rows.push(row(key, null, isDoc(c['total']) ? c['total'] : c));
    for (const listKey of ['occurrences', 'variants', 'rows']) {
      const list = c[listKey];
      if (!Array.isArray(list)) continue;
      for (const part of list) {
        if (isDoc(part)) rows.push(row(key, [str(part, 'occurrenceKey', 'key'), str(part, 'variant')].filter((x) => x !== null).join(' · ') || null, part));
      }
    }
  }
  return rows;
}
