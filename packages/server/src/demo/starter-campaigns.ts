/**
 * The demo shop's starter campaigns (demo/campaigns/*.yaml, the playbook: post-purchase care, replenishment
 * reminder, birthday greeting, member day, silent-customer win-back, 双11 VIP preheat), and the synthetic
 * consent the demo needs: members (who joined with a phone) are recorded as having agreed to member SMS.
 * Real shops record consent from their platform exports or their own sign-up forms.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseCampaignText } from '../engine/campaigns/campaign-definition.ts';
import type { CampaignDefinition } from '../engine/campaigns/campaign-definition.ts';
import type { Db } from '../store/database.ts';

export const DEMO_SIGN_NAME = '回头客示范店';

export async function loadStarterCampaigns(signName = DEMO_SIGN_NAME): Promise<CampaignDefinition[]> {
  return (await loadPlaybook(signName)).map((t) => t.definition);
}

export interface PlaybookTemplate {
  readonly file: string;
  /** The YAML, with the demo's 【signature】 replaced by the shop's. */
  readonly text: string;
  readonly definition: CampaignDefinition;
}

/** The starter campaigns as templates for a shop: file name, YAML text (its signature) and the parsed definition. */
export async function loadPlaybook(signName = DEMO_SIGN_NAME): Promise<PlaybookTemplate[]> {
  const dir = fileURLToPath(new URL('./campaigns/', import.meta.url));
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  const out: PlaybookTemplate[] = [];
  for (const f of files) {
    const text = (await readFile(`${dir}${f}`, 'utf8')).replaceAll(`【${DEMO_SIGN_NAME}】`, `【${signName}】`);
    const parsed = parseCampaignText(text, { signName });
    if (!parsed.ok) throw new Error(`starter campaign ${f} is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    out.push({ file: f, text, definition: parsed.campaign });
  }
  return out;
}

/** Synthetic consent for the demo: members with a birthday on file (they joined the membership) agreed to SMS. */
export async function grantDemoConsent(db: Db, shopId: number): Promise<number> {
  await db.run(
    `INSERT INTO consent_events (shop_id, customer_id, channel, status, source, wording)
     SELECT shop_id, customer_id, 'sms', 'granted', 'demo:membership', '入会时同意接收会员短信（示范数据）'
     FROM customers WHERE shop_id = $1 AND birthday IS NOT NULL AND phone IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM consent_events e WHERE e.shop_id = customers.shop_id AND e.customer_id = customers.customer_id)`,
    [shopId],
  );
  const [row] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM consent_events WHERE shop_id = $1 AND status = 'granted'`, [shopId]);
  return row?.n ?? 0;
}
