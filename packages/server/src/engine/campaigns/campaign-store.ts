/** Campaign rows: saved from definitions (by key, per shop), listed, paused and resumed. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../store/database.ts';
import { findOne, getOneOrThrow } from '../../store/database.ts';
import type { CampaignDefinition } from './campaign-definition.ts';

export interface CampaignRow {
  readonly campaignId: number;
  readonly key: string;
  readonly name: string;
  readonly kind: 'care' | 'marketing';
  readonly priority: number;
  readonly status: 'active' | 'paused';
  readonly statusReason: string | null;
  readonly holdoutShare: number;
  readonly definition: string;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

/**
 * Saves a definition (new or changed) and returns its id; a saved campaign keeps its status, a new one starts
 * with `initialStatus` (the CLI's files are active at once; the API's campaigns stay paused until launched).
 */
export async function saveCampaign(db: Db, shopId: number, def: CampaignDefinition, initialStatus: 'active' | 'paused' = 'active'): Promise<number> {
  const existing = await findOne<{ id: number }>(db, `SELECT campaign_id AS id FROM campaigns WHERE shop_id = $1 AND campaign_key = $2`, [shopId, def.key]);
  const json = JSON.stringify(def.source);
  if (existing !== undefined) {
    await db.run(
      `UPDATE campaigns SET name = $2, kind = $3, priority = $4, holdout_share = $5, definition = $6, updated_at = current_timestamp WHERE campaign_id = $1`,
      [existing.id, def.name.zh, def.kind, def.priority, def.holdout, json],
    );
    return existing.id;
  }
  const { id } = await getOneOrThrow<{ id: number }>(db, `SELECT nextval('campaign_id_seq') AS id`);
  await db.run(
    `INSERT INTO campaigns (campaign_id, shop_id, campaign_key, name, kind, priority, holdout_share, definition, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, shopId, def.key, def.name.zh, def.kind, def.priority, def.holdout, json, initialStatus],
  );
  return id;
}

export async function listCampaigns(db: Db, shopId: number, key?: string): Promise<CampaignRow[]> {
  const rows = await db.all(
    `SELECT campaign_id, campaign_key, name, kind, priority, status, status_reason, holdout_share, definition,
       CAST(extract(epoch FROM created_at) * 1000 AS DOUBLE PRECISION) AS created_ms, CAST(extract(epoch FROM updated_at) * 1000 AS DOUBLE PRECISION) AS updated_ms
     FROM campaigns WHERE shop_id = $1 ${key === undefined ? '' : 'AND campaign_key = $2'} ORDER BY priority DESC, campaign_key`,
    key === undefined ? [shopId] : [shopId, key],
  );
  return rows.map((r) => ({
    campaignId: Number(r['campaign_id']),
    key: String(r['campaign_key']),
    name: String(r['name']),
    kind: r['kind'] === 'care' ? 'care' : 'marketing',
    priority: Number(r['priority']),
    status: r['status'] === 'paused' ? 'paused' : 'active',
    statusReason: r['status_reason'] === null ? null : String(r['status_reason']),
    holdoutShare: Number(r['holdout_share']),
    definition: String(r['definition']),
    createdAtMs: Number(r['created_ms']),
    updatedAtMs: Number(r['updated_ms']),
  }));
}

/** The saved campaign with this key, if any. */
export async function findCampaign(db: Db, shopId: number, key: string): Promise<CampaignRow | undefined> {
  return (await listCampaigns(db, shopId, key))[0];
}

export async function setCampaignStatus(db: Db, shopId: number, key: string, status: 'active' | 'paused', reason: string | null): Promise<boolean> {
  const found = await findOne(db, `SELECT campaign_id FROM campaigns WHERE shop_id = $1 AND campaign_key = $2`, [shopId, key]);
  if (found === undefined) return false;
  await db.run(`UPDATE campaigns SET status = $3, status_reason = $4, updated_at = current_timestamp WHERE shop_id = $1 AND campaign_key = $2`, [shopId, key, status, reason]);
  return true;
}

/**
 * The secret behind coupon codes, created once per database (codes must stay verifiable across runs and
 * unguessable to customers).
 */
export async function couponSecret(db: Db): Promise<string> {
  await db.run(`CREATE TABLE IF NOT EXISTS settings (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`);
  const found = await findOne<{ value: string }>(db, `SELECT value FROM settings WHERE key = 'coupon_secret'`);
  if (found !== undefined) return found.value;
  const secret = randomBytes(32).toString('hex');
  await db.run(`INSERT INTO settings (key, value) VALUES ('coupon_secret', $1) ON CONFLICT DO NOTHING`, [secret]);
  return (await getOneOrThrow<{ value: string }>(db, `SELECT value FROM settings WHERE key = 'coupon_secret'`)).value;
}
