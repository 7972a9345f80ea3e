/**
 * Task-list touches are for a person (Wangwang, WeChat, a phone call): instead of a sender, they are exported
 * as a CSV/XLSX list and marked sent in the same transaction, so every task is handed out once.
 */
import { exportTaskList } from '../channels/task-list/task-list-export.ts';
import type { FollowUpTask } from '../channels/task-list/task-list-channel.ts';
import { maskPhone } from '../channels/task-list/phone-mask.ts';
import type { Db } from '../../store/database.ts';

export interface TaskExport {
  readonly tasks: number;
  readonly bytes: Uint8Array;
}

export async function exportDueTasks(db: Db, shopId: number, format: 'csv' | 'xlsx', nowMs: number, fullPhones: boolean): Promise<TaskExport> {
  return db.transaction(async () => {
    const rows = await db.all(
      `SELECT t.touch_id, t.kind, t.idempotency_key, t.body, t.offer_code, c.customer_id, c.name, c.nick, c.phone, k.campaign_key
       FROM touches t JOIN customers c ON c.customer_id = t.customer_id JOIN campaigns k ON k.campaign_id = t.campaign_id
       WHERE t.shop_id = $1 AND t.channel = 'task' AND t.status = 'queued' AND t.not_before <= to_timestamp($2 / 1000.0)
       ORDER BY t.priority DESC, t.touch_id`,
      [shopId, nowMs],
    );
    const created = new Date(nowMs).toISOString();
    const tasks: FollowUpTask[] = rows.map((r) => ({
      id: `task-${String(r['touch_id'])}`,
      listName: String(r['campaign_key']),
      method: 'wangwang',
      createdAt: created,
      idempotencyKey: String(r['idempotency_key']),
      touchId: Number(r['touch_id']),
      kind: r['kind'] === 'care' ? 'care' : 'marketing',
      customerId: String(r['customer_id']),
      customerName: String(r['name'] ?? ''),
      contact: String(r['nick'] ?? ''),
      phone: r['phone'] === null ? '' : fullPhones ? String(r['phone']) : maskPhone(String(r['phone'])),
      suggestedMessage: String(r['body'] ?? ''),
      coupon: String(r['offer_code'] ?? ''),
      dueSku: '',
      reason: String(r['campaign_key']),
    }));
    if (tasks.length > 0) {
      await db.run(
        `UPDATE touches SET status = 'sent', sent_at = to_timestamp($2 / 1000.0), provider_message_id = 'task-export'
         WHERE shop_id = $1 AND channel = 'task' AND status = 'queued' AND touch_id IN (${tasks.map((_, i) => `$${i + 3}`).join(', ')})`,
        [shopId, nowMs, ...tasks.map((t) => t.touchId)],
      );
    }
    return { tasks: tasks.length, bytes: exportTaskList(tasks, format) };
  });
}
