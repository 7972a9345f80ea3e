/**
 * Planning a campaign's day as the CLI (`campaign plan|preview`) and the API (preview, launch) both do it:
 * the plan of every occurrence and, for a dry run with an offer, a 满X减Y threshold suggested from the
 * audience's order values.
 */
import { suggestThreshold } from '@huitou/core';
import type { Db } from '../../store/database.ts';
import { selectAudienceSql } from '../audience/index.ts';
import type { CampaignDefinition } from './campaign-definition.ts';
import { couponSecret } from './campaign-store.ts';
import type { QuietHours } from '../outbox/quiet-hours.ts';
import { planCampaignDay } from './plan-occurrence.ts';
import type { OccurrencePlan } from './plan-occurrence.ts';

export interface PlanDayRequest {
  /** The saved campaign's id; a campaign not saved yet (a preview) passes -1. */
  readonly campaignId: number;
  readonly definition: CampaignDefinition;
  /** name is the SMS signature the messages carry. */
  readonly shop: { readonly shopId: number; readonly name: string; readonly timeZone: string };
  readonly day: number;
  readonly nowMs: number;
  readonly smsCostCents: number;
  readonly dryRun: boolean;
  /** The marketing sending window (default 08:00–21:00). */
  readonly quietHours?: QuietHours;
}

export interface ThresholdSuggestion {
  readonly label: { readonly zh: string; readonly en: string };
  readonly explanation: { readonly zh: string; readonly en: string };
}

export type PlanDayResult =
  | { readonly ok: true; readonly plans: OccurrencePlan[]; readonly suggestion: ThresholdSuggestion | null }
  | { readonly ok: false; readonly message: string };

export async function planDayWithSuggestion(db: Db, r: PlanDayRequest): Promise<PlanDayResult> {
  const result = await planCampaignDay(db, {
    campaignId: r.campaignId, definition: r.definition, shop: r.shop, day: r.day, nowMs: r.nowMs, couponSecret: await couponSecret(db),
    costPerMessageCents: { sms: r.smsCostCents }, dryRun: r.dryRun, ...(r.quietHours === undefined ? {} : { quietHours: r.quietHours }),
  });
  if (!result.ok) return result;
  let suggestion: ThresholdSuggestion | null = null;
  if (r.dryRun && r.definition.offer !== null) {
    const audience = selectAudienceSql(r.definition.audience, { shopId: r.shop.shopId, asOf: r.day, timeZone: r.shop.timeZone });
    const values = await db.all<{ v: number }>(
      `SELECT CAST(avg_order_value * 100 AS DOUBLE PRECISION) AS v FROM customer_analysis
       WHERE avg_order_value IS NOT NULL AND customer_id IN (${audience.sql.replace(/ORDER BY c\.customer_id\s*$/, '')})`,
      audience.params,
    );
    const s = suggestThreshold(values.map((v) => Number(v.v)));
    suggestion = s.ok ? { label: s.label, explanation: s.explanation } : null;
  }
  return { ok: true, plans: result.plans, suggestion };
}
