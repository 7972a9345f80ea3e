/**
 * The customers an occurrence reaches, with everything the planner decides on: contact points, consent
 * and suppression per channel, recent touches for the frequency caps, and — only when a template asks for
 * them — the last product bought and the next due SKU. One parameterised query; user values are bound.
 */
import type { Db, SqlValue } from '../../store/database.ts';
import { textOrNull } from '../../store/row-values.ts';
import { compileAudience } from '../audience/index.ts';
import type { AudienceRule } from '../audience/index.ts';
import type { Occurrence } from './occurrences.ts';

export interface Candidate {
  readonly customerId: number;
  readonly name: string | null;
  readonly nick: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly tier: string | null;
  /** The customer's own IANA zone when known (quiet hours follow the recipient), else null. */
  readonly timeZone: string | null;
  readonly episode: string;
  readonly consentSms: string | null;
  readonly consentEmail: string | null;
  readonly suppressedSms: boolean;
  readonly suppressedEmail: boolean;
  /** Marketing touches sent within the marketing cap window. */
  readonly sentMarketing: number;
  /** Highest priority among marketing touches still queued within the window (null when none). */
  readonly queuedMarketingPriority: number | null;
  readonly marketingSmsInMonth: number;
  readonly careInDay: number;
  readonly lastProduct: string | null;
  readonly dueSku: string | null;
  readonly dueOn: string | null;
}

export interface CandidateQuery {
  readonly shopId: number;
  readonly campaignId: number;
  readonly audience: AudienceRule;
  readonly occurrence: Occurrence;
  readonly asOfDay: number;
  readonly timeZone: string;
  readonly nowMs: number;
  readonly marketingWindowDays: number;
  readonly needLastProduct: boolean;
  readonly needDueSku: boolean;
}

const DAY_MS = 86_400_000;
const VALID = `('paid', 'shipped', 'completed', 'partially_refunded')`;

export async function findCandidates(db: Db, q: CandidateQuery): Promise<Candidate[]> {
  const audience = compileAudience(q.audience, { shopId: q.shopId, asOf: q.asOfDay, timeZone: q.timeZone, startParam: 1 });
  const params: SqlValue[] = [...audience.params];
  const bind = (v: SqlValue) => {
    params.push(v);
    return `$${params.length}`;
  };
  const occurrenceKey = bind(q.occurrence.key);
  const episode = q.occurrence.episode === null ? occurrenceKey : q.occurrence.episode(bind);
  const filter = q.occurrence.filter === null ? 'true' : q.occurrence.filter(bind);
  const campaign = bind(q.campaignId);
  const since = (days: number) => `to_timestamp(${bind((q.nowMs - days * DAY_MS) / 1000)})`;
  const until = `to_timestamp(${bind((q.nowMs + q.marketingWindowDays * DAY_MS) / 1000)})`;
  const latestConsent = (channel: string) =>
    `(SELECT e.status FROM consent_events e WHERE e.shop_id = c.shop_id AND e.customer_id = c.customer_id AND e.channel = '${channel}'
      ORDER BY e.recorded_at DESC, e.event_id DESC LIMIT 1)`;
  const lastProduct = q.needLastProduct
    ? `(SELECT l.title FROM orders o JOIN order_lines l ON l.shop_id = o.shop_id AND l.order_key = o.order_key
        WHERE o.shop_id = c.shop_id AND o.customer_id = c.customer_id AND o.status IN ${VALID} ORDER BY o.order_time DESC, l.line_seq LIMIT 1)`
    : 'NULL';
  const due = q.needDueSku
    ? `(SELECT coalesce(p.title, d.product_key) || '|' || CAST(d.due_on AS VARCHAR) FROM customer_sku_due d
        LEFT JOIN products p ON p.shop_id = d.shop_id AND p.product_key = d.product_key
        WHERE d.shop_id = c.shop_id AND d.customer_id = c.customer_id ORDER BY d.due_on LIMIT 1)`
    : 'NULL';
  const rows = await db.all(
    `SELECT c.customer_id, c.name, c.nick, c.phone, c.email, a.tier, c.time_zone, ${episode} AS episode,
       ${latestConsent('sms')} AS consent_sms, ${latestConsent('email')} AS consent_email,
       EXISTS (SELECT 1 FROM suppressions s WHERE s.shop_id = c.shop_id AND s.channel = 'sms' AND s.address = c.phone) AS sup_sms,
       EXISTS (SELECT 1 FROM suppressions s WHERE s.shop_id = c.shop_id AND s.channel = 'email' AND s.address = c.email) AS sup_email,
       (SELECT count(*) FROM touches t WHERE t.shop_id = c.shop_id AND t.customer_id = c.customer_id AND t.kind = 'marketing'
          AND t.status = 'sent' AND t.sent_at >= ${since(q.marketingWindowDays)}) AS sent_mkt,
       (SELECT max(t.priority) FROM touches t WHERE t.shop_id = c.shop_id AND t.customer_id = c.customer_id AND t.kind = 'marketing'
          AND t.status IN ('queued', 'sending') AND t.not_before < ${until}) AS queued_mkt_priority,
       (SELECT count(*) FROM touches t WHERE t.shop_id = c.shop_id AND t.customer_id = c.customer_id AND t.kind = 'marketing' AND t.channel = 'sms'
          AND t.status IN ('queued', 'sending', 'sent') AND coalesce(t.sent_at, t.not_before) >= ${since(30)}) AS sms_month,
       (SELECT count(*) FROM touches t WHERE t.shop_id = c.shop_id AND t.customer_id = c.customer_id AND t.kind = 'care'
          AND t.status IN ('queued', 'sending', 'sent') AND coalesce(t.sent_at, t.not_before) >= ${since(1)}) AS care_day,
       ${lastProduct} AS last_product, ${due} AS due
     FROM customers c LEFT JOIN customer_analysis a ON a.shop_id = c.shop_id AND a.customer_id = c.customer_id
     WHERE ${audience.where} AND ${filter}
       AND NOT EXISTS (SELECT 1 FROM touches t JOIN campaign_occurrences o ON o.occurrence_id = t.occurrence_id
                       WHERE t.campaign_id = ${campaign} AND t.customer_id = c.customer_id
                         AND (o.occurrence_key = ${occurrenceKey} OR t.episode_key = ${episode}))
     ORDER BY c.customer_id`,
    params,
  );
  return rows.map((r) => {
    const dueText = textOrNull(r['due']);
    const bar = dueText === null ? -1 : dueText.lastIndexOf('|');
    return {
      customerId: Number(r['customer_id']),
      name: textOrNull(r['name']),
      nick: textOrNull(r['nick']),
      phone: textOrNull(r['phone']),
      email: textOrNull(r['email']),
      tier: textOrNull(r['tier']),
      timeZone: textOrNull(r['time_zone']),
      episode: String(r['episode'] ?? q.occurrence.key),
      consentSms: textOrNull(r['consent_sms']),
      consentEmail: textOrNull(r['consent_email']),
      suppressedSms: r['sup_sms'] === true,
      suppressedEmail: r['sup_email'] === true,
      sentMarketing: Number(r['sent_mkt'] ?? 0),
      queuedMarketingPriority: r['queued_mkt_priority'] === null ? null : Number(r['queued_mkt_priority']),
      marketingSmsInMonth: Number(r['sms_month'] ?? 0),
      careInDay: Number(r['care_day'] ?? 0),
      lastProduct: textOrNull(r['last_product']),
      dueSku: dueText === null ? null : dueText.slice(0, bar),
      dueOn: dueText === null ? null : dueText.slice(bar + 1),
    };
  });
}
