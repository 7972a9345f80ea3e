/**
 * The per-customer decisions of planning, pure: the channel (first in the campaign's order the customer can
 * receive on — consent for marketing, not suppressed, has the address), the frequency caps with priorities,
 * the variant, and holdout (stable by campaign and customer).
 *
 * Holdout is drawn last, only from customers who would otherwise have been queued: a customer without
 * consent, an address or room under the caps is skipped whichever group the hash puts them in. So the
 * holdout is comparable with the treated group (campaign results compare the two), and holding someone out
 * never uses up a frequency cap.
 */
import type { CampaignChannel, CampaignDefinition } from './campaign-definition.ts';
import type { Candidate } from './plan-candidates.ts';

export interface FrequencyCaps {
  /** At most this many marketing touches per customer within `marketingWindowDays`, across channels. */
  readonly marketingPerWindow: number;
  readonly marketingWindowDays: number;
  /** At most this many marketing SMS per customer in 30 days. */
  readonly marketingSmsPerMonth: number;
  /** Care touches are capped on their own: at most this many per customer per day. */
  readonly carePerDay: number;
}

export const DEFAULT_CAPS: FrequencyCaps = Object.freeze({ marketingPerWindow: 1, marketingWindowDays: 3, marketingSmsPerMonth: 4, carePerDay: 1 });

export type Decision =
  /** `channel` is the one the customer would have been sent on. */
  | { readonly status: 'holdout'; readonly channel: CampaignChannel }
  | { readonly status: 'skipped'; readonly channel: CampaignChannel; readonly reason: string }
  | { readonly status: 'queued'; readonly channel: CampaignChannel; readonly recipient: string; readonly variant: number; readonly displaces: boolean };

/**
 * A stable number in [0, 1) from text, for holdout and variant assignment: FNV-1a, then murmur3's fmix32
 * finaliser (FNV alone leaves the high bits correlated for short keys that differ in their last digits).
 */
export function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x1_0000_0000;
}

export function decideTouch(def: CampaignDefinition, c: Candidate, caps: FrequencyCaps): Decision {
  const d = decideSend(def, c, caps);
  if (d.status === 'queued' && unitHash(`${def.key}|holdout|${c.customerId}`) < def.holdout) return { status: 'holdout', channel: d.channel };
  return d;
}

function decideSend(def: CampaignDefinition, c: Candidate, caps: FrequencyCaps): Decision {
  const first = def.channels[0] ?? 'sms';
  const marketing = def.kind === 'marketing';
  if (!marketing && c.careInDay >= caps.carePerDay) return { status: 'skipped', channel: first, reason: 'care_cap' };
  let displaces = false;
  if (marketing) {
    if (c.sentMarketing >= caps.marketingPerWindow) return { status: 'skipped', channel: first, reason: 'frequency_cap' };
    if (c.queuedMarketingPriority !== null) {
      if (def.priority <= c.queuedMarketingPriority) return { status: 'skipped', channel: first, reason: 'frequency_cap_lower_priority' };
      displaces = true;
    }
  }
  let firstReason: string | null = null;
  for (const channel of def.channels) {
    const reason = blockedOn(channel, c, marketing, caps);
    if (reason === null) {
      const variants = def.content[channel] ?? [];
      return { status: 'queued', channel, recipient: recipientOf(channel, c), variant: pickVariant(def.key, c.customerId, variants.map((v) => v.weight)), displaces };
    }
    firstReason ??= reason;
  }
  return { status: 'skipped', channel: first, reason: firstReason ?? 'no_channel' };
}

function blockedOn(channel: CampaignChannel, c: Candidate, marketing: boolean, caps: FrequencyCaps): string | null {
  switch (channel) {
    case 'sms':
      if (c.phone === null) return 'no_phone';
      if (c.suppressedSms) return 'opted_out';
      if (marketing && c.consentSms !== 'granted') return c.consentSms === null ? 'no_consent' : 'consent_revoked';
      if (marketing && c.marketingSmsInMonth >= caps.marketingSmsPerMonth) return 'sms_monthly_cap';
      return null;
    case 'email':
      if (c.email === null) return 'no_email';
      if (c.suppressedEmail) return 'opted_out';
      if (marketing && c.consentEmail !== 'granted') return c.consentEmail === null ? 'no_consent' : 'consent_revoked';
      return null;
    case 'task':
    case 'webhook':
      return null;
  }
}

function recipientOf(channel: CampaignChannel, c: Candidate): string {
  switch (channel) {
    case 'sms':
      return c.phone ?? '';
    case 'email':
      return c.email ?? '';
    case 'task':
    case 'webhook':
      return c.nick ?? c.name ?? c.phone ?? String(c.customerId);
  }
}

function pickVariant(key: string, customerId: number, weights: readonly number[]): number {
  const total = weights.reduce((a, w) => a + w, 0);
  if (weights.length <= 1 || total <= 0) return 0;
  let x = unitHash(`${key}|variant|${customerId}`) * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return i;
  }
  return weights.length - 1;
}
