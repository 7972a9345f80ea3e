/**
 * Campaign routes: playbook, list, detail, validate, preview, save, launch, pause. A saved campaign stays
 * paused until launched; launching activates it and plans the day (touches queued for the sender that
 * `huitou serve` runs). Launches, pauses and saves are audited.
 */
import { parseDay } from '@huitou/core';
import { parseCampaign, parseCampaignText } from '../../engine/campaigns/campaign-definition.ts';
import type { CampaignDefinition, CampaignIssue } from '../../engine/campaigns/campaign-definition.ts';
import { campaignTouchCounts, listOccurrences } from '../../engine/campaigns/campaign-status.ts';
import type { OccurrenceRow } from '../../engine/campaigns/campaign-status.ts';
import { findCampaign, listCampaigns, saveCampaign, setCampaignStatus } from '../../engine/campaigns/campaign-store.ts';
import type { CampaignRow } from '../../engine/campaigns/campaign-store.ts';
import type { OccurrencePlan } from '../../engine/campaigns/plan-occurrence.ts';
import { planDayWithSuggestion } from '../../engine/campaigns/plan-with-suggestion.ts';
import { DEMO_SIGN_NAME, loadPlaybook } from '../../demo/starter-campaigns.ts';
import type { Db } from '../../store/database.ts';
import type { Shop } from '../../store/repositories/shop.repository.ts';
import { audit } from '../auth/audit.ts';
import {
  campaignDetailSchema, campaignListSchema, campaignParamsSchema, campaignPreviewBodySchema, campaignTextBodySchema, launchBodySchema,
  launchResponseSchema, pauseBodySchema, pauseResponseSchema, playbookSchema, previewResponseSchema, saveCampaignResponseSchema, validateResponseSchema,
} from '../contract/campaigns.ts';
import type { CampaignSummaryView, OccurrencePlanView } from '../contract/campaigns.ts';
import { isoInstant } from '../contract/common.ts';
import { shopParamsSchema } from '../contract/shops.ts';
import { HttpError, notFound } from '../http-error.ts';
import { personalDataFor } from '../personal-data.ts';
import type { PersonalData } from '../personal-data.ts';
import { shopSignName } from '../api-deps.ts';
import type { ApiDeps } from '../api-deps.ts';
import type { RouteRegistry } from '../route-registry.ts';
import { shopOrThrow, shopToday } from '../shop-param.ts';

const READ = { role: 'analyst', scope: 'read' } as const;
const WRITE = { role: 'operator', scope: 'campaigns' } as const;

