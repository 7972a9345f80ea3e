/**
 * What the simulator remembers: accepted messages (in memory and optionally as JSONL), the idempotency
 * index (provider + key + phone → original message id), counters, and used Aliyun nonces.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import type { SimMessage, SimProvider, SimStats } from './sim-types.ts';

function emptyStats(): SimStats {
  return {
    requests: 0, accepted: 0, duplicates: 0, segments: 0, authFailures: 0, badRequests: 0, rateLimited: 0,
    injectedServerErrors: 0, injectedRateLimits: 0, injectedDelays: 0, injectedHangs: 0, permanentErrors: 0,
    repliesForwarded: 0, byProvider: { aliyun: 0, tencent: 0 },
  };
}

/** Mutable simulator state; one per simulator. */
export class SimState {
  #messages: SimMessage[] = [];
  #byKey = new Map<string, SimMessage>();
  #lastByPhone = new Map<string, SimMessage>();
  #nonces = new Set<string>();
  #stats: SimStats = emptyStats();
  #sequence = 0;
  readonly #writer: WriteStream | null;

  constructor(recordFile: string | null) {
    this.#writer = recordFile === null ? null : createWriteStream(recordFile, { flags: 'a', encoding: 'utf8' });
  }

  get stats(): SimStats {
    return this.#stats;
  }

  /** A copy of the recorded messages, oldest first. */
  messages(): SimMessage[] {
    return [...this.#messages];
  }

  /** The message already accepted under this idempotency key for this phone, if any. */
  findDuplicate(provider: SimProvider, key: string | null, phone: string): SimMessage | null {
    if (key === null || key === '') return null;
    return this.#byKey.get(`${provider}\u0000${key}\u0000${phone}`) ?? null;
  }

  /** The most recent message to a phone (E.164), to sign replies the way the customer saw them. */
  lastTo(phone: string): SimMessage | null {
    return this.#lastByPhone.get(phone) ?? null;
  }

  /** Records an accepted message and indexes its idempotency key. */
  record(message: SimMessage): void {
    this.#messages.push(message);
    this.#lastByPhone.set(message.phone, message);
    if (message.idempotencyKey !== null && message.idempotencyKey !== '') {
      this.#byKey.set(`${message.provider}\u0000${message.idempotencyKey}\u0000${message.phone}`, message);
    }
    this.#stats.accepted += 1;
    this.#stats.segments += message.segments;
    this.#stats.byProvider[message.provider] += 1;
    this.#writer?.write(`${JSON.stringify(message)}\n`);
  }

  /** False when the nonce was seen before (Aliyun SignatureNonceUsed); remembers it otherwise. */
  useNonce(nonce: string): boolean {
    if (this.#nonces.has(nonce)) return false;
    this.#nonces.add(nonce);
    return true;
  }

  /** A fresh sequence number for provider ids and reply sequence ids. */
  nextSequence(): number {
    this.#sequence += 1;
    return this.#sequence;
  }

  /** Forgets messages, keys, nonces and counters (the JSONL file is left as written). */
  reset(): void {
    this.#messages = [];
    this.#byKey.clear();
    this.#lastByPhone.clear();
    this.#nonces.clear();
    this.#stats = emptyStats();
  }

  /** Flushes and closes the JSONL file. */
  async close(): Promise<void> {
    const writer = this.#writer;
    if (writer === null) return;
    await new Promise<void>((resolve) => writer.end(resolve));
  }
}
