/**
 * Runs async tasks one at a time, in the order they were queued; a failed task does not stop the ones
 * after it. The sender's connection is shared by the lease heartbeat, the batch's checks and the outcome
 * flushes: a heartbeat statement must never run inside a flush's transaction or beside its open appender.
 */
export class OneAtATime {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Settles once every task queued so far has finished. */
  async idle(): Promise<void> {
    await this.#tail;
  }
}
