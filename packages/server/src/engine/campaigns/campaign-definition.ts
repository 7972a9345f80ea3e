/**
 * Campaign definitions: files a seller keeps in version control (YAML or JSON). Parsing checks every part
 * and reports issues with the path of the mistake, in Chinese and English; nothing is half-accepted.
 *
 *   key: winback-silent                       # stable id: lower-case letters, digits, - and _
 *   name: 沉默客户召回                          # or { zh: …, en: … }
 *   kind: marketing                           # care (no offer, no consent needed) or marketing
 *   priority: 60                              # 0–100; higher displaces lower within the frequency cap
 *   trigger: { kind: recurring, cron: "0 10 * * 1" }
 *   audience: { all: [ { lifecycle: silent }, { consent: sms } ] }   # or everyone: true
 *   channels: [sms, task]                     # in order of preference
 *   holdout: 0.1                              # share kept out to measure uplift (0–0.5)
 *   offer: { kind: threshold, threshold: 150, amount: 20, validDays: 14 }   # yuan
 *   attribution: { windowDays: 7 }           # orders this many days after the send count for results (1–90)
 *   content:
 *     sms: [ { key: A, text: "【示范店】{{customer.name | default:\"亲\"}}…回T退订" }, { key: B, text: … } ]
 *     email: { subject: …, text: …, html: … }
 *     task: { text: … }
 */
import { parseTrigger as parseTriggerDoc } from '@huitou/core';
import type { Offer, TriggerSpec } from '@huitou/core';
import { parse as parseYaml } from 'yaml';
import { parseAudienceRule } from '../audience/index.ts';
import { isRecord } from './definition-parts.ts';
import type { Add } from './definition-parts.ts';
import { parseAttribution } from './parse-attribution.ts';
import type { Attribution } from './parse-attribution.ts';
import { parseOffer } from './parse-offer.ts';
import type { AudienceRule } from '../audience/index.ts';
import { compileTemplate, SELLER_VARIABLE_PATHS, validateSmsTemplate } from '../templates/index.ts';
import type { CompiledTemplate } from '../templates/index.ts';

export const CAMPAIGN_CHANNELS = ['sms', 'email', 'webhook', 'task'] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

export interface ContentVariant {
  readonly key: string;
  readonly weight: number;
  readonly subject: CompiledTemplate | null;
  readonly text: CompiledTemplate;
  readonly html: CompiledTemplate | null;
}

export interface CampaignDefinition {
  readonly key: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly kind: 'care' | 'marketing';
  readonly priority: number;
  readonly trigger: TriggerSpec;
  readonly audience: AudienceRule;
  readonly channels: readonly CampaignChannel[];
  readonly holdout: number;
  readonly offer: Offer | null;
  /** How campaign results attribute orders (optional in the file; windowDays defaults to 7). */
  readonly attribution: Attribution;
  readonly content: Readonly<Partial<Record<CampaignChannel, readonly ContentVariant[]>>>;
  /** The document as written, stored with the campaign. */
  readonly source: unknown;
}

export interface CampaignIssue {
  readonly path: string;
  readonly message: string;
  readonly messageZh: string;
}

export interface ParseCampaignOptions {
  /** The shop's SMS signature (签名), e.g. 回头客示范店: SMS texts must carry 【…】 with it. */
  readonly signName: string;
  readonly tiers?: readonly string[];
}

const KEY = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const TOP_KEYS = ['key', 'name', 'kind', 'priority', 'trigger', 'audience', 'channels', 'holdout', 'offer', 'attribution', 'content'];

/** Parses YAML or JSON text (YAML is a superset) into a campaign. */
export function parseCampaignText(text: string, options: ParseCampaignOptions): { ok: true; campaign: CampaignDefinition } | { ok: false; issues: CampaignIssue[] } {
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: '', message: `not valid YAML or JSON: ${message}`, messageZh: `不是有效的 YAML 或 JSON：${message}` }] };
  }
  return parseCampaign(doc, options);
}

export function parseCampaign(doc: unknown, options: ParseCampaignOptions): { ok: true; campaign: CampaignDefinition } | { ok: false; issues: CampaignIssue[] } {
  const issues: CampaignIssue[] = [];
  const add = (path: string, message: string, messageZh: string) => issues.push({ path, message, messageZh });
  if (!isRecord(doc)) return { ok: false, issues: [{ path: '', message: 'a campaign must be an object', messageZh: '活动定义必须是一个对象' }] };
  for (const k of Object.keys(doc)) if (!TOP_KEYS.includes(k)) add(k, `unknown key "${k}"; expected ${TOP_KEYS.join(', ')}`, `未知字段 "${k}"`);
  const key = doc['key'];
  if (typeof key !== 'string' || !KEY.test(key)) add('key', 'key must be lower-case letters, digits, - or _ (up to 63)', 'key 只能包含小写字母、数字、- 和 _');
  const name = parseName(doc['name'], add);
  const kind = doc['kind'];
  if (kind !== 'care' && kind !== 'marketing') add('kind', 'kind must be care or marketing', 'kind 必须是 care（关怀）或 marketing（营销）');
  const priority = doc['priority'] ?? 50;
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0 || priority > 100) add('priority', 'priority must be a whole number 0–100', 'priority 必须是 0–100 的整数');
  const holdout = doc['holdout'] ?? 0.1;
  if (typeof holdout !== 'number' || !(holdout >= 0 && holdout <= 0.5)) add('holdout', 'holdout must be a share from 0 to 0.5', 'holdout 必须是 0 到 0.5 之间的比例');
  const trigger = parseTrigger(doc['trigger'], add);
  const audienceDoc = doc['audience'] ?? { everyone: true };
  const audience = parseAudienceRule(audienceDoc, options.tiers === undefined ? {} : { tiers: options.tiers });
  if (!audience.ok) for (const i of audience.issues) add(['audience', ...i.path].join('.'), i.message, i.messageZh);
  const channels = parseChannels(doc['channels'], add);
  const offer = parseOffer(doc['offer'], kind, add);
  const attribution = parseAttribution(doc['attribution'], add);
  const content = parseContent(doc['content'], channels, kind === 'care' ? 'care' : 'marketing', options.signName, add);
  if (issues.length > 0 || !audience.ok || trigger === null || channels === null || content === null || name === null || attribution === null) return { ok: false, issues };
  return {
    ok: true,
    campaign: {
      key: String(key), name, kind: kind === 'care' ? 'care' : 'marketing', priority: Number(priority), trigger, audience: audience.rule,
      channels, holdout: Number(holdout), offer, attribution, content, source: doc,
    },
  };
}


