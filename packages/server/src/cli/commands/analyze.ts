/** huitou analyze: computes and stores segments, lifecycle, tiers, cycles and KPIs as of a date. */
import { readFile } from 'node:fs/promises';
import { formatDay, LIFECYCLE_STAGES, localDayAt, parseDay } from '@huitou/core';
import { applyAnalysisConfig, defaultAnalysisOptions } from '../../analysis/analysis-options.ts';
import type { AnalysisOptions } from '../../analysis/analysis-options.ts';
import { runAnalysis } from '../../analysis/run-analysis.ts';
import type { AnalysisRun } from '../../analysis/run-analysis.ts';
import type { Lang } from '../../config.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT_OK, UsageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { openShop, printJson, resolveLang } from '../command-helpers.ts';
import { label } from '../labels.ts';

const OPTIONS = {
  'as-of': { type: 'string', description: 'analyse as of this day, YYYY-MM-DD (default: today in the shop\'s time zone)', placeholder: 'DATE' },
  config: { type: 'string', description: 'JSON config: rfm, lifecycle, customerTypes, tiers, replenishment', placeholder: 'FILE' },
  lifecycle: { type: 'string', description: 'lifecycle thresholds: fixed (default) or adaptive', placeholder: 'MODE' },
  reference: { type: 'string', description: 'RFM segments compare with the shop\'s mean (default) or median', placeholder: 'mean|median' },
} as const;

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: { zh: '计算并保存客户分层、生命周期、会员等级、回购周期和老客指标', en: 'compute and store segments, lifecycle, tiers, cycles and KPIs' },
  usage: 'huitou analyze [--as-of DATE] [--config FILE] [--lifecycle fixed|adaptive] [--reference mean|median] [--json]',
  options: OPTIONS,
  async run(argv, { io, config }) {
    const { options, positionals } = parseCommandArgs(argv, OPTIONS);
    const lang = resolveLang(options.lang, config);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const { db, shop } = await openShop(config, options, null);
    try {
      const asOf = options['as-of'] ?? todayIn(shop.timeZone);
      const asOfDay = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? parseDay(asOf) : Number.NaN;
      if (!Number.isFinite(asOfDay)) throw new UsageError(`--as-of takes a date YYYY-MM-DD, got "${asOf}"`);
      let analysis: AnalysisOptions = defaultAnalysisOptions(asOfDay);
      if (options.config !== undefined) analysis = await applyConfigFile(analysis, options.config);
      if (options.lifecycle !== undefined) {
        if (options.lifecycle !== 'fixed' && options.lifecycle !== 'adaptive') throw new UsageError(`--lifecycle must be fixed or adaptive`);
        analysis = { ...analysis, lifecycleMode: options.lifecycle };
      }
      if (options.reference !== undefined) {
        if (options.reference !== 'mean' && options.reference !== 'median') throw new UsageError(`--reference must be mean or median`);
        analysis = { ...analysis, rfmReference: options.reference };
      }
      const run = await runAnalysis(db, shop.shopId, shop.timeZone, analysis);
      if (options.json) printJson(io, { shop: shop.name, runId: run.runId, asOf: run.details.asOf, summary: run.summary, details: run.details });
      else io.stdout.write(render(run, lang));
      return EXIT_OK;
    } finally {
      db.close();
    }
  },
};

/** Today's date in a time zone, YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return formatDay(localDayAt(now.getTime(), timeZone));
}

async function applyConfigFile(base: AnalysisOptions, path: string): Promise<AnalysisOptions> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--config ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { options, issues } = applyAnalysisConfig(base, doc);
  if (issues.length > 0) throw new UsageError(`--config ${path}:\n${issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
  return options;
}

function render(run: AnalysisRun, lang: Lang): string {
  const s = run.summary;
  const d = run.details;
  const int = (n: number) => n.toLocaleString('en-US');
  const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '–');
  const lines = [
    `${label(lang, 'asOf')}: ${d.asOf}`,
    `${label(lang, 'orders')}: ${int(s.orders)}   ${label(lang, 'validOrders')}: ${int(s.validOrders)}   ${label(lang, 'lines')}: ${int(s.lines)}`,
    `${label(lang, 'customers')}: ${int(s.customers)}   ${label(lang, 'buyers')}: ${int(s.buyers)}   ${label(lang, 'repeatBuyers')}: ${int(s.repeatBuyers)} (${pct(s.repeatBuyers, s.buyers)})`,
    `${label(lang, 'netRevenue')}: ${s.netRevenue.toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    `${label(lang, 'topShare')}: ${d.topCustomersRevenueShare === null ? '–' : `${(100 * d.topCustomersRevenueShare).toFixed(1)}%`}   ${label(lang, 'shopCycle')}: ${d.shopCycleDays === null ? '–' : d.shopCycleDays.toFixed(1)}`,
    '',
    `${label(lang, 'segments')}:`,
    ...Object.entries(d.segments).sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${label(lang, `segment.${k}`)}  ${int(n)} (${pct(n, s.buyers)})`),
    `${label(lang, 'lifecycle')}:`,
    ...LIFECYCLE_STAGES.map((st) => `  ${label(lang, `lifecycle.${st.code}`)}  ${int(d.lifecycle[st.code] ?? 0)} (${pct(d.lifecycle[st.code] ?? 0, s.buyers)})`),
    `${label(lang, 'tiers')}:`,
    ...Object.entries(d.tiers).map(([k, n]) => `  ${label(lang, `tier.${k}`)}  ${int(n)}`),
    '',
    label(lang, 'analyzeNext'),
  ];
  return `${lines.join('\n')}\n`;
}
