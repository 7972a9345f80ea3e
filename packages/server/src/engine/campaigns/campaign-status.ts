/** What has happened to a shop's campaigns: touches by status, skips by reason, cost, and the occurrences. */
import type { Db } from '../../store/database.ts';

export interface CampaignTouchCounts {
  /** Touches by status (queued, sending, sent, dead, holdout, skipped, cancelled). */
  readonly touches: Record<string, number>;
  /** Touches without a reason by status (what `huitou campaign status` lists as touches). */
  readonly unreasoned: Record<string, number>;
  /** Touches with a reason (skipped, displaced, …) by reason. */
  readonly skipped: Record<string, number>;
  readonly costCents: number;
}

/** Per campaign key; campaigns without touches are absent. */
export async function campaignTouchCounts(db: Db, shopId: number, campaignKey?: string): Promise<Map<string, CampaignTouchCounts>> {
  const rows = await db.all(
    `SELECT c.campaign_key AS k, t.status, coalesce(t.skip_reason, '') AS reason, count(*) AS n, coalesce(sum(t.cost_cents), 0) AS cost
     FROM touches t JOIN campaigns c ON c.campaign_id = t.campaign_id
     WHERE t.shop_id = $1 ${campaignKey === undefined ? '' : 'AND c.campaign_key = $2'} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    campaignKey === undefined ? [shopId] : [shopId, campaignKey],
  );
  const out = new Map<string, { touches: Record<string, number>; unreasoned: Record<string, number>; skipped: Record<string, number>; costCents: number }>();
  for (const r of rows) {
    const key = String(r['k']);
    const entry = out.get(key) ?? { touches: {}, unreasoned: {}, skipped: {}, costCents: 0 };
    const status = String(r['status']);
    entry.touches[status] = (entry.touches[status] ?? 0) + Number(r['n']);
    if (r['reason'] !== '') entry.skipped[String(r['reason'])] = (entry.skipped[String(r['reason'])] ?? 0) + Number(r['n']);
    else entry.unreasoned[status] = Number(r['n']);
    entry.costCents += Number(r['cost']);
    out.set(key, entry);
  }
  return out;
}

export interface OccurrenceRow {
  readonly campaignKey: string;
  readonly key: string;
  readonly plannedAtMs: number;
  readonly audience: number;
  readonly queued: number;
  readonly holdout: number;
  readonly skipped: number;
}

/** Occurrences of the shop's campaigns (or one), latest first, at most `limit` per campaign. */
export async function listOccurrences(db: Db, shopId: number, limit: number, campaignKey?: string): Promise<OccurrenceRow[]> {
  const rows = await db.all(
    `SELECT * FROM (
       SELECT c.campaign_key, o.occurrence_key, CAST(extract(epoch FROM o.planned_at) * 1000 AS DOUBLE PRECISION) AS planned_ms,
         o.audience, o.queued, o.holdout, o.skipped,
         row_number() OVER (PARTITION BY o.campaign_id ORDER BY o.planned_at DESC, o.occurrence_id DESC) AS rn
       FROM campaign_occurrences o JOIN campaigns c ON c.campaign_id = o.campaign_id
       WHERE c.shop_id = $1 ${campaignKey === undefined ? '' : 'AND c.campaign_key = $2'}
     ) t WHERE rn <= ${Math.floor(limit)} ORDER BY campaign_key, planned_ms DESC`,
    campaignKey === undefined ? [shopId] : [shopId, campaignKey],
  );
  return rows.map((r) => ({
    campaignKey: String(r['campaign_key']), key: String(r['occurrence_key']), plannedAtMs: Number(r['planned_ms']),
    audience: Number(r['audience']), queued: Number(r['queued']), holdout: Number(r['holdout']), skipped: Number(r['skipped']),
  }));
}
