/**
 * A small pool of connections to the store. DuckDB transactions are per connection and not reentrant, so
 * each request borrows its own connection: a long import on one connection never blocks or corrupts a read
 * on another. The first connection (the one the server opened) is kept for the background sender.
 */
import type { Db } from '../store/database.ts';

export class ConnectionPool {
  readonly #root: Db;
  readonly #idle: Db[] = [];
  readonly #waiting: ((db: Db) => void)[] = [];
  readonly #max: number;
  #open = 0;
  #closed = false;

  constructor(root: Db, max = 4) {
    this.#root = root;
    this.#max = max;
  }

  /** Runs fn with a connection of its own; the connection returns to the pool afterwards. */
  async use<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const db = await this.#acquire();
    try {
      return await fn(db);
    } finally {
      this.#release(db);
    }
  }

  async #acquire(): Promise<Db> {
    if (this.#closed) throw new Error('connection pool is closed');
    const idle = this.#idle.pop();
    if (idle !== undefined) return idle;
    if (this.#open < this.#max) {
      this.#open++;
      try {
        return await this.#root.fork();
      } catch (error) {
        this.#open--;
        throw error;
      }
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(db: Db): void {
    const next = this.#waiting.shift();
    if (next !== undefined) next(db);
    else if (this.#closed) db.close();
    else this.#idle.push(db);
  }

  close(): void {
    this.#closed = true;
    for (const db of this.#idle.splice(0)) db.close();
  }
}
