/**
 * huitou campaign results [KEY] [--window N] [--json]: what each campaign earned against its holdout, from
 * the orders imported so far (run it again after importing newer orders). The terminal table shows one row
 * per campaign total, occurrence and variant; --json prints campaignResults' document unchanged.
 */
import { campaignResults, CampaignNotFoundError } from '../../engine/results/index.ts';
import type { CampaignResult, Comparison } from '../../engine/results/index.ts';
import type { Db } from '../../store/database.ts';
import type { Shop } from '../../store/repositories/shop.repository.ts';
import { intOption } from '../args.ts';
import { EXIT_OK, UsageError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { printJson } from '../command-helpers.ts';
import { renderTable } from '../text-table.ts';

export async function results(ctx: CommandContext, db: Db, shop: Shop, key: string | undefined, window: string | undefined, json: boolean, zh: boolean): Promise<number> {
  const windowDays = window === undefined ? undefined : intOption('window', window, 7, 1, 90);
  let doc;
  try {
    doc = await campaignResults(db, shop.shopId, {
      ...(key === undefined ? {} : { campaignKey: key }),
      ...(windowDays === undefined ? {} : { windowDays }),
      grossMargin: ctx.config.grossMargin,
    });
  } catch (error) {
    if (error instanceof CampaignNotFoundError) throw new UsageError(`no campaign "${error.campaignKey}"; see huitou campaign status for the keys`);
    throw error;
  }
  if (json) printJson(ctx.io, doc);
  else {
    if (doc.campaigns.length === 0) ctx.io.stdout.write(zh ? '还没有活动\n' : 'no campaigns yet\n');
    for (const c of doc.campaigns) ctx.io.stdout.write(renderCampaign(c, doc.grossMargin, zh));
    if (doc.campaigns.length > 0) ctx.io.stdout.write(zh ? METHODS_ZH : METHODS_EN);
  }
  return EXIT_OK;
}

const METHODS_EN = 'uplift = conversion rate treated − holdout, 95 % Newcombe (method 10) interval; incremental revenue with a 95 % Welch interval; treated counts every queued touch (intent to treat)\n';
const METHODS_ZH = '提升 = 实验组转化率 − 对照组转化率，95% 区间用 Newcombe 方法 10；增量收入区间用 Welch t 区间（95%）；实验组含所有已排队的触达（意向处理）\n';

function renderCampaign(c: CampaignResult, margin: number, zh: boolean): string {
  const head = zh
    ? `${c.key}（${c.name}）— 归因窗口 ${c.windowDays} 天，毛利率 ${pct(margin)}\n`
    : `${c.key} (${c.name}) — window ${c.windowDays} days, gross margin ${pct(margin)}\n`;
  const rows: string[][] = [row(zh ? '合计' : 'total', c.totals, zh)];
  for (const o of c.occurrences) {
    rows.push(row(o.key, o.totals, zh));
    if (o.variants.length > 1) for (const v of o.variants) rows.push(row(`  ${v.channel} ${v.variant}`, v.comparison, zh));
  }
  const columns = zh
    ? ['场次/版本', '触达 实验/对照', '转化 实验', '转化 对照', '提升（95% 区间）', '实验组收入', '增量收入', '核销', '成本', 'ROI']
    : ['Occurrence / variant', 'Reach T/H', 'Conv. T', 'Conv. H', 'Uplift (95% CI)', 'Revenue T', 'Incr. revenue', 'Redeemed', 'Cost', 'ROI'];
  return `${head}${renderTable(columns.map((header, i) => ({ header, align: i === 0 || i === 4 ? 'left' : 'right' })), rows)}\n`;
}

function row(label: string, x: Comparison, zh: boolean): string[] {
  const uplift = x.uplift === null
    ? (x.upliftUnavailable === 'no_holdout' ? (zh ? '无对照组' : 'no holdout') : zh ? '无实验组' : 'no treated')
    : `${pp(x.uplift.absolute.estimate)} (${pp(x.uplift.absolute.lower)}, ${pp(x.uplift.absolute.upper)})`;
  return [
    label,
    `${x.treated.customers} / ${x.holdout.customers}`,
    x.treated.conversionRate === null ? '—' : pct(x.treated.conversionRate),
    x.holdout.conversionRate === null ? '—' : pct(x.holdout.conversionRate),
    uplift,
    x.treated.revenue.toFixed(2),
    x.incremental.revenue === null ? '—' : x.incremental.revenue.estimate.toFixed(2),
    String(x.redemptions.orders),
    x.cost.total.toFixed(2),
    x.roi === null ? '—' : pct(x.roi),
  ];
}

const pct = (f: number): string => `${(f * 100).toFixed(1)}%`;
const pp = (f: number): string => `${f >= 0 ? '+' : '−'}${Math.abs(f * 100).toFixed(1)}${'pp'}`;
