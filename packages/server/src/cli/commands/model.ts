/**
 * huitou model fit|predict|recommend: the customer-base models on the shop's own orders.
 * fit: BG/NBD + Gamma-Gamma parameters with standard errors and, when orders go past the calibration end,
 * a back-test of predicted vs actual repeat purchases. predict: customers with their predictions.
 */
import { parseDay } from '@huitou/core';
import type { ModelError } from '@huitou/core';
import { backtest, fitCustomerModels, predictAligned, validTransactions } from '../../analysis/customer-models.ts';
import type { Backtest, ModelFits, ModelUnit } from '../../analysis/customer-models.ts';
import { loadColumns } from '../../analysis/load-columns.ts';
import type { Lang } from '../../config.ts';
import { listCustomers } from '../../store/repositories/customer.repository.ts';
import { intOption, parseCommandArgs } from '../args.ts';
import { CommandError, EXIT_OK, UsageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../command.ts';
import { openShop, printJson, resolveLang } from '../command-helpers.ts';
import { renderTable } from '../text-table.ts';
import { todayIn } from './analyze.ts';
import { recommendSubcommand } from './model-recommend.ts';

const OPTIONS = {
  'calibration-end': { type: 'string', description: 'fit: last day of the calibration period (default: the last order day)', placeholder: 'DATE' },
  'as-of': { type: 'string', description: 'predict: as of this day (default today)', placeholder: 'DATE' },
  unit: { type: 'string', description: 'time unit of t_x and T: day (default) or week', placeholder: 'day|week' },
  limit: { type: 'string', description: 'predict/recommend: customers listed (default 20)', placeholder: 'N' },
  'allow-small': { type: 'boolean', description: 'fit even with fewer than 100 customers' },
  evaluate: { type: 'boolean', description: 'recommend: hit rate on a holdout against a most-popular baseline' },
  'holdout-days': { type: 'string', description: 'recommend --evaluate: holdout length in days (default 90)', placeholder: 'N' },
  customer: { type: 'string', description: 'recommend: one customer id', placeholder: 'ID' },
} as const;

export const modelCommand: Command = {
  name: 'model',
  summary: { zh: '客户模型：拟合、预测、推荐（BG/NBD、Gamma-Gamma）', en: 'customer models: fit, predict, recommend (BG/NBD, Gamma-Gamma)' },
  usage: 'huitou model fit|predict|recommend [--calibration-end DATE] [--unit day|week] [--limit N] [--evaluate] [--json]',
  options: OPTIONS,
  async run(argv, ctx) {
    const { options, positionals } = parseCommandArgs(argv, OPTIONS);
    const lang = resolveLang(options.lang, ctx.config);
    const [sub, extra] = positionals;
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    if (sub !== 'fit' && sub !== 'predict' && sub !== 'recommend') throw new UsageError('model needs fit, predict or recommend');
    const unit = parseUnit(options.unit);
    const limit = intOption('limit', options.limit, 20, 1, 100_000);
    if (sub === 'recommend') {
      return recommendSubcommand(ctx, {
        db: options.db, shop: options.shop, json: options.json, lang, limit, evaluate: options.evaluate,
        holdoutDays: intOption('holdout-days', options['holdout-days'], 90, 7, 730), customer: options.customer,
        asOf: options['as-of'],
      });
    }
    return sub === 'fit'
      ? fit(ctx, options, unit, lang)
      : predict(ctx, options, unit, lang, limit);
  },
};

interface CommonOptions {
  readonly db: string | undefined;
  readonly shop: string | undefined;
  readonly json: boolean;
  readonly 'calibration-end': string | undefined;
  readonly 'as-of': string | undefined;
  readonly 'allow-small': boolean;
}

function parseUnit(raw: string | undefined): ModelUnit {
  if (raw === undefined) return 'day';
  if (raw === 'day' || raw === 'week') return raw;
  throw new UsageError(`--unit must be day or week; got "${raw}"`);
}

function parseDate(name: string, raw: string): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? parseDay(raw) : Number.NaN;
  if (!Number.isFinite(day)) throw new UsageError(`--${name} takes a date YYYY-MM-DD, got "${raw}"`);
  return day;
}

function modelFailure(error: ModelError, lang: Lang): CommandError {
  return new CommandError(`model_${error.code.toLowerCase()}`, lang === 'zh' ? `${error.messageZh}（${error.message}）` : error.message);
}

