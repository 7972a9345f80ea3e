/** Test support: a shop with one campaign and N queued touches, and a channel that records and answers on script. */
import type { Channel, ChannelCapabilities, OutboundMessage, SendOutcome } from '../../src/engine/channels/channel.ts';
import type { Db } from '../../src/store/database.ts';
import { openStore } from '../../src/store/open-store.ts';

export async function outboxFixture(path: string, touches: number, options: { kind?: 'care' | 'marketing'; channel?: string; campaigns?: number } = {}): Promise<Db> {
  const db = await openStore({ path });
  await db.run(`INSERT INTO shops (name, time_zone) VALUES ('t', 'Asia/Shanghai')`);
  const campaigns = options.campaigns ?? 1;
  for (let c = 1; c <= campaigns; c++) {
    await db.run(
      `INSERT INTO campaigns (campaign_id, shop_id, campaign_key, name, kind, priority, holdout_share, definition, status)
       VALUES ($1, 1, $2, $2, $3, 10, 0, '{}', 'active')`,
      [c, `c${c}`, options.kind ?? 'care'],
    );
  }
  await db.run(
    `INSERT INTO touches (touch_id, shop_id, campaign_id, occurrence_id, customer_id, channel, kind, priority, recipient, body, status,
       not_before, idempotency_key, episode_key)
     SELECT i, 1, 1 + (i % $3), 1, i, $4, $2, 10, '1380000' || lpad(CAST(i AS VARCHAR), 4, '0'), '【t】hello ' || i, 'queued',
       TIMESTAMPTZ '2020-01-01 00:00:00+00', 'k-' || i, 'e'
     FROM range(1, $1 + 1) t(i)`,
    [touches, options.kind ?? 'care', campaigns, options.channel ?? 'sms'],
  );
  return db;
}

export type Script = (message: OutboundMessage, call: number) => SendOutcome | Promise<SendOutcome>;

/** A channel that records every call and answers with `script` (default: success). */
export class RecordingChannel implements Channel {
  readonly calls: OutboundMessage[] = [];
  readonly capabilities: ChannelCapabilities;
  readonly #script: Script;

  constructor(script?: Script, capabilities: Partial<ChannelCapabilities> = {}) {
    this.#script = script ?? ((m) => ({ ok: true, providerMessageId: `p-${m.idempotencyKey}`, segments: 1 }));
    this.capabilities = { kind: 'sms', costPerMessageCents: 5, maxPerSecond: 100_000, segmentChars: 70, maxChars: 500, quietHours: true, idempotencyKeys: true, ...capabilities };
  }

  async send(message: OutboundMessage): Promise<SendOutcome> {
    this.calls.push(message);
    return this.#script(message, this.calls.length);
  }
}

export async function statusCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db.all<{ status: string; n: number }>(`SELECT status, count(*) AS n FROM touches GROUP BY status ORDER BY status`);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
