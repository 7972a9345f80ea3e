/** huitou import FILE…: reads order exports into the store, one batch per file (or file pair). */
import { readFile } from 'node:fs/promises';
import type { Lang } from '../../config.ts';
import { FORMAT_NAMES } from '../../importers/formats/format-definition.ts';
import type { FormatName } from '../../importers/formats/format-definition.ts';
import { importFiles } from '../../importers/pipeline/run-import.ts';
import type { ImportReport } from '../../importers/pipeline/run-import.ts';
import type { UnitReport } from '../../importers/pipeline/run-unit.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { openShop, printJson, resolveLang, resolveTimeZone } from '../command-helpers.ts';
import { t } from '../messages.ts';
import { SILENT_PROGRESS, terminalProgress } from '../progress.ts';
import { displayWidth, padDisplay, safeText } from '../text-table.ts';

const OPTIONS = {
  format: { type: 'string', description: `skip detection: ${FORMAT_NAMES.join(', ')}`, placeholder: 'NAME' },
  map: { type: 'string', description: 'column map for other CSVs: JSON {"order_id": "单号", …}', placeholder: 'FILE' },
  tz: { type: 'string', description: 'time zone of naive timestamps (default: the shop\'s, else Asia/Shanghai)', placeholder: 'ZONE' },
  strict: { type: 'boolean', description: 'land nothing from a file that has any bad row' },
} as const;

export const importCommand: Command = {
  name: 'import',
  summary: { zh: '导入订单导出文件（可一次多个）', en: 'import order export files (several at once)' },
  usage: 'huitou import FILE… [--format NAME] [--map FILE] [--tz ZONE] [--strict] [--json]',
  options: OPTIONS,
  async run(argv, { io, config }) {
    const { options, positionals } = parseCommandArgs(argv, OPTIONS);
    const lang = resolveLang(options.lang, config);
    if (positionals.length === 0) throw new UsageError(t(lang, 'importNoFiles'));
    const format = parseFormat(options.format);
    const columnMap = options.map === undefined ? null : await readColumnMap(options.map);
    const timeZone = resolveTimeZone(options.tz, config.timeZone);
    const { db, shop } = await openShop(config, options, { timeZone });
    const progress = options.json || !io.isTTY ? SILENT_PROGRESS : terminalProgress(io.stderr);
    let read = 0;
    try {
      const report = await importFiles(db, {
        shopId: shop.shopId,
        timeZone: options.tz === undefined ? shop.timeZone : timeZone,
        files: positionals,
        format,
        strict: options.strict,
        columnMap,
        memoryLimit: config.importMemoryLimit,
        onProgress: (file, rows) => {
          read = rows;
          progress.update(file, rows, null);
        },
        onMerge: (file) => progress.update(`${t(lang, 'importMerging')} ${file}`, read, null),
      });
      progress.finish();
      if (options.json) printJson(io, { shop: shop.name, ...report });
      else io.stdout.write(renderReport(report, lang));
      return report.totals.failed > 0 ? EXIT_FAILURE : EXIT_OK;
    } finally {
      progress.finish();
      db.close();
    }
  },
};

function parseFormat(raw: string | undefined): FormatName | null {
  if (raw === undefined) return null;
  const found = FORMAT_NAMES.find((n) => n === raw);
  if (found === undefined) throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')}; got "${raw}"`);
  return found;
}

async function readColumnMap(path: string): Promise<Record<string, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--map ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`--map ${path}: expected a JSON object of canonical column -> your header`);
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') throw new UsageError(`--map ${path}: "${key}" must map to a header name (text)`);
    out[key] = value;
  }
  return out;
}

const STATUS_KEY = { committed: 'statusCommitted', rejected: 'statusRejected', failed: 'statusFailed' } as const;

function renderReport(report: ImportReport, lang: Lang): string {
  return report.units.map((u) => renderUnit(u, lang)).join('\n');
}

function renderUnit(u: UnitReport, lang: Lang): string {
  const rows: [string, string][] = [
    [t(lang, 'importFile'), u.files.join(' + ')],
    [t(lang, 'importStatus'), t(lang, STATUS_KEY[u.status]) + (u.message === null ? '' : ` — ${u.message}`)],
    [t(lang, 'importFormat'), `${u.format ?? '?'}${u.variants.length > 0 ? ` (${u.variants.join(', ')})` : ''}`],
    [t(lang, 'importEncoding'), u.encoding ?? '?'],
    [t(lang, 'importRows'), fmt(u.rowsRead)],
    [t(lang, 'importOrders'), `${fmt(u.ordersNew)} / ${fmt(u.ordersUpdated)} / ${fmt(u.ordersUnchanged)}`],
    [t(lang, 'importLines'), fmt(u.lines)],
    [t(lang, 'importCustomersNew'), fmt(u.customersNew)],
    [t(lang, 'importIssues'), `${fmt(u.errors)} / ${fmt(u.warnings)}`],
  ];
  const width = Math.max(...rows.map(([k]) => displayWidth(k))) + 2;
  let out = rows.map(([k, v]) => `${padDisplay(k, width)}${safeText(v)}`).join('\n') + '\n';
  if (u.status === 'committed' && u.ordersNew === 0 && u.ordersUpdated === 0 && u.ordersUnchanged > 0) {
    out += `${t(lang, 'importNothingNew')}\n`;
  }
  const shown = u.issues.slice(0, 20);
  for (const i of shown) {
    out += `  ${i.severity === 'error' ? '✗' : '!'} ${safeText(i.file)}:${i.line}${i.column === undefined ? '' : ` [${safeText(i.column)}]`} ${i.code}: ${safeText(i.message)}\n`;
  }
  const more = u.errors + u.warnings - shown.length;
  if (more > 0) out += `  ${t(lang, 'importMoreIssues', fmt(more))}\n`;
  return out;
}

const fmt = (n: number) => n.toLocaleString('en-US');