async function fit(ctx: CommandContext, options: CommonOptions, unit: ModelUnit, lang: Lang): Promise<number> {
  const { db, shop } = await openShop(ctx.config, options, null);
  try {
    const lastDay = parseDay(todayIn(shop.timeZone));
    const data = await loadColumns(db, shop.shopId, shop.timeZone, lastDay);
    const tx = validTransactions(data.orders);
    let maxDay = -Infinity;
    for (const d of tx.day) if (d > maxDay) maxDay = d;
    if (tx.day.length === 0) throw modelFailure({ code: 'NO_REPEAT_PURCHASES', message: 'the shop has no valid orders: nothing to fit', messageZh: '店铺没有有效订单，无法拟合' }, lang);
    const calibrationEnd = options['calibration-end'] === undefined ? maxDay : parseDate('calibration-end', options['calibration-end']);
    const fits = fitCustomerModels(tx, { calibrationEndDay: calibrationEnd, unit, allowSmallSample: options['allow-small'] });
    if (!fits.ok) throw modelFailure(fits.error, lang);
    const test = maxDay > calibrationEnd ? backtest(fits.value, maxDay - calibrationEnd) : null;
    if (options.json) printJson(ctx.io, fitDocument(shop.name, fits.value, test));
    else ctx.io.stdout.write(renderFit(fits.value, test, lang));
    return EXIT_OK;
  } finally {
    db.close();
  }
}

function fitDocument(shop: string, f: ModelFits, test: Backtest | null): Record<string, unknown> {
  const gg = f.gammaGamma;
  return {
    shop,
    unit: f.unit,
    calibrationEndDay: f.summary.calibrationEndDay,
    customers: f.bgnbd.customers,
    bgnbd: {
      r: f.bgnbd.r, alpha: f.bgnbd.alpha, a: f.bgnbd.a, b: f.bgnbd.b, logLikelihood: f.bgnbd.logLikelihood,
      standardErrors: f.bgnbd.standardErrors, converged: f.bgnbd.converged, iterations: f.bgnbd.iterations,
    },
    gammaGamma: gg.ok
      ? { p: gg.value.p, q: gg.value.q, gamma: gg.value.gamma, logLikelihood: gg.value.logLikelihood, standardErrors: gg.value.standardErrors, customers: gg.value.customers }
      : { error: gg.error },
    holdout: test,
  };
}

