/** huitou report kpi|rfm|lifecycle|tiers|cycles|cohorts|all: readable tables of the stored analysis. */
import { writeFile } from 'node:fs/promises';
import type { Lang } from '../../config.ts';
import { buildReports } from '../../reports/build-reports.ts';
import { findLatestRun, REPORT_KINDS } from '../../reports/report-queries.ts';
import type { KpiGrain, ReportKind } from '../../reports/report-queries.ts';
import { formatCell, tableRecords } from '../../reports/report-table.ts';
import type { ReportTable } from '../../reports/report-table.ts';
import { reportWorkbook } from '../../reports/report-workbook.ts';
import { intOption, parseCommandArgs } from '../args.ts';
import { CommandError, EXIT_OK, UsageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { openShop, printJson, resolveLang } from '../command-helpers.ts';
import { renderTable } from '../text-table.ts';

const OPTIONS = {
  grain: { type: 'string', description: 'KPI periods: day, week (7 days) or month (default)', placeholder: 'GRAIN' },
  limit: { type: 'string', description: 'rows for kpi and cycles (default 24)', placeholder: 'N' },
  months: { type: 'string', description: 'months shown in the cohort matrix (default 12)', placeholder: 'N' },
  out: { type: 'string', description: 'also write the report(s) to an XLSX workbook', placeholder: 'FILE.xlsx' },
} as const;

export const reportCommand: Command = {
  name: 'report',
  summary: { zh: '查看分析报表（可导出 Excel）', en: 'show analysis reports (optionally as an Excel workbook)' },
  usage: `huitou report ${REPORT_KINDS.join('|')}|all [--grain day|week|month] [--limit N] [--out FILE.xlsx] [--json]`,
  options: OPTIONS,
  async run(argv, { io, config }) {
    const { options, positionals } = parseCommandArgs(argv, OPTIONS);
    const lang = resolveLang(options.lang, config);
    const [kindRaw, extra] = positionals;
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const kind = REPORT_KINDS.find((k) => k === kindRaw) ?? (kindRaw === 'all' ? 'all' : undefined);
    if (kind === undefined) throw new UsageError(`report needs one of ${REPORT_KINDS.join(', ')}, all`);
    const grain = parseGrain(options.grain);
    const limit = intOption('limit', options.limit, 24, 1, 100_000);
    const months = intOption('months', options.months, 12, 1, 120);
    if (options.out !== undefined && !options.out.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out must name a .xlsx file');
    const { db, shop } = await openShop(config, options, null);
    try {
      const run = await findLatestRun(db, shop.shopId);
      if (run === undefined) throw new CommandError('no_analysis', 'no analysis stored yet; run huitou analyze first');
      const tables = await buildReports(db, shop.shopId, kind as ReportKind | 'all', { grain, limit, cohortMonths: months, asOf: run.asOf });
      if (options.out !== undefined) await writeFile(options.out, reportWorkbook(tables, lang));
      if (options.json) {
        printJson(io, { shop: shop.name, asOf: run.asOf, runId: run.runId, reports: tables.map((t) => ({ key: t.key, title: { zh: t.zh, en: t.en }, columns: t.columns, rows: tableRecords(t) })), ...(options.out === undefined ? {} : { out: options.out }) });
      } else {
        io.stdout.write(`${tables.map((t) => render(t, lang)).join('\n')}${options.out === undefined ? '' : `\n→ ${options.out}\n`}`);
      }
      return EXIT_OK;
    } finally {
      db.close();
    }
  },
};

function parseGrain(raw: string | undefined): KpiGrain {
  if (raw === undefined) return 'month';
  if (raw === 'day' || raw === 'week' || raw === 'month') return raw;
  throw new UsageError(`--grain must be day, week or month; got "${raw}"`);
}

function render(t: ReportTable, lang: Lang): string {
  const head = `${lang === 'zh' ? t.zh : t.en}\n`;
  if (t.rows.length === 0) return `${head}(${lang === 'zh' ? '无数据' : 'no rows'})\n`;
  return head + renderTable(
    t.columns.map((c) => ({ header: lang === 'zh' ? c.zh : c.en, align: c.kind === 'text' || c.kind === 'date' ? 'left' : 'right' })),
    t.rows.map((r) => t.columns.map((c, i) => formatCell(c.kind, r[i] ?? null))),
  );
}
