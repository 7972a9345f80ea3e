/**
 * Records what happened to leased touches, in one statement per batch: outcomes are appended to a temp
 * table on this connection, then one UPDATE applies them — only to touches still leased by this sender
 * (a sender whose lease expired and was taken over must not overwrite the new owner's result).
 */
import type { Db } from '../../store/database.ts';

export type TouchOutcome =
  | { readonly touchId: number; readonly status: 'sent'; readonly providerMessageId: string; readonly costCents: number; readonly atMs: number }
  | { readonly touchId: number; readonly status: 'queued'; readonly notBeforeMs: number; readonly error: string | null; readonly refundAttempt: boolean }
  | { readonly touchId: number; readonly status: 'dead'; readonly error: string }
  | { readonly touchId: number; readonly status: 'skipped'; readonly reason: string };

export async function recordOutcomes(db: Db, owner: string, outcomes: readonly TouchOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await db.run(
    `CREATE TEMP TABLE IF NOT EXISTS o_outcomes (touch_id BIGINT, status VARCHAR, provider_message_id VARCHAR, cost_cents DOUBLE PRECISION,
       at_ms DOUBLE PRECISION, not_before_ms DOUBLE PRECISION, error VARCHAR, skip_reason VARCHAR, refund_attempt BOOLEAN)`,
  );
  await db.transaction(async () => {
    await db.run(`DELETE FROM o_outcomes`);
    const w = await db.bulkWriter('o_outcomes', [
      { name: 'touch_id', type: 'double' },
      { name: 'status', type: 'text' },
      { name: 'provider_message_id', type: 'text' },
      { name: 'cost_cents', type: 'double' },
      { name: 'at_ms', type: 'double' },
      { name: 'not_before_ms', type: 'double' },
      { name: 'error', type: 'text' },
      { name: 'skip_reason', type: 'text' },
      { name: 'refund_attempt', type: 'bool' },
    ]);
    for (const o of outcomes) {
      switch (o.status) {
        case 'sent':
          w.appendRow([o.touchId, 'sent', o.providerMessageId, o.costCents, o.atMs, null, null, null, false]);
          break;
        case 'queued':
          w.appendRow([o.touchId, 'queued', null, null, null, o.notBeforeMs, o.error, null, o.refundAttempt]);
          break;
        case 'dead':
          w.appendRow([o.touchId, 'dead', null, null, null, null, o.error, null, false]);
          break;
        case 'skipped':
          w.appendRow([o.touchId, 'skipped', null, null, null, null, null, o.reason, false]);
          break;
      }
    }
    await w.close();
    await db.run(
      `UPDATE touches SET
         status = o.status,
         provider_message_id = coalesce(o.provider_message_id, touches.provider_message_id),
         cost_cents = coalesce(o.cost_cents, touches.cost_cents),
         sent_at = CASE WHEN o.at_ms IS NULL THEN touches.sent_at ELSE to_timestamp(o.at_ms / 1000.0) END,
         not_before = CASE WHEN o.not_before_ms IS NULL THEN touches.not_before ELSE to_timestamp(o.not_before_ms / 1000.0) END,
         last_error = coalesce(o.error, touches.last_error),
         skip_reason = coalesce(o.skip_reason, touches.skip_reason),
         attempts = CASE WHEN o.refund_attempt THEN touches.attempts - 1 ELSE touches.attempts END,
         lease_owner = NULL,
         lease_until = NULL
       FROM o_outcomes o
       WHERE touches.touch_id = o.touch_id AND touches.status = 'sending' AND touches.lease_owner = $1`,
      [owner],
    );
  });
}
