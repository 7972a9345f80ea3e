/** huitou customers: list and search the customer base with filters and paging. */
import { CUSTOMER_TYPES, DUE_STATES, LIFECYCLE_STAGES, RFM_SEGMENTS } from '@huitou/core';
import type { Lang } from '../../config.ts';
import { parseTime } from '../../importers/cells/parse-time.ts';
import { CUSTOMER_SORTS, listCustomers } from '../../store/repositories/customer.repository.ts';
import type { CustomerFilter, CustomerRow, CustomerSort } from '../../store/repositories/customer.repository.ts';
import { intOption, numberOption, parseCommandArgs } from '../args.ts';
import { EXIT_OK, UsageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { openShop, printJson, resolveLang } from '../command-helpers.ts';
import { t } from '../messages.ts';
import { label } from '../labels.ts';
import { renderTable } from '../text-table.ts';

const OPTIONS = {
  search: { type: 'string', short: 's', description: 'text in nick, name, phone, email or buyer key', placeholder: 'TEXT' },
  province: { type: 'string', description: 'province, exactly as stored (e.g. 浙江省)', placeholder: 'NAME' },
  city: { type: 'string', description: 'city, exactly as stored', placeholder: 'NAME' },
  'min-orders': { type: 'string', description: 'at least N valid orders', placeholder: 'N' },
  'max-orders': { type: 'string', description: 'at most N valid orders', placeholder: 'N' },
  'min-spend': { type: 'string', description: 'net spend at least X', placeholder: 'X' },
  'max-spend': { type: 'string', description: 'net spend at most X', placeholder: 'X' },
  'last-after': { type: 'string', description: 'last valid order on or after DATE (YYYY-MM-DD)', placeholder: 'DATE' },
  'last-before': { type: 'string', description: 'last valid order before DATE', placeholder: 'DATE' },
  segment: { type: 'string', description: `RFM segment: ${RFM_SEGMENTS.map((x) => x.code).join(', ')}`, placeholder: 'CODE' },
  lifecycle: { type: 'string', description: `lifecycle stage: ${LIFECYCLE_STAGES.map((x) => x.code).join(', ')}`, placeholder: 'CODE' },
  type: { type: 'string', description: `customer type: ${CUSTOMER_TYPES.map((x) => x.code).join(', ')}`, placeholder: 'CODE' },
  tier: { type: 'string', description: 'membership tier code (e.g. vip; none = not a member)', placeholder: 'CODE' },
  'min-r': { type: 'string', description: 'RFM recency score at least 1–5', placeholder: 'N' },
  'min-f': { type: 'string', description: 'RFM frequency score at least 1–5', placeholder: 'N' },
  'min-m': { type: 'string', description: 'RFM monetary score at least 1–5', placeholder: 'N' },
  'churn-risk': { type: 'string', description: 'churn-risk band: low, medium, high, lost', placeholder: 'BAND' },
  'max-p-alive': { type: 'string', description: 'P(alive) at most X (0–1)', placeholder: 'X' },
  'due-sku': { type: 'string', description: 'has this SKU due for replenishment (due_soon, due or overdue)', placeholder: 'SKU' },
  'due-state': { type: 'string', description: `has a SKU in this state: ${DUE_STATES.map((x) => x.code).join(', ')}`, placeholder: 'STATE' },
  sku: { type: 'string', description: 'bought this SKU', placeholder: 'SKU' },
  sort: { type: 'string', description: `order by ${CUSTOMER_SORTS.join('|')} (default spend)`, placeholder: 'KEY' },
  asc: { type: 'boolean', description: 'ascending (default descending)' },
  limit: { type: 'string', description: 'rows per page, 1–1000 (default 20)', placeholder: 'N' },
  page: { type: 'string', description: 'page number, from 1 (default 1)', placeholder: 'N' },
} as const;

export const customersCommand: Command = {
  name: 'customers',
  summary: { zh: '列出和搜索客户', en: 'list and search customers' },
  usage: 'huitou customers [--search TEXT] [filters] [--sort KEY] [--limit N] [--page N] [--json]',
  options: OPTIONS,
  async run(argv, { io, config }) {
    const { options, positionals } = parseCommandArgs(argv, OPTIONS);
    const lang = resolveLang(options.lang, config);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const limit = intOption('limit', options.limit, 20, 1, 1000);
    const pageNo = intOption('page', options.page, 1, 1, 10_000_000);
    const sort = parseSort(options.sort);
    const { db, shop } = await openShop(config, options, null);
    try {
      const filter: CustomerFilter = {
        ...(options.search === undefined ? {} : { search: options.search }),
        ...(options.province === undefined ? {} : { province: options.province }),
        ...(options.city === undefined ? {} : { city: options.city }),
        ...optNum('minOrders', intOption('min-orders', options['min-orders'], -1, 0, 1e9)),
        ...optNum('maxOrders', intOption('max-orders', options['max-orders'], -1, 0, 1e9)),
        ...optNum('minSpend', numberOption('min-spend', options['min-spend'])),
        ...optNum('maxSpend', numberOption('max-spend', options['max-spend'])),
        ...optNum('lastOrderFromMs', dateOption('last-after', options['last-after'], shop.timeZone)),
        ...optNum('lastOrderToMs', dateOption('last-before', options['last-before'], shop.timeZone)),
        ...code('segment', options.segment, RFM_SEGMENTS.map((x) => x.code)),
        ...code('lifecycle', options.lifecycle, LIFECYCLE_STAGES.map((x) => x.code)),
        ...code('customerType', options.type, CUSTOMER_TYPES.map((x) => x.code)),
        ...code('churnRisk', options['churn-risk'], ['low', 'medium', 'high', 'lost']),
        ...code('dueState', options['due-state'], DUE_STATES.map((x) => x.code)),
        ...(options.tier === undefined ? {} : { tier: options.tier }),
        ...(options['due-sku'] === undefined ? {} : { dueSku: options['due-sku'] }),
        ...(options.sku === undefined ? {} : { boughtSku: options.sku }),
        ...optNum('minR', intOption('min-r', options['min-r'], -1, 1, 5)),
        ...optNum('minF', intOption('min-f', options['min-f'], -1, 1, 5)),
        ...optNum('minM', intOption('min-m', options['min-m'], -1, 1, 5)),
        ...optNum('maxPAlive', probability('max-p-alive', options['max-p-alive'])),
      };
      const offset = (pageNo - 1) * limit;
      const result = await listCustomers(db, shop.shopId, filter, { sort, descending: !options.asc, limit, offset });
      if (options.json) {
        printJson(io, { shop: shop.name, total: result.total, page: pageNo, limit, customers: result.rows });
      } else {
        io.stdout.write(render(result.rows, result.total, offset, lang, shop.timeZone));
      }
      return EXIT_OK;
    } finally {
      db.close();
    }
  },
};

function optNum<K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> {
  return v === undefined || v < 0 ? {} : ({ [key]: v } as Partial<Record<K, number>>);
}

function code<K extends string>(key: K, raw: string | undefined, allowed: readonly string[]): Partial<Record<K, string>> {
  if (raw === undefined) return {};
  if (!allowed.includes(raw)) throw new UsageError(`unknown value "${raw}"; expected one of ${allowed.join(', ')}`);
  return { [key]: raw } as Partial<Record<K, string>>;
}

function probability(name: string, raw: string | undefined): number | undefined {
  const v = numberOption(name, raw);
  if (v !== undefined && (v < 0 || v > 1)) throw new UsageError(`--${name} must be between 0 and 1`);
  return v;
}

function parseSort(raw: string | undefined): CustomerSort {
  if (raw === undefined) return 'spend';
  const found = CUSTOMER_SORTS.find((s) => s === raw);
  if (found === undefined) throw new UsageError(`--sort must be one of ${CUSTOMER_SORTS.join(', ')}; got "${raw}"`);
  return found;
}

function dateOption(name: string, raw: string | undefined, timeZone: string): number | undefined {
  if (raw === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? parseTime(`${raw} 00:00:00`, timeZone) : null;
  if (ms === null) throw new UsageError(`--${name} takes a date YYYY-MM-DD, got "${raw}"`);
  return ms;
}

function render(rows: readonly CustomerRow[], total: number, offset: number, lang: Lang, timeZone: string): string {
  if (rows.length === 0) return `${t(lang, 'custNone')}\n`;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const table = renderTable(
    [
      { header: t(lang, 'custId'), align: 'right' },
      { header: t(lang, 'custKey') },
      { header: t(lang, 'custName') },
      { header: t(lang, 'custRegion') },
      { header: t(lang, 'custOrders'), align: 'right' },
      { header: t(lang, 'custSpend'), align: 'right' },
      { header: t(lang, 'custLast') },
      { header: label(lang, 'segments') },
      { header: label(lang, 'lifecycle') },
      { header: label(lang, 'tiers') },
    ],
    rows.map((r) => [
      String(r.customerId),
      r.nick ?? r.email ?? r.phoneMasked ?? maskPhone(r.phone) ?? r.keyValue.slice(0, 24),
      r.name ?? '',
      [r.province, r.city].filter((x) => x !== null).join(' '),
      String(r.validOrders),
      r.netSpend.toFixed(2),
      r.lastOrderMs === null ? '' : day.format(r.lastOrderMs),
      r.labels?.segment == null ? '' : label(lang, `segment.${r.labels.segment}`),
      r.labels?.lifecycle == null ? '' : label(lang, `lifecycle.${r.labels.lifecycle}`),
      r.labels === null ? '' : label(lang, `tier.${r.labels.tier}`),
    ]),
  );
  return `${table}${t(lang, 'custShowing', offset + 1, offset + rows.length, total)}\n`;
}

/** 13812341234 → 138****1234, for terminal display. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
