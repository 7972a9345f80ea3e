/**
 * ImportRequest.onMerge: called once per unit when its rows are read and its merge begins, with the unit's
 * first file, after every progress call of that unit — the CLI shows "merging" and the API job's state
 * becomes `merging` for what is otherwise the longest silent step of a big import.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/paths.ts';
import { csvText, openTestStore, writeFixture } from './e2e-support.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('the merge phase', () => {
  it('is announced once per unit, after the unit has been read', async () => {
    const rows = [['order_id', 'customer_id', 'order_time', 'amount']];
    for (let i = 1; i <= 40_000; i++) rows.push([`A${i}`, `c${i % 900}`, '2025-03-01 10:00:00', '9.90']);
    const a = writeFixture(tmp.path, 'a.csv', csvText(rows));
    const b = writeFixture(tmp.path, 'b.csv', csvText([rows[0]!, ['B1', 'c1', '2025-03-02 10:00:00', '5.00']]));
    const store = await openTestStore();
    const events: string[] = [];
    const report = await store.import([a, b], {
      format: 'canonical',
      onProgress: (file, n) => events.push(`progress ${file} ${n}`),
      onMerge: (file) => events.push(`merge ${file}`),
    });
    expect(report.totals.ordersNew).toBe(40_001);
    expect(events.filter((e) => e.startsWith('merge'))).toEqual(['merge a.csv', 'merge b.csv']);
    // Every progress call of a.csv comes before its merge.
    const mergeA = events.indexOf('merge a.csv');
    expect(events.slice(0, mergeA).every((e) => e.startsWith('progress a.csv'))).toBe(true);
    expect(mergeA).toBeGreaterThan(0);
    store.close();
  });
});
