/**
 * huitou demo: generates the synthetic demo shop as real Taobao legacy exports (GBK), imports them through
 * the real importer into the shop "demo" (replacing what an earlier demo left there) and prints a summary,
 * checked against the generator's own counts.
 */
import { join } from 'node:path';
import type { Lang } from '../../config.ts';
import { DEMO_SHOP_DEFAULTS, todayInShanghai, writeTaobaoDemoExport } from '../../demo/index.ts';
import type { ExportResult } from '../../demo/index.ts';
import { importFiles } from '../../importers/pipeline/run-import.ts';
import type { ImportReport } from '../../importers/pipeline/run-import.ts';
import { deleteShopData, setShopSmsSign } from '../../store/repositories/shop.repository.ts';
import { shopSummary } from '../../store/repositories/summary.repository.ts';
import type { ShopSummary } from '../../store/repositories/summary.repository.ts';
import { parseDay } from '@huitou/core';
import { defaultAnalysisOptions } from '../../analysis/analysis-options.ts';
import { runAnalysis } from '../../analysis/run-analysis.ts';
import { DEMO_SIGN_NAME, grantDemoConsent, loadStarterCampaigns } from '../../demo/starter-campaigns.ts';
import { couponSecret, saveCampaign } from '../../engine/campaigns/campaign-store.ts';
import { planCampaignDay } from '../../engine/campaigns/plan-occurrence.ts';
import { localToInstant } from '../../importers/cells/zone-offset.ts';
import type { Db } from '../../store/database.ts';
import type { QuietHours } from '../../engine/outbox/quiet-hours.ts';
import { intOption, parseCommandArgs } from '../args.ts';
import { displayWidth, padDisplay } from '../text-table.ts';
import { CommandError, EXIT_FAILURE, EXIT_OK, UsageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { openShop, printJson, resolveLang } from '../command-helpers.ts';
import { t } from '../messages.ts';
import { generatePassword } from '../../api/auth/password.ts';
import { changeUser, ensureDemoOwner, getUserByNameOrThrow } from '../../api/auth/user-admin.ts';
import { announce, DEFAULT_WEB_ROOT, startFromOptions, untilSignal } from './serve.ts';
import { SILENT_PROGRESS, terminalProgress } from '../progress.ts';

const OPTIONS = {
  customers: { type: 'string', description: 'customers to simulate (default 20000)', placeholder: 'N' },
  years: { type: 'string', description: 'years of history (default 3)', placeholder: 'N' },
  seed: { type: 'string', description: 'random seed (default 1)', placeholder: 'N' },
  'end-date': { type: 'string', description: 'last order day YYYY-MM-DD (default today, China time)', placeholder: 'DATE' },
  out: { type: 'string', description: 'folder for the export files (default ./demo-exports)', placeholder: 'DIR' },
  serve: { type: 'boolean', description: 'then serve the dashboard (with the SMS simulator) and print its URL and login' },
  port: { type: 'string', description: 'with --serve: port (default 8787; 0 = any free port)', placeholder: 'N' },
} as const;

export const demoCommand: Command = {
  name: 'demo',
  summary: { zh: '生成并导入示范店铺（淘宝旧版 GBK 导出）', en: 'generate and import the demo shop (Taobao legacy GBK exports)' },
  usage: 'huitou demo [--customers N] [--years N] [--seed N] [--end-date DATE] [--out DIR] [--db PATH] [--serve [--port N]] [--json]',
  options: OPTIONS,
  async run(argv, { io, config }) {
    const { options, positionals } = parseCommandArgs(argv, OPTIONS);
    const lang = resolveLang(options.lang, config);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const customers = intOption('customers', options.customers, DEMO_SHOP_DEFAULTS.customers, 1, 5_000_000);
    const years = intOption('years', options.years, DEMO_SHOP_DEFAULTS.years, 1, 20);
    const seed = intOption('seed', options.seed, DEMO_SHOP_DEFAULTS.seed, 0, 2 ** 31 - 1);
    const endDate = options['end-date'] ?? todayInShanghai();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate) || Number.isNaN(Date.parse(endDate))) {
      throw new UsageError(`--end-date takes a date YYYY-MM-DD, got "${endDate}"`);
    }
    const outDir = options.out ?? join('.', 'demo-exports');
    const progress = options.json || !io.isTTY ? SILENT_PROGRESS : terminalProgress(io.stderr);
    if (!options.json) io.stderr.write(`${t(lang, 'demoWriting')}…\n`);
    const written = await writeTaobaoDemoExport(outDir, { customers, years, seed, endDate }, (n) => progress.update(t(lang, 'demoWriting'), n, null));
    progress.finish();
    const { db, shop } = await openShop(config, { db: options.db, shop: options.shop ?? 'demo' }, { timeZone: 'Asia/Shanghai' });
    let dbOpen = true;
    try {
      // The starter campaigns' texts carry the demo's signature, so the demo shop sends under it.
      await setShopSmsSign(db, shop, DEMO_SIGN_NAME);
      await db.transaction(() => deleteShopData(db, shop.shopId));
      const report = await importFiles(db, {
        shopId: shop.shopId,
        timeZone: 'Asia/Shanghai',
        files: [written.orderFile, written.detailFile, written.membersFile],
        format: null,
        strict: false,
        columnMap: null,
        memoryLimit: config.importMemoryLimit,
        onProgress: (file, rows) => progress.update(`${t(lang, 'demoImporting')} ${file}`, rows, null),
      });
      progress.finish();
      if (report.totals.failed > 0) {
        const failed = report.units.find((u) => u.status !== 'committed');
        throw new CommandError('demo_import_failed', `importing the demo export failed: ${failed?.message ?? 'unknown error'}`);
      }
      const summary = await shopSummary(db, shop.shopId);
      const mismatches = checkAgainstTruth(summary, written);
      const campaigns = await analyseAndPlan(db, shop.shopId, endDate, config.sendingHours);
      const dbPath = options.db ?? config.dbPath;
      if (options.json) {
        printJson(io, { shop: shop.name, db: dbPath, files: [written.orderFile, written.detailFile, written.membersFile], firstDay: written.firstDay, lastDay: written.lastDay, import: report.totals, summary, truth: written.truth, mismatches, campaigns });
      } else {
        io.stdout.write(render(lang, dbPath, written, report, summary, mismatches));
        io.stdout.write(renderCampaigns(lang, campaigns, options.serve));
      }
      if (mismatches.length > 0) return EXIT_FAILURE;
      if (!options.serve) return EXIT_OK;
      const login = await demoLogin(db);
      dbOpen = false;
      db.close();
      const server = await startFromOptions(io, config, {
        host: io.env['HUITOU_HOST'] ?? '127.0.0.1', port: intOption('port', options.port ?? io.env['HUITOU_PORT'], 8787, 0, 65535),
        web: DEFAULT_WEB_ROOT, send: true, smsSim: true, db: options.db,
      });
      io.stdout.write('\n');
      announce(io, server, false, lang === 'zh', login);
      await untilSignal();
      await server.close();
      return EXIT_OK;
    } finally {
      progress.finish();
      if (dbOpen) db.close();
    }
  },
};

