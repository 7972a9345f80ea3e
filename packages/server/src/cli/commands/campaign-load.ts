/** Campaigns for the CLI: from a YAML/JSON file (validated and saved) or by key from the store. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Config } from '../../config.ts';
import { parseCampaign, parseCampaignText } from '../../engine/campaigns/campaign-definition.ts';
import type { CampaignDefinition, CampaignIssue } from '../../engine/campaigns/campaign-definition.ts';
import { listCampaigns, saveCampaign } from '../../engine/campaigns/campaign-store.ts';
import type { Db } from '../../store/database.ts';
import { smsSignOf } from '../../store/repositories/shop.repository.ts';
import type { Shop } from '../../store/repositories/shop.repository.ts';
import { CommandError } from '../cli-error.ts';

export interface LoadedCampaign {
  readonly campaignId: number;
  readonly definition: CampaignDefinition;
  readonly status: 'active' | 'paused';
}

/** The SMS signature campaigns must carry: the shop's own, else HUITOU_SMS_SIGN, else the shop's name. */
export function signNameFor(config: Config, shop: Shop): string {
  return smsSignOf(shop, config.sms.signName);
}

/** Issues formatted one per line, in the chosen language. */
export function formatIssues(source: string, issues: readonly CampaignIssue[], zh: boolean): string {
  return issues.map((i) => `  ${source}${i.path === '' ? '' : ` [${i.path}]`}: ${zh ? i.messageZh : i.message}`).join('\n');
}

export async function parseCampaignFile(path: string, signName: string): Promise<{ ok: true; definition: CampaignDefinition } | { ok: false; issues: CampaignIssue[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: `cannot read: ${error instanceof Error ? error.message : String(error)}`, messageZh: '无法读取文件' }] };
  }
  if (text.length > 256 * 1024) return { ok: false, issues: [{ path: '', message: 'campaign file over 256 KB', messageZh: '活动文件超过 256 KB' }] };
  const parsed = parseCampaignText(text, { signName });
  return parsed.ok ? { ok: true, definition: parsed.campaign } : parsed;
}

/** Each argument is a campaign file (saved on the way) or the key of a saved campaign; all must be valid. */
export async function loadCampaigns(db: Db, shop: Shop, args: readonly string[], signName: string, zh: boolean): Promise<LoadedCampaign[]> {
  const saved = await listCampaigns(db, shop.shopId);
  const out: LoadedCampaign[] = [];
  const problems: string[] = [];
  const targets = args.length === 0 ? saved.filter((c) => c.status === 'active').map((c) => c.key) : args;
  for (const arg of targets) {
    if (/\.(ya?ml|json)$/i.test(arg) || existsSync(arg)) {
      const parsed = await parseCampaignFile(arg, signName);
      if (!parsed.ok) {
        problems.push(formatIssues(arg, parsed.issues, zh));
        continue;
      }
      const id = await saveCampaign(db, shop.shopId, parsed.definition);
      const row = (await listCampaigns(db, shop.shopId)).find((c) => c.campaignId === id);
      out.push({ campaignId: id, definition: parsed.definition, status: row?.status ?? 'active' });
      continue;
    }
    const row = saved.find((c) => c.key === arg);
    if (row === undefined) {
      problems.push(`  ${arg}: ${zh ? '没有这个活动（既不是文件也不是已保存的 key）' : 'no such campaign (neither a file nor a saved key)'}`);
      continue;
    }
    const parsed = parseCampaign(JSON.parse(row.definition) as unknown, { signName });
    if (!parsed.ok) problems.push(formatIssues(arg, parsed.issues, zh));
    else out.push({ campaignId: row.campaignId, definition: parsed.campaign, status: row.status });
  }
  if (problems.length > 0) throw new CommandError('invalid_campaign', `${zh ? '活动定义有误' : 'invalid campaign'}:\n${problems.join('\n')}`);
  return out;
}
