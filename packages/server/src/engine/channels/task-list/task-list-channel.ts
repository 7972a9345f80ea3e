/**
 * The task-list Channel: for follow-up by a person on 旺旺 (Wangwang), WeChat or the phone. "Sending"
 * appends a task row (who, how to reach them, a suggested message, coupon, due SKU, reason) to a list that
 * staff export as CSV/XLSX. Costs nothing, ignores quiet hours (a person decides when to call) and
 * de-duplicates on the idempotency key.
 */
import type { Channel, ChannelCapabilities, OutboundMessage, SendOutcome } from '../channel.ts';
import { maskPhone } from './phone-mask.ts';

export type FollowUpMethod = 'wangwang' | 'wechat' | 'phone';

/** One follow-up task row. */
export interface FollowUpTask {
  readonly id: string;
  /** The list the task belongs to (the message's `to`). */
  readonly listName: string;
  readonly method: FollowUpMethod;
  readonly createdAt: string;
  readonly idempotencyKey: string;
  readonly touchId: number;
  readonly kind: 'care' | 'marketing';
  readonly customerId: string;
  readonly customerName: string;
  /** 旺旺名 / WeChat id / nickname to look the customer up by. */
  readonly contact: string;
  /** Masked unless the channel was created with phoneDisplay 'full'. */
  readonly phone: string;
  readonly suggestedMessage: string;
  readonly coupon: string;
  readonly dueSku: string;
  readonly reason: string;
}

/** OutboundMessage.metadata keys the task-list channel reads. */
export const TASK_METADATA_KEYS = Object.freeze({
  customerId: 'customerId',
  customerName: 'customerName',
  contact: 'customerNick',
  phone: 'phone',
  coupon: 'couponCode',
  dueSku: 'dueSkuTitle',
  reason: 'reason',
  method: 'followUpMethod',
});

/** Where tasks are kept. append is idempotent on the task's idempotencyKey. */
export interface TaskListStore {
  append(task: FollowUpTask): Promise<{ readonly id: string; readonly created: boolean }>;
}

/** An in-memory store (tests, previews, single-process use). */
export class MemoryTaskListStore implements TaskListStore {
  private readonly byKey = new Map<string, FollowUpTask>();

  append(task: FollowUpTask): Promise<{ id: string; created: boolean }> {
    const existing = this.byKey.get(task.idempotencyKey);
    if (existing !== undefined) return Promise.resolve({ id: existing.id, created: false });
    this.byKey.set(task.idempotencyKey, task);
    return Promise.resolve({ id: task.id, created: true });
  }

  /** Tasks in insertion order, optionally of one list. */
  tasks(listName?: string): FollowUpTask[] {
    return [...this.byKey.values()].filter((t) => listName === undefined || t.listName === listName);
  }
}

export interface TaskListChannelOptions {
  readonly store: TaskListStore;
  /** 'masked' (default) shows `138****1234`; 'full' only for lists handled by staff with the PII permission. */
  readonly phoneDisplay?: 'masked' | 'full';
  /** Method when the message's metadata does not name one; default 'wangwang'. */
  readonly method?: FollowUpMethod;
  readonly now?: () => number;
}

const METHODS: ReadonlySet<string> = new Set<FollowUpMethod>(['wangwang', 'wechat', 'phone']);

/** Creates a task-list channel writing to `options.store`. */
export function createTaskListChannel(options: TaskListChannelOptions): Channel {
  const now = options.now ?? Date.now;
  const capabilities: ChannelCapabilities = Object.freeze({
    kind: 'task',
    costPerMessageCents: 0,
    maxPerSecond: 1000,
    segmentChars: null,
    maxChars: null,
    quietHours: false,
    idempotencyKeys: true,
  });

  async function send(message: OutboundMessage): Promise<SendOutcome> {
    const meta = (key: keyof typeof TASK_METADATA_KEYS): string => message.metadata[TASK_METADATA_KEYS[key]]?.trim() ?? '';
    const method = meta('method');
    if (method !== '' && !METHODS.has(method)) {
      return { ok: false, failure: { type: 'permanent', reason: 'bad_request', message: `unknown follow-up method "${method}"` } };
    }
    const phone = meta('phone');
    const task: FollowUpTask = {
      id: `task-${message.touchId}-${message.idempotencyKey}`,
      listName: message.to,
      method: method === '' ? (options.method ?? 'wangwang') : (method as FollowUpMethod),
      createdAt: new Date(now()).toISOString(),
      idempotencyKey: message.idempotencyKey,
      touchId: message.touchId,
      kind: message.kind,
      customerId: meta('customerId'),
      customerName: meta('customerName'),
      contact: meta('contact'),
      phone: options.phoneDisplay === 'full' ? phone : maskPhone(phone),
      suggestedMessage: message.body,
      coupon: meta('coupon'),
      dueSku: meta('dueSku'),
      reason: meta('reason'),
    };
    const stored = await options.store.append(task);
    return { ok: true, providerMessageId: stored.id, segments: 1 };
  }

  return { capabilities, send };
}