function renderFit(f: ModelFits, test: Backtest | null, lang: Lang): string {
  const zh = lang === 'zh';
  const se = (v: number | undefined) => (v === undefined ? '' : ` ± ${v.toPrecision(3)}`);
  const b = f.bgnbd;
  const out = [
    `${zh ? 'BG/NBD 模型' : 'BG/NBD'} (${zh ? '时间单位' : 'unit'}: ${f.unit}, ${zh ? '客户' : 'customers'}: ${b.customers.toLocaleString('en-US')})`,
    `  r = ${b.r.toPrecision(5)}${se(b.standardErrors?.r)}   alpha = ${b.alpha.toPrecision(5)}${se(b.standardErrors?.alpha)}`,
    `  a = ${b.a.toPrecision(5)}${se(b.standardErrors?.a)}   b = ${b.b.toPrecision(5)}${se(b.standardErrors?.b)}`,
    `  ${zh ? '对数似然' : 'log-likelihood'} = ${b.logLikelihood.toFixed(2)}${b.converged ? '' : zh ? '（未收敛）' : ' (not converged)'}`,
  ];
  const gg = f.gammaGamma;
  if (gg.ok) {
    const g = gg.value;
    out.push(`Gamma-Gamma (${g.customers.toLocaleString('en-US')} ${zh ? '位复购客户' : 'repeat customers'})`);
    out.push(`  p = ${g.p.toPrecision(5)}${se(g.standardErrors?.p)}   q = ${g.q.toPrecision(5)}${se(g.standardErrors?.q)}   gamma = ${g.gamma.toPrecision(5)}${se(g.standardErrors?.gamma)}`);
    out.push(`  ${zh ? '对数似然' : 'log-likelihood'} = ${g.logLikelihood.toFixed(2)}`);
  } else {
    out.push(`Gamma-Gamma: ${zh ? gg.error.messageZh : gg.error.message}`);
  }
  if (test === null) out.push('', zh ? '没有校准期之后的订单，无法回测。' : 'No orders after the calibration end: no back-test.');
  else {
    out.push('', `${zh ? '回测' : 'Back-test'}: ${test.holdoutDays} ${zh ? '天' : 'days'} — ${zh ? '预测' : 'predicted'} ${test.predicted.toFixed(1)}, ${zh ? '实际' : 'actual'} ${test.actual}`);
    out.push(
      renderTable(
        [{ header: zh ? '校准期复购次数' : 'Calibration repeats', align: 'right' }, { header: zh ? '客户' : 'Customers', align: 'right' }, { header: zh ? '预测' : 'Predicted', align: 'right' }, { header: zh ? '实际' : 'Actual', align: 'right' }],
        test.byFrequency.map((r, i) => [`${r.x}${i === test.byFrequency.length - 1 ? '+' : ''}`, String(r.customers), r.predicted.toFixed(1), String(r.actual)]),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

async function predict(ctx: CommandContext, options: CommonOptions, unit: ModelUnit, lang: Lang, limit: number): Promise<number> {
  const { db, shop } = await openShop(ctx.config, options, null);
  try {
    const asOfDay = parseDate('as-of', options['as-of'] ?? todayIn(shop.timeZone));
    const data = await loadColumns(db, shop.shopId, shop.timeZone, asOfDay);
    const fits = fitCustomerModels(validTransactions(data.orders), { calibrationEndDay: asOfDay, unit, allowSmallSample: options['allow-small'] });
    if (!fits.ok) throw modelFailure(fits.error, lang);
    const aligned = predictAligned(fits.value, data.orders.customerCount, { months: 12, monthlyDiscountRate: 0.01, grossMargin: 1 });
    if (!aligned.ok) throw modelFailure(aligned.error, lang);
    const p = aligned.value;
    const order = Array.from({ length: data.orders.customerCount }, (_, i) => i)
      .filter((i) => Number.isFinite(p.pAlive[i] ?? Number.NaN))
      .sort((x, y) => ((p.clv[y] ?? 0) || (p.expected365[y] ?? 0)) - ((p.clv[x] ?? 0) || (p.expected365[x] ?? 0)))
      .slice(0, limit);
    const ids = order.map((i) => data.customerIds[i] ?? 0);
    const names = new Map((await listCustomers(db, shop.shopId, { customerIds: ids }, { sort: 'id', descending: false, limit: ids.length, offset: 0 })).rows.map((r) => [r.customerId, r]));
    const rows = order.map((i) => {
      const id = data.customerIds[i] ?? 0;
      const c = names.get(id);
      const next = p.nextOrderInDays[i] ?? Number.NaN;
      return {
        customerId: id,
        buyer: c?.nick ?? c?.email ?? c?.keyValue ?? '',
        pAlive: p.pAlive[i] ?? null,
        expected30: p.expected30[i] ?? null,
        expected90: p.expected90[i] ?? null,
        expected365: p.expected365[i] ?? null,
        expectedOrderValue: finiteOrNull(p.expectedOrderValue[i]),
        clv: finiteOrNull(p.clv[i]),
        nextOrderInDays: Number.isFinite(next) ? Math.round(next) : null,
        churnRisk: p.churnBand[i] ?? null,
      };
    });
    if (options.json) printJson(ctx.io, { shop: shop.name, unit, customers: rows, spendModelError: p.spendModelError });
    else {
      const zh = lang === 'zh';
      ctx.io.stdout.write(
        renderTable(
          [
            { header: zh ? '编号' : 'ID', align: 'right' }, { header: zh ? '买家' : 'Buyer' }, { header: 'P(alive)', align: 'right' },
            { header: zh ? '90天预计购买' : 'Exp. 90d', align: 'right' }, { header: zh ? '预计客单价' : 'Exp. AOV', align: 'right' },
            { header: 'CLV', align: 'right' }, { header: zh ? '距下次购买（天）' : 'Next order in (days)', align: 'right' }, { header: zh ? '流失风险' : 'Churn risk' },
          ],
          rows.map((r) => [
            String(r.customerId), r.buyer, (r.pAlive ?? 0).toFixed(3), (r.expected90 ?? 0).toFixed(2), r.expectedOrderValue?.toFixed(2) ?? '–',
            r.clv?.toFixed(2) ?? '–', r.nextOrderInDays === null ? '–' : String(r.nextOrderInDays), r.churnRisk ?? '',
          ]),
        ),
      );
    }
    return EXIT_OK;
  } finally {
    db.close();
  }
}

const finiteOrNull = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