/** The demo owner's login: created on the first run; on later runs its password is replaced and shown again. */
async function demoLogin(db: Db): Promise<{ username: string; password: string }> {
  const created = await ensureDemoOwner(db);
  if (created.password !== null) return { username: created.username, password: created.password };
  const password = generatePassword();
  const user = await getUserByNameOrThrow(db, created.username);
  await changeUser(db, user.userId, { password, disabled: false }, Date.now());
  return { username: created.username, password };
}

interface PlannedStarter {
  readonly key: string;
  readonly name: string;
  readonly queued: number;
  readonly holdout: number;
  readonly skipped: number;
  readonly fires: boolean;
}

/** Analyses the demo shop as of its last day, records the demo consent and plans the starter campaigns for that day. */
async function analyseAndPlan(db: Db, shopId: number, endDate: string, quietHours: QuietHours): Promise<PlannedStarter[]> {
  const day = parseDay(endDate);
  await runAnalysis(db, shopId, 'Asia/Shanghai', defaultAnalysisOptions(day));
  await grantDemoConsent(db, shopId);
  const secret = await couponSecret(db);
  const out: PlannedStarter[] = [];
  for (const def of await loadStarterCampaigns()) {
    const campaignId = await saveCampaign(db, shopId, def);
    const result = await planCampaignDay(db, {
      campaignId, definition: def, shop: { shopId, name: DEMO_SIGN_NAME, timeZone: 'Asia/Shanghai' }, day,
      nowMs: localToInstant(day * 86_400_000 + 9 * 3_600_000, 'Asia/Shanghai'), couponSecret: secret, costPerMessageCents: { sms: 4.5 }, quietHours,
    });
    const plans = result.ok ? result.plans : [];
    const sum = (f: (p: (typeof plans)[number]) => number) => plans.reduce((a, p) => a + f(p), 0);
    out.push({
      key: def.key, name: def.name.zh, fires: plans.length > 0, queued: sum((p) => p.queued), holdout: sum((p) => p.holdout),
      skipped: sum((p) => Object.values(p.skipped).reduce((a, n) => a + n, 0)),
    });
  }
  return out;
}