export function registerCampaignRoutes(registry: RouteRegistry, deps: ApiDeps): void {
  const signName = (shop: Shop) => shopSignName(deps, shop);
  const parse = (shop: Shop, text: string) => parseCampaignText(text, { signName: signName(shop) });
  const planShop = (shop: Shop) => ({ shopId: shop.shopId, name: signName(shop), timeZone: shop.timeZone });

  registry.add({
    method: 'get', path: '/api/shops/:shop/playbook', tag: 'campaigns', summary: 'The starter campaign templates (YAML with the shop\'s SMS signature, and a summary)',
    access: READ, params: shopParamsSchema, response: playbookSchema,
    handler: async (_c, { params }) => {
      const shop = await deps.pool.use((db) => shopOrThrow(db, params.shop));
      let templates;
      try {
        templates = await loadPlaybook(signName(shop));
      } catch {
        templates = await loadPlaybook(DEMO_SIGN_NAME); // a signature the templates cannot carry: show them as shipped
      }
      return {
        templates: templates.map((t) => ({
          file: t.file, key: t.definition.key, name: t.definition.name, kind: t.definition.kind, priority: t.definition.priority, triggerKind: t.definition.trigger.kind,
          channels: [...t.definition.channels], holdout: t.definition.holdout, hasOffer: t.definition.offer !== null, text: t.text,
        })),
      };
    },
  });

  registry.add({
    method: 'get', path: '/api/shops/:shop/campaigns', tag: 'campaigns', summary: 'Campaigns with status, last occurrence and touch counts',
    access: READ, params: shopParamsSchema, response: campaignListSchema,
    handler: async (_c, { params }) =>
      deps.pool.use(async (db) => {
        const shop = await shopOrThrow(db, params.shop);
        const rows = await summaries(db, shop, signName(shop));
        return { total: rows.length, rows };
      }),
  });

  registry.add({
    method: 'get', path: '/api/shops/:shop/campaigns/:key', tag: 'campaigns', summary: 'A campaign: status, definition, occurrences, touches by status and skip reason, cost',
    access: READ, params: campaignParamsSchema, response: campaignDetailSchema,
    handler: async (_c, { params }) =>
      deps.pool.use(async (db) => {
        const shop = await shopOrThrow(db, params.shop);
        const [campaign] = await summaries(db, shop, signName(shop), params.key);
        const row = await findCampaign(db, shop.shopId, params.key);
        if (campaign === undefined || row === undefined) throw notFound(`campaign "${params.key}"`, `活动「${params.key}」`);
        const counts = (await campaignTouchCounts(db, shop.shopId, params.key)).get(params.key);
        const occurrences = await listOccurrences(db, shop.shopId, 100, params.key);
        return { campaign, definition: JSON.parse(row.definition) as unknown, occurrences: occurrences.map(occurrenceView), skipped: counts?.skipped ?? {}, cost: cents(counts?.costCents ?? 0) };
      }),
  });

  registry.add({
    method: 'post', path: '/api/shops/:shop/campaigns/validate', tag: 'campaigns', summary: 'Parses a campaign (YAML or JSON): issues with paths, in both languages',
    access: WRITE, params: shopParamsSchema, body: campaignTextBodySchema, response: validateResponseSchema,
    handler: async (_c, { params, body }) => {
      const shop = await deps.pool.use((db) => shopOrThrow(db, params.shop));
      const parsed = parse(shop, body.text);
      return parsed.ok ? { valid: true, key: parsed.campaign.key, issues: [] } : { valid: false, key: null, issues: parsed.issues };
    },
  });

  registry.add({
    method: 'post', path: '/api/shops/:shop/campaigns/preview', tag: 'campaigns',
    summary: 'Plans a campaign\'s day without writing: audience, holdout, skips, messages and cost per channel, coupon cost, samples, a threshold suggestion',
    access: WRITE, params: shopParamsSchema, body: campaignPreviewBodySchema, response: previewResponseSchema,
    handler: async (c, { params, body }) => {
      const pd = personalDataFor(c.get('principal'));
      return deps.pool.use(async (db) => {
        const shop = await shopOrThrow(db, params.shop);
        const definition = orInvalid(parse(shop, body.text));
        const dayText = body.date ?? shopToday(shop, deps.now());
        const saved = await findCampaign(db, shop.shopId, definition.key);
        const result = await planDayWithSuggestion(db, {
          quietHours: deps.config.sendingHours,
          campaignId: saved?.campaignId ?? -1, definition, shop: planShop(shop), day: parseDay(dayText), nowMs: deps.now(),
          smsCostCents: deps.config.sms.costPerSegmentCents, dryRun: true,
        });
        if (!result.ok) throw planFailed(result.message);
        const plans = result.plans.map((p) => planView(p, pd));
        return { key: definition.key, day: dayText, plans, totals: totals(plans), suggestion: result.suggestion };
      });
    },
  });

  registry.add({
    method: 'post', path: '/api/shops/:shop/campaigns', tag: 'campaigns', summary: 'Saves a campaign (new ones stay paused until launched; a saved one keeps its status)',
    access: WRITE, params: shopParamsSchema, body: campaignTextBodySchema, response: saveCampaignResponseSchema, status: 201,
    handler: async (c, { params, body }) =>
      deps.pool.use(async (db) => {
        const shop = await shopOrThrow(db, params.shop);
        const definition = orInvalid(parse(shop, body.text));
        const existed = (await findCampaign(db, shop.shopId, definition.key)) !== undefined;
        await saveCampaign(db, shop.shopId, definition, 'paused');
        await audit(db, c.get('principal'), 'campaign.save', `shop:${shop.name}/campaign:${definition.key}`, { created: !existed, kind: definition.kind }, c, deps.now());
        const [campaign] = await summaries(db, shop, signName(shop), definition.key);
        if (campaign === undefined) throw new Error(`campaign ${definition.key} vanished after saving`);
        return { created: !existed, campaign };
      }),
  });

  registry.add({
    method: 'post', path: '/api/shops/:shop/campaigns/:key/launch', tag: 'campaigns',
    summary: 'Activates a saved campaign and plans the day: touches are queued for the sender; answers with the plan counts',
    access: WRITE, params: campaignParamsSchema, body: launchBodySchema, response: launchResponseSchema,
    handler: async (c, { params, body }) => {
      const pd = personalDataFor(c.get('principal'));
      return deps.pool.use(async (db) => {
        const shop = await shopOrThrow(db, params.shop);
        const row = await findCampaign(db, shop.shopId, params.key);
        if (row === undefined) throw notFound(`campaign "${params.key}"`, `活动「${params.key}」`);
        const parsed = parseCampaign(JSON.parse(row.definition) as unknown, { signName: signName(shop) });
        if (!parsed.ok) throw invalid(parsed.issues, 'the saved campaign no longer validates (e.g. the SMS signature changed); save it again', '已保存的活动定义已不再有效（例如短信签名已变更）；请重新保存');
        const dayText = body.date ?? shopToday(shop, deps.now());
        await setCampaignStatus(db, shop.shopId, params.key, 'active', null);
        const result = await planDayWithSuggestion(db, {
          quietHours: deps.config.sendingHours,
          campaignId: row.campaignId, definition: parsed.campaign, shop: planShop(shop), day: parseDay(dayText), nowMs: deps.now(),
          smsCostCents: deps.config.sms.costPerSegmentCents, dryRun: false,
        });
        if (!result.ok) {
          await setCampaignStatus(db, shop.shopId, params.key, row.status, row.statusReason);
          throw planFailed(result.message);
        }
        const plans = result.plans.map((p) => planView(p, pd));
        const sum = totals(plans);
        await audit(db, c.get('principal'), 'campaign.launch', `shop:${shop.name}/campaign:${params.key}`, { day: dayText, ...sum }, c, deps.now());
        return { key: params.key, status: 'active' as const, day: dayText, plans, totals: sum };
      });
    },
  });

  registry.add({
    method: 'post', path: '/api/shops/:shop/campaigns/:key/pause', tag: 'campaigns', summary: 'Pauses a campaign: the sender sends none of its queued touches until it is launched again',
    access: WRITE, params: campaignParamsSchema, body: pauseBodySchema, response: pauseResponseSchema,
    handler: async (c, { params, body }) =>
      deps.pool.use(async (db) => {
        const shop = await shopOrThrow(db, params.shop);
        const reason = body.reason ?? `paused by ${c.get('principal').username}`;
        if (!(await setCampaignStatus(db, shop.shopId, params.key, 'paused', reason))) throw notFound(`campaign "${params.key}"`, `活动「${params.key}」`);
        await audit(db, c.get('principal'), 'campaign.pause', `shop:${shop.name}/campaign:${params.key}`, { reason }, c, deps.now());
        return { key: params.key, status: 'paused' as const, statusReason: reason };
      }),
  });
}

