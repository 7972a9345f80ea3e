import { describe, expect, it } from 'vitest';
import { OneAtATime } from './one-at-a-time.ts';

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('OneAtATime', () => {
  it('runs queued tasks one after another in queue order, never two at once', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, ms: number) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await tick(ms);
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all([queue.run(task('a', 20)), queue.run(task('b', 1)), queue.run(task('c', 5))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('passes a failure to its caller and still runs the tasks queued after it', async () => {
    const queue = new OneAtATime();
    const failed = queue.run(async () => {
      throw new Error('boom');
    });
    const after = queue.run(async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(after).resolves.toBe('ran');
  });

  it('idle settles only after every task queued before it', async () => {
    const queue = new OneAtATime();
    let done = false;
    void queue.run(async () => {
      await tick(15);
      done = true;
    });
    void queue.run(async () => {
      throw new Error('ignored by idle');
    }).catch(() => undefined);
    await queue.idle();
    expect(done).toBe(true);
  });
});