function renderCampaigns(lang: Lang, campaigns: readonly PlannedStarter[], serving: boolean): string {
  const zh = lang === 'zh';
  const lines = campaigns.map((c) =>
    c.fires
      ? `  ${padDisplay(c.name, 14)} ${zh ? '待发' : 'queued'} ${c.queued}, ${zh ? '对照组' : 'holdout'} ${c.holdout}, ${zh ? '跳过' : 'skipped'} ${c.skipped}`
      : `  ${padDisplay(c.name, 14)} ${zh ? '今天不触发' : 'does not fire today'}`,
  );
  const heading = serving
    ? zh ? '入门活动（已计划；服务器在可发送时段内通过短信模拟器发出）' : 'Starter campaigns (planned; the server sends them to the SMS simulator within sending hours)'
    : zh ? '入门活动（已计划，未发送；huitou campaign status 查看，huitou send 发送）' : 'Starter campaigns (planned, not sent: huitou campaign status; huitou send)';
  return `\n${heading}\n${lines.join('\n')}\n`;
}

/** The importer must reproduce the generator's own counts exactly. */
function checkAgainstTruth(s: ShopSummary, w: ExportResult): string[] {
  const expected: [string, number, number][] = [
    ['orders', s.orders, w.truth.orders],
    ['lines', s.lines, w.truth.lines],
    ['validOrders', s.validOrders, w.truth.validOrders],
    ['buyers', s.buyers, w.truth.customersWithValidOrder],
    ['repeatBuyers', s.repeatBuyers, w.truth.repeatCustomers],
    ['netRevenueCents', Math.round(s.netRevenue * 100), w.truth.netRevenueCents],
  ];
  return expected.filter(([, got, want]) => got !== want).map(([name, got, want]) => `${name} ${got} ≠ ${want}`);
}

function render(lang: Lang, dbPath: string, w: ExportResult, report: ImportReport, s: ShopSummary, mismatches: readonly string[]): string {
  const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const int = (n: number) => n.toLocaleString('en-US');
  const rows: [string, string][] = [
    [t(lang, 'demoDb'), dbPath],
    [t(lang, 'demoFiles'), [w.orderFile, w.detailFile, w.membersFile].join('\n')],
    [t(lang, 'demoDays'), `${w.firstDay} – ${w.lastDay}`],
    [t(lang, 'demoOrders'), int(s.orders)],
    [t(lang, 'demoValid'), int(s.validOrders)],
    [t(lang, 'demoCustomers'), int(s.customers)],
    [t(lang, 'demoBuyers'), int(s.buyers)],
    [t(lang, 'demoRepeat'), `${int(s.repeatBuyers)} (${((100 * s.repeatBuyers) / Math.max(1, s.buyers)).toFixed(1)}%)`],
    [t(lang, 'demoRevenue'), `¥${money(s.netRevenue)}`],
    [t(lang, 'importIssues'), `${int(report.totals.errors)} / ${int(report.totals.warnings)}`],
    [t(lang, 'demoCheck'), mismatches.length === 0 ? t(lang, 'demoCheckOk') : t(lang, 'demoCheckBad', mismatches.join('; '))],
  ];
  const width = Math.max(...rows.map(([k]) => displayWidth(k))) + 2;
  const body = rows.map(([k, v]) => `  ${padDisplay(k, width)}${v.split('\n').join(`\n  ${' '.repeat(width)}`)}`).join('\n');
  return `\n${t(lang, 'demoSummary')}\n${body}\n\n${t(lang, 'demoNext', dbPath)}\n`;
}