function parseName(v: unknown, add: Add): { zh: string; en: string } | null {
  if (typeof v === 'string' && v.trim() !== '' && v.length <= 100) return { zh: v, en: v };
  if (isRecord(v) && typeof v['zh'] === 'string' && typeof v['en'] === 'string') return { zh: v['zh'], en: v['en'] };
  add('name', 'name must be text, or { zh, en }', 'name 必须是文字，或 { zh, en }');
  return null;
}

function parseTrigger(v: unknown, add: Add): TriggerSpec | null {
  const parsed = parseTriggerDoc(v);
  if (parsed.ok) return parsed.spec;
  for (const p of parsed.issues) add(p.path === '' ? 'trigger' : `trigger.${p.path}`, p.message, p.messageZh);
  return null;
}

function parseChannels(v: unknown, add: Add): CampaignChannel[] | null {
  const list = Array.isArray(v) ? v : typeof v === 'string' ? [v] : null;
  if (list === null || list.length === 0) {
    add('channels', `channels must list one or more of ${CAMPAIGN_CHANNELS.join(', ')}`, `channels 必须列出至少一个渠道：${CAMPAIGN_CHANNELS.join('、')}`);
    return null;
  }
  const out: CampaignChannel[] = [];
  list.forEach((c: unknown, i) => {
    const found = CAMPAIGN_CHANNELS.find((k) => k === c);
    if (found === undefined) add(`channels.${i}`, `unknown channel ${JSON.stringify(c)}`, `未知渠道 ${JSON.stringify(c)}`);
    else out.push(found);
  });
  return out.length === list.length ? out : null;
}

function parseContent(
  v: unknown,
  channels: readonly CampaignChannel[] | null,
  kind: 'care' | 'marketing',
  signName: string,
  add: Add,
): Partial<Record<CampaignChannel, ContentVariant[]>> | null {
  if (!isRecord(v)) {
    add('content', 'content must give the text for each channel', 'content 必须给出每个渠道的内容');
    return null;
  }
  const out: Partial<Record<CampaignChannel, ContentVariant[]>> = {};
  let ok = true;
  for (const channel of channels ?? []) {
    const raw = v[channel];
    const variants = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    if (variants.length === 0) {
      add(`content.${channel}`, `no content for channel ${channel}`, `缺少渠道 ${channel} 的内容`);
      ok = false;
      continue;
    }
    const parsed: ContentVariant[] = [];
    variants.forEach((item: unknown, i) => {
      const path = `content.${channel}.${i}`;
      if (!isRecord(item) || typeof item['text'] !== 'string') {
        add(path, 'each content variant needs a text', '每个内容版本都需要 text');
        ok = false;
        return;
      }
      const text = compile(item['text'], `${path}.text`, add);
      const subject = typeof item['subject'] === 'string' ? compile(item['subject'], `${path}.subject`, add) : null;
      const html = typeof item['html'] === 'string' ? compile(item['html'], `${path}.html`, add) : null;
      if (channel === 'sms') {
        for (const issue of validateSmsTemplate(item['text'], { signName, kind })) add(`${path}.text`, issue.message, issue.messageZh);
      }
      if (channel === 'email' && subject === null) add(`${path}.subject`, 'an email needs a subject', '邮件需要主题');
      const weight = item['weight'] ?? 1;
      if (typeof weight !== 'number' || !(weight > 0)) add(`${path}.weight`, 'weight must be a positive number', 'weight 必须是正数');
      if (text === null) ok = false;
      else parsed.push({ key: typeof item['key'] === 'string' ? item['key'] : String.fromCharCode(65 + i), weight: Number(weight) || 1, subject, text, html });
    });
    out[channel] = parsed;
  }
  return ok ? out : null;
}

function compile(source: string, path: string, add: Add): CompiledTemplate | null {
  const result = compileTemplate(source, { variables: SELLER_VARIABLE_PATHS });
  if (result.ok) return result.template;
  for (const i of result.issues) add(path, i.message, i.messageZh);
  return null;
}