async function summaries(db: Db, shop: Shop, signName: string, key?: string): Promise<CampaignSummaryView[]> {
  const rows = await listCampaigns(db, shop.shopId, key);
  const counts = await campaignTouchCounts(db, shop.shopId, key);
  const last = new Map<string, OccurrenceRow>();
  for (const o of await listOccurrences(db, shop.shopId, 1, key)) last.set(o.campaignKey, o);
  return rows.map((r) => summaryView(r, signName, counts.get(r.key)?.touches ?? {}, last.get(r.key) ?? null));
}

function summaryView(r: CampaignRow, signName: string, touches: Record<string, number>, last: OccurrenceRow | null): CampaignSummaryView {
  const parsed = parseCampaign(JSON.parse(r.definition) as unknown, { signName });
  const def: CampaignDefinition | null = parsed.ok ? parsed.campaign : null;
  return {
    key: r.key, name: def?.name ?? { zh: r.name, en: r.name }, kind: r.kind, priority: r.priority, status: r.status, statusReason: r.statusReason,
    holdout: r.holdoutShare, channels: def === null ? [] : [...def.channels], triggerKind: def?.trigger.kind ?? 'unknown', hasOffer: def?.offer != null,
    createdAt: isoInstant(r.createdAtMs), updatedAt: isoInstant(r.updatedAtMs), lastOccurrence: last === null ? null : occurrenceView(last), touches,
  };
}

function occurrenceView(o: OccurrenceRow) {
  return { key: o.key, plannedAt: isoInstant(o.plannedAtMs), audience: o.audience, queued: o.queued, holdout: o.holdout, skipped: o.skipped };
}

const cents = (v: number): number => Math.round(v) / 100;

function planView(p: OccurrencePlan, pd: PersonalData): OccurrencePlanView {
  const byChannel: OccurrencePlanView['byChannel'] = {};
  let messageCents = 0;
  for (const [ch, v] of Object.entries(p.byChannel)) {
    byChannel[ch] = { messages: v.messages, segments: v.segments, cost: cents(v.costCents) };
    messageCents += v.costCents;
  }
  return {
    occurrenceKey: p.occurrenceKey, audience: p.audience, queued: p.queued, holdout: p.holdout, displaced: p.displaced, skipped: { ...p.skipped }, byChannel,
    messageCost: cents(messageCents), couponFaceValue: cents(p.couponFaceValueCents), expectedCouponCost: cents(p.expectedCouponCostCents),
    samples: p.samples.map((s) => ({ customerId: s.customerId, channel: s.channel, variant: s.variant, subject: pd.text(s.subject), body: pd.text(s.body) ?? '' })),
  };
}

function totals(plans: readonly OccurrencePlanView[]) {
  const sum = (f: (p: OccurrencePlanView) => number) => plans.reduce((a, p) => a + f(p), 0);
  return {
    audience: sum((p) => p.audience), queued: sum((p) => p.queued), holdout: sum((p) => p.holdout),
    skipped: sum((p) => Object.values(p.skipped).reduce((a, n) => a + n, 0)),
    messageCost: Math.round(sum((p) => p.messageCost) * 100) / 100, expectedCouponCost: Math.round(sum((p) => p.expectedCouponCost) * 100) / 100,
  };
}

function orInvalid(parsed: { ok: true; campaign: CampaignDefinition } | { ok: false; issues: CampaignIssue[] }): CampaignDefinition {
  if (parsed.ok) return parsed.campaign;
  throw invalid(parsed.issues, 'the campaign is not valid', '活动定义无效');
}

function invalid(issues: readonly CampaignIssue[], message: string, messageZh: string): HttpError {
  return new HttpError('validation_failed', message, messageZh, issues.map((i) => ({ path: i.path === '' ? 'text' : `text.${i.path}`, message: i.message, messageZh: i.messageZh })));
}

function planFailed(message: string): HttpError {
  return new HttpError('validation_failed', `the campaign cannot be planned: ${message}`, `无法计划该活动：${message}`);
}

