/**
 * huitou model recommend: what each customer is likely to buy next, from the shop's own baskets and
 * purchase sequences (core/recommend), with a reason per item; `--evaluate` back-tests the recommender on a
 * holdout against a most-popular baseline.
 */
import { evaluateRecommendations, mineRules, parseDay, REASON_CODES, reasonLabel, recommendForCustomers } from '@huitou/core';
import type { RecommendationMetrics } from '@huitou/core';
import { loadColumns } from '../../analysis/load-columns.ts';
import type { Lang } from '../../config.ts';
import { listCustomers } from '../../store/repositories/customer.repository.ts';
import { EXIT_OK, UsageError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { openShop, printJson } from '../command-helpers.ts';
import { renderTable } from '../text-table.ts';
import { todayIn } from './analyze.ts';

export interface RecommendRequest {
  readonly db: string | undefined;
  readonly shop: string | undefined;
  readonly json: boolean;
  readonly lang: Lang;
  readonly limit: number;
  readonly evaluate: boolean;
  readonly holdoutDays: number;
  readonly customer: string | undefined;
  readonly asOf: string | undefined;
}

const TOP_N = 5;

export async function recommendSubcommand(ctx: CommandContext, request: RecommendRequest): Promise<number> {
  const { db, shop } = await openShop(ctx.config, request, null);
  try {
    const asOfText = request.asOf ?? todayIn(shop.timeZone);
    const asOfDay = /^\d{4}-\d{2}-\d{2}$/.test(asOfText) ? parseDay(asOfText) : Number.NaN;
    if (!Number.isFinite(asOfDay)) throw new UsageError(`--as-of takes a date YYYY-MM-DD, got "${asOfText}"`);
    const data = await loadColumns(db, shop.shopId, shop.timeZone, asOfDay);
    const titles = new Map(
      (await db.all<{ k: string; t: string | null }>(`SELECT product_key AS k, title AS t FROM products WHERE shop_id = $1`, [shop.shopId])).map((r) => [r.k, r.t]),
    );
    if (request.evaluate) {
      let lastDay = -Infinity;
      for (const d of data.orders.day) if (d > lastDay) lastDay = d;
      const calibrationEndDay = lastDay - request.holdoutDays;
      const result = evaluateRecommendations(data.orders, data.lines, { calibrationEndDay, holdoutDays: request.holdoutDays, topN: TOP_N });
      if (request.json) printJson(ctx.io, { shop: shop.name, topN: TOP_N, holdoutDays: request.holdoutDays, ...result });
      else ctx.io.stdout.write(renderEvaluation(result.model, result.popular, result.customersEvaluated, request));
      return EXIT_OK;
    }
    const index = new Map<number, number>();
    data.customerIds.forEach((id, i) => index.set(id, i));
    let targets: number[];
    if (request.customer !== undefined) {
      const i = index.get(Number(request.customer));
      if (!/^\d+$/.test(request.customer) || i === undefined) throw new UsageError(`--customer ${request.customer}: no such customer in this shop`);
      targets = [i];
    } else {
      const page = await listCustomers(db, shop.shopId, {}, { sort: 'spend', descending: true, limit: request.limit, offset: 0 });
      targets = page.rows.map((r) => index.get(r.customerId)).filter((i): i is number => i !== undefined);
    }
    targets.sort((a, b) => a - b);
    const rules = mineRules(data.orders, data.lines, { asOfDay });
    const recs = recommendForCustomers(data.orders, data.lines, { asOfDay, topN: TOP_N, customers: Int32Array.from(targets), together: rules.together, after: rules.after });
    const skuCode = (s: number) => data.productKeys[s] ?? '';
    const customers = targets.map((c, row) => ({
      customerId: data.customerIds[c] ?? 0,
      items: Array.from({ length: recs.topN }, (_, k) => row * recs.topN + k)
        .filter((slot) => (recs.sku[slot] ?? -1) >= 0)
        .map((slot) => {
          const sku = skuCode(recs.sku[slot] ?? 0);
          const reason = recs.reason[slot] ?? 0;
          const source = recs.source[slot] ?? -1;
          return {
            sku,
            title: titles.get(sku) ?? null,
            score: recs.score[slot] ?? 0,
            reason: REASON_CODES[reason]?.code ?? null,
            because: source >= 0 ? skuCode(source) : null,
            label: reasonLabel(reason, request.lang, source >= 0 ? (titles.get(skuCode(source)) ?? skuCode(source)) : undefined),
          };
        }),
    }));
    if (request.json) printJson(ctx.io, { shop: shop.name, asOf: asOfText, customers });
    else {
      const zh = request.lang === 'zh';
      ctx.io.stdout.write(
        renderTable(
          [{ header: zh ? '客户' : 'Customer', align: 'right' }, { header: '#', align: 'right' }, { header: zh ? '商品' : 'Item' }, { header: zh ? '得分' : 'Score', align: 'right' }, { header: zh ? '理由' : 'Why' }],
          customers.flatMap((c) => c.items.map((it, k) => [k === 0 ? String(c.customerId) : '', String(k + 1), it.title === null ? it.sku : `${it.title} [${it.sku}]`, it.score.toFixed(3), it.label])),
        ),
      );
    }
    return EXIT_OK;
  } finally {
    db.close();
  }
}

function renderEvaluation(model: RecommendationMetrics, popular: RecommendationMetrics, customers: number, r: RecommendRequest): string {
  const zh = r.lang === 'zh';
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  return (
    `${zh ? `留出期 ${r.holdoutDays} 天，评估 ${customers.toLocaleString('en-US')} 位回头客，每人推荐 ${TOP_N} 件` : `Holdout ${r.holdoutDays} days, ${customers.toLocaleString('en-US')} returning buyers, top ${TOP_N}`}\n` +
    renderTable(
      [{ header: '' }, { header: zh ? '命中率' : 'Hit rate', align: 'right' }, { header: zh ? '精确率' : 'Precision', align: 'right' }, { header: zh ? '召回率' : 'Recall', align: 'right' }, { header: zh ? '覆盖率' : 'Coverage', align: 'right' }],
      [
        [zh ? '推荐模型' : 'Recommender', pct(model.hitRate), pct(model.precision), pct(model.recall), pct(model.coverage)],
        [zh ? '热销基线' : 'Most popular', pct(popular.hitRate), pct(popular.precision), pct(popular.recall), pct(popular.coverage)],
      ],
    )
  );
}
