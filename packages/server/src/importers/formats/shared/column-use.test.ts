import { describe, expect, it } from 'vitest';
import { collectColumnUse, projectionFor } from './column-use.ts';
import { RowScope } from './row-scope.ts';

const ctx = { file: 't.csv', timeZone: 'Asia/Shanghai', columnMap: null };

describe('column use', () => {
  it('projects the resolved columns and throws when a left-out cell is read later', () => {
    const { result: f, uses } = collectColumnUse(() => new RowScope(['a', 'b', 'c'], ctx));
    const b = f.col('b');
    const wanted = projectionFor(uses, 3);
    expect([...(wanted ?? [])]).toEqual([0, 1, 0]);
    f.start({ line: 2, cells: ['', 'x', ''] }, { order() {}, line() {}, customer() {}, contact() {}, issue() {} });
    expect(f.text(b)).toBe('x');
    expect(() => f.text({ index: 2, name: 'c' })).toThrow(/left out/);
  });
  it('does not project for a mapper that reads a column it never resolved', () => {
    const { result: f, uses } = collectColumnUse(() => new RowScope(['a', 'b'], ctx));
    f.col('a');
    f.start({ line: 2, cells: ['1', '2'] }, { order() {}, line() {}, customer() {}, contact() {}, issue() {} });
    expect(f.text({ index: 1, name: 'b' })).toBe('2');
    expect(projectionFor(uses, 2)).toBeNull();
  });
});
