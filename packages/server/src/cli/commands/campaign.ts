/**
 * huitou campaign validate|plan|preview|run|status|pause|resume|tasks|results — campaigns from YAML/JSON files a seller
 * keeps in version control. plan writes the touches of the day's occurrences (one per reached customer);
 * preview shows the same plan without writing: audience after consent, caps and holdout, messages and cost
 * per channel, coupon cost, sample messages and a suggested 满X减Y threshold; run plans every active
 * campaign and sends; results compares each campaign with its holdout (campaign-results.ts).
 */
import { writeFile } from 'node:fs/promises';
import { parseDay } from '@huitou/core';
import { exportDueTasks } from '../../engine/outbox/export-tasks.ts';
import { campaignTouchCounts } from '../../engine/campaigns/campaign-status.ts';
import { couponSecret, listCampaigns, setCampaignStatus } from '../../engine/campaigns/campaign-store.ts';
import type { OccurrencePlan } from '../../engine/campaigns/plan-occurrence.ts';
import { planDayWithSuggestion } from '../../engine/campaigns/plan-with-suggestion.ts';
import { runSender } from '../../engine/outbox/sender.ts';
import { buildChannels } from '../../engine/setup/build-channels.ts';
import { unsubscribeLinks } from '../../engine/setup/unsubscribe-links.ts';
import type { Db } from '../../store/database.ts';
import type { Shop } from '../../store/repositories/shop.repository.ts';
import { parseCommandArgs } from '../args.ts';
import { CommandError, EXIT_FAILURE, EXIT_OK, UsageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../command.ts';
import { openShop, printJson, resolveLang } from '../command-helpers.ts';
import { renderTable } from '../text-table.ts';
import { todayIn } from './analyze.ts';
import { formatIssues, loadCampaigns, parseCampaignFile, signNameFor } from './campaign-load.ts';
import { results } from './campaign-results.ts';
import type { LoadedCampaign } from './campaign-load.ts';

const OPTIONS = {
  date: { type: 'string', description: 'day to plan (default today in the shop\'s time zone)', placeholder: 'DATE' },
  reason: { type: 'string', description: 'pause: why (shown in status)', placeholder: 'TEXT' },
  'no-send': { type: 'boolean', description: 'run: plan only' },
  out: { type: 'string', description: 'tasks: write the follow-up list to FILE.csv or FILE.xlsx', placeholder: 'FILE' },
  'full-phones': { type: 'boolean', description: 'tasks: unmasked phone numbers in the list' },
  window: { type: 'string', description: 'results: attribution window in days, 1–90 (default: the campaign\'s, else 7)', placeholder: 'N' },
} as const;

const SUBCOMMANDS = ['validate', 'plan', 'preview', 'run', 'status', 'pause', 'resume', 'tasks', 'results'] as const;

export const campaignCommand: Command = {
  name: 'campaign',
  summary: { zh: '营销活动：校验、预览、计划、运行、状态、暂停、恢复、效果', en: 'campaigns: validate, preview, plan, run, status, pause, resume, results' },
  usage: `huitou campaign ${SUBCOMMANDS.join('|')} [FILE|KEY…] [--date DATE] [--window N] [--json]`,
  options: OPTIONS,
  async run(argv, ctx) {
    const { options, positionals } = parseCommandArgs(argv, OPTIONS);
    const lang = resolveLang(options.lang, ctx.config);
    const zh = lang === 'zh';
    const [sub, ...args] = positionals;
    if (sub === 'validate') return validate(ctx, args, options.json, zh);
    if (!SUBCOMMANDS.some((s) => s === sub)) throw new UsageError(`campaign needs one of ${SUBCOMMANDS.join(', ')}`);
    const { db, shop } = await openShop(ctx.config, options, null);
    try {
      const day = parseDate(options.date ?? todayIn(shop.timeZone));
      switch (sub) {
        case 'plan':
        case 'preview':
          return await plan(ctx, db, shop, args, day, sub === 'preview', options.json, zh);
        case 'run':
          return await run(ctx, db, shop, day, options['no-send'], options.json, zh);
        case 'status':
          return await status(ctx, db, shop, args[0], options.json, zh);
        case 'results':
          return await results(ctx, db, shop, args[0], options.window, options.json, zh);
        case 'tasks': {
          const out = options.out;
          if (out === undefined || !/\.(csv|xlsx)$/i.test(out)) throw new UsageError('campaign tasks needs --out FILE.csv or FILE.xlsx');
          const exported = await exportDueTasks(db, shop.shopId, out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv', Date.now(), options['full-phones']);
          await writeFile(out, exported.bytes);
          if (options.json) printJson(ctx.io, { tasks: exported.tasks, out });
          else ctx.io.stdout.write(`${exported.tasks} ${zh ? '条回访任务' : 'follow-up tasks'} → ${out}\n`);
          return EXIT_OK;
        }
        default: {
          const key = args[0];
          if (key === undefined) throw new UsageError(`campaign ${sub} needs a campaign key`);
          const ok = await setCampaignStatus(db, shop.shopId, key, sub === 'pause' ? 'paused' : 'active', sub === 'pause' ? (options.reason ?? 'paused by hand') : null);
          if (!ok) throw new CommandError('no_campaign', `no campaign "${key}"`);
          if (options.json) printJson(ctx.io, { key, status: sub === 'pause' ? 'paused' : 'active' });
          else ctx.io.stdout.write(`${key}: ${sub === 'pause' ? (zh ? '已暂停' : 'paused') : zh ? '已恢复' : 'active'}\n`);
          return EXIT_OK;
        }
      }
    } finally {
      db.close();
    }
  },
};

function parseDate(raw: string): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? parseDay(raw) : Number.NaN;
  if (!Number.isFinite(day)) throw new UsageError(`--date takes a date YYYY-MM-DD, got "${raw}"`);
  return day;
}

async function validate(ctx: CommandContext, files: readonly string[], json: boolean, zh: boolean): Promise<number> {
  if (files.length === 0) throw new UsageError('campaign validate needs one or more files');
  const sign = ctx.config.sms.signName ?? ctx.config.shop;
  const results = [];
  for (const f of files) results.push({ file: f, ...(await parseCampaignFile(f, sign)) });
  const bad = results.filter((r) => !r.ok);
  if (json) printJson(ctx.io, { valid: bad.length === 0, files: results.map((r) => (r.ok ? { file: r.file, ok: true, key: r.definition.key } : { file: r.file, ok: false, issues: r.issues })) });
  else for (const r of results) ctx.io.stdout.write(r.ok ? `✓ ${r.file} (${r.definition.key})\n` : `✗ ${r.file}\n${formatIssues(r.file, r.issues, zh)}\n`);
  return bad.length === 0 ? EXIT_OK : EXIT_FAILURE;
}

async function plan(ctx: CommandContext, db: Db, shop: Shop, args: readonly string[], day: number, dryRun: boolean, json: boolean, zh: boolean): Promise<number> {
  if (args.length === 0) throw new UsageError(`campaign ${dryRun ? 'preview' : 'plan'} needs campaign files or keys`);
  const campaigns = await loadCampaigns(db, shop, args, signNameFor(ctx.config, shop), zh);
  const out = [];
  for (const c of campaigns) out.push({ key: c.definition.key, ...(await planOne(ctx, db, shop, c, day, dryRun)) });
  if (json) printJson(ctx.io, { shop: shop.name, day, dryRun, campaigns: out });
  else for (const o of out) ctx.io.stdout.write(renderPlan(o.key, o.plans, o.suggestion, zh));
  return EXIT_OK;
}

async function planOne(ctx: CommandContext, db: Db, shop: Shop, c: LoadedCampaign, day: number, dryRun: boolean) {
  const result = await planDayWithSuggestion(db, {
    quietHours: ctx.config.sendingHours,
    campaignId: c.campaignId, definition: c.definition, shop: { shopId: shop.shopId, name: signNameFor(ctx.config, shop), timeZone: shop.timeZone },
    day, nowMs: Date.now(), smsCostCents: ctx.config.sms.costPerSegmentCents, dryRun,
  });
  if (!result.ok) throw new CommandError('plan_failed', `${c.definition.key}: ${result.message}`);
  return { plans: result.plans, suggestion: result.suggestion };
}

function renderPlan(key: string, plans: readonly OccurrencePlan[], suggestion: { label: { zh: string; en: string }; explanation: { zh: string; en: string } } | null, zh: boolean): string {
  if (plans.length === 0) return `${key}: ${zh ? '今天不触发' : 'no occurrence on this day'}\n`;
  let out = '';
  for (const p of plans) {
    out += `${key} · ${p.occurrenceKey}\n`;
    out += `  ${zh ? '覆盖' : 'reached'} ${p.audience}  ${zh ? '待发' : 'queued'} ${p.queued}  ${zh ? '对照组' : 'holdout'} ${p.holdout}  ${zh ? '挤占' : 'displaced'} ${p.displaced}\n`;
    const skips = Object.entries(p.skipped);
    if (skips.length > 0) out += `  ${zh ? '跳过' : 'skipped'}: ${skips.map(([k, n]) => `${k} ${n}`).join(', ')}\n`;
    const rows = Object.entries(p.byChannel).map(([ch, v]) => [ch, String(v.messages), String(v.segments), (v.costCents / 100).toFixed(2)]);
    if (rows.length > 0) out += renderTable([{ header: zh ? '渠道' : 'Channel' }, { header: zh ? '条数' : 'Messages', align: 'right' }, { header: zh ? '计费条' : 'Segments', align: 'right' }, { header: zh ? '费用' : 'Cost', align: 'right' }], rows).replace(/^/gm, '  ');
    if (p.couponFaceValueCents > 0) out += `  ${zh ? '优惠券面值' : 'coupon face value'} ${(p.couponFaceValueCents / 100).toFixed(2)}, ${zh ? '预计成本' : 'expected cost'} ${(p.expectedCouponCostCents / 100).toFixed(2)}\n`;
    for (const s of p.samples) out += `  → [${s.channel} ${s.variant}] ${s.body.replace(/\s+/g, ' ')}\n`;
  }
  if (suggestion !== null) out += `  ${zh ? '建议门槛' : 'suggested offer'}: ${zh ? suggestion.label.zh : suggestion.label.en} — ${zh ? suggestion.explanation.zh : suggestion.explanation.en}\n`;
  return out;
}

async function run(ctx: CommandContext, db: Db, shop: Shop, day: number, noSend: boolean, json: boolean, zh: boolean): Promise<number> {
  const campaigns = await loadCampaigns(db, shop, [], signNameFor(ctx.config, shop), zh);
  const planned = [];
  for (const c of campaigns) planned.push({ key: c.definition.key, ...(await planOne(ctx, db, shop, c, day, false)) });
  let sent = null;
  if (!noSend) {
    const { channels } = buildChannels(ctx.config.sms, ctx.config.smtp, signNameFor(ctx.config, shop), ctx.config.webhook);
    sent = await runSender(db, { owner: `run-${process.pid}`, channels, timeZone: shop.timeZone, stopWhenIdle: true, quietHours: ctx.config.sendingHours, smsTemplateId: ctx.config.sms.templateId, unsubscribeUrl: unsubscribeLinks(ctx.config.publicUrl, await couponSecret(db)) });
  }
  if (json) printJson(ctx.io, { shop: shop.name, day, campaigns: planned.map((p) => ({ key: p.key, plans: p.plans })), sent });
  else {
    for (const p of planned) ctx.io.stdout.write(renderPlan(p.key, p.plans, null, zh));
    if (sent !== null) ctx.io.stdout.write(`${zh ? '已发送' : 'sent'} ${sent.sent}, ${zh ? '重试' : 'retried'} ${sent.retried}, ${zh ? '失败' : 'dead'} ${sent.dead}, ${zh ? '跳过' : 'skipped'} ${sent.skipped}, ${zh ? '延后' : 'deferred'} ${sent.deferred}\n`);
  }
  return EXIT_OK;
}

async function status(ctx: CommandContext, db: Db, shop: Shop, key: string | undefined, json: boolean, zh: boolean): Promise<number> {
  const campaigns = (await listCampaigns(db, shop.shopId)).filter((c) => key === undefined || c.key === key);
  if (key !== undefined && campaigns.length === 0) throw new CommandError('no_campaign', `no campaign "${key}"`);
  const counts = await campaignTouchCounts(db, shop.shopId);
  const doc = campaigns.map((c) => ({
    key: c.key, name: c.name, kind: c.kind, priority: c.priority, status: c.status, statusReason: c.statusReason,
    touches: counts.get(c.key)?.unreasoned ?? {},
    skipped: counts.get(c.key)?.skipped ?? {},
    costCents: counts.get(c.key)?.costCents ?? 0,
  }));
  if (json) printJson(ctx.io, { shop: shop.name, campaigns: doc });
  else {
    ctx.io.stdout.write(renderTable(
      [{ header: 'key' }, { header: zh ? '状态' : 'Status' }, { header: zh ? '待发' : 'Queued', align: 'right' }, { header: zh ? '已发' : 'Sent', align: 'right' }, { header: zh ? '对照' : 'Holdout', align: 'right' }, { header: zh ? '失败' : 'Dead', align: 'right' }, { header: zh ? '跳过' : 'Skipped' }, { header: zh ? '费用' : 'Cost', align: 'right' }],
      doc.map((d) => [d.key, d.status + (d.statusReason === null ? '' : ` (${d.statusReason})`), String(d.touches['queued'] ?? 0), String(d.touches['sent'] ?? 0), String(d.touches['holdout'] ?? 0), String(d.touches['dead'] ?? 0), Object.entries(d.skipped).map(([k, n]) => `${k} ${n}`).join(', '), (d.costCents / 100).toFixed(2)]),
    ));
  }
  return EXIT_OK;
}
