/**
 * Flattens the engine's campaign results into table rows: each campaign's pooled total, then each occurrence,
 * then each channel and variant of it (every level compares its treated customers with the holdout).
 */
import type { CampaignResult, Comparison } from '../../api/types.ts';

export interface ResultRow {
  readonly campaignKey: string;
  readonly campaignName: string;
  readonly level: 'campaign' | 'occurrence' | 'variant';
  /** Occurrence key, or channel · variant; null for the campaign total. */
  readonly part: string | null;
  readonly comparison: Comparison;
}

export function resultRows(campaigns: readonly CampaignResult[]): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const c of campaigns) {
    const base = { campaignKey: c.key, campaignName: c.name };
    rows.push({ ...base, level: 'campaign', part: null, comparison: c.totals });
    // With one occurrence and one variant the breakdown repeats the total.
    if (c.occurrences.length <= 1 && (c.occurrences[0]?.variants.length ?? 0) <= 1) continue;
    for (const o of c.occurrences) {
      rows.push({ ...base, level: 'occurrence', part: o.key, comparison: o.totals });
      if (o.variants.length <= 1) continue;
      for (const v of o.variants) rows.push({ ...base, level: 'variant', part: `${o.key} · ${v.channel} · ${v.variant}`, comparison: v.comparison });
    }
  }
  return rows;
}
