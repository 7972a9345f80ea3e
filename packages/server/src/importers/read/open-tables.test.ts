import { afterAll, describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { ImportFileError } from '../import-issue.ts';
import { csvRowBatches } from './csv-source.ts';
import { resolveLimits } from './limits.ts';
import { openTables } from './open-tables.ts';
import { readAll, tempDir } from './test-files.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

// Synthetic data only: invented names, masked phones, example.com addresses.
const FIXTURE =
  '订单编号,买家会员名,收货地址,实付金额,备注\r\n' +
  '="5118600000000000001",张小三,"浙江省 杭州市 西湖区 某某路1号",128.50,"含逗号,和""引号"""\r\n' +
  '="5118600000000000002",𠀀先生,广东省 深圳市,99.00,"多行\r\n备注"\r\n' +
  '="5118600000000000003",Ｌｉ　Ｗｅｉ,北京 北京市 朝阳区,0.01,€ 欧元\r\n';

function bom(bytes: number[], body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(bytes), body]);
}

async function expectFileError(path: string, code: string, limits = {}): Promise<void> {
  const err = await openTables(path, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportFileError);
  expect((err as ImportFileError).code).toBe(code);
}

describe('openTables on text files', () => {
  it('yields identical rows from every encoding', async () => {
    const variants: [string, Buffer, string][] = [
      ['utf8.csv', Buffer.from(FIXTURE, 'utf8'), 'utf-8'],
      ['utf8bom.csv', bom([0xef, 0xbb, 0xbf], Buffer.from(FIXTURE, 'utf8')), 'utf-8-bom'],
      ['gbk.csv', iconv.encode(FIXTURE.replace('𠀀', '王').replace('€', 'E'), 'gbk'), 'gb18030'],
      ['gb18030.csv', iconv.encode(FIXTURE, 'gb18030'), 'gb18030'],
      ['utf16le.csv', bom([0xff, 0xfe], Buffer.from(FIXTURE, 'utf16le')), 'utf-16le'],
      ['utf16be.csv', bom([0xfe, 0xff], Buffer.from(FIXTURE, 'utf16le').swap16()), 'utf-16be'],
    ];
    const expected = (await readAll((await openTables(tmp.write('ref.csv', FIXTURE)))[0]!)).rows;
    expect(expected.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(expected[2]!.cells[1]).toBe('𠀀先生');
    for (const [name, bytes, enc] of variants) {
      const [table] = await openTables(tmp.write(name, bytes));
      expect(table!.encoding, name).toBe(enc);
      const { rows, issues } = await readAll(table!);
      expect(issues, name).toEqual([]);
      const want = name === 'gbk.csv' ? expected.map((r) => ({ ...r, cells: r.cells.map((c) => c.replace('𠀀', '王').replace('€', 'E')) })) : expected;
      expect(rows, name).toEqual(want);
    }
  });

  it('gives the same rows when reads cut multi-byte characters and CRLF apart', async () => {
    const text = FIXTURE.repeat(20);
    const path = tmp.write('chunks.csv', iconv.encode(text, 'gb18030'));
    const limits = resolveLimits();
    const collect = async (chunkBytes: number): Promise<unknown[]> => {
      const out: unknown[] = [];
      for await (const b of csvRowBatches({ path, file: 'chunks.csv', encoding: 'gb18030', bomLength: 0, limits, chunkBytes }, [])) out.push(...b);
      return out;
    };
    const whole = await collect(1 << 20);
    expect(whole).toHaveLength(80);
    for (const size of [1, 3, 7, 64]) expect(await collect(size)).toEqual(whole);
  });

  it('reports undecodable bytes by physical line, skips those records and keeps the rest', async () => {
    for (const enc of ['gbk', 'utf8'] as const) {
      const lines = ['单号,姓名'];
      for (let i = 2; i <= 60; i++) lines.push(`${i},买家${i}`);
      const parts = lines.map((l) => Buffer.from(iconv.encode(`${l}\r\n`, enc)));
      parts[16] = Buffer.concat([Buffer.from('17,'), Buffer.from([0xff, 0xfe]), Buffer.from('\r\n')]);
      parts[44] = Buffer.concat([Buffer.from('"45,'), Buffer.from([0x80, 0xff]), Buffer.from('\r\nstill 45"\r\n')]);
      const [table] = await openTables(tmp.write(`bad-${enc}.csv`, Buffer.concat(parts)));
      expect(table!.encoding).toBe(enc === 'gbk' ? 'gb18030' : 'utf-8');
      const { rows, issues } = await readAll(table!);
      expect(issues.map((i) => [i.code, i.line])).toEqual([
        ['undecodable_bytes', 17],
        ['undecodable_bytes', 45],
      ]);
      expect(rows).toHaveLength(58);
      expect(rows.some((r) => r.cells.join('').includes('\ufffd'))).toBe(false);
      expect(rows.find((r) => r.line === 18)!.cells).toEqual(['18', '买家18']);
      expect(rows.at(-1)!.line).toBe(61);
    }
  });

  it('skips a 10 MB line without losing the lines around it', async () => {
    const path = tmp.write('long.csv', `a,b\r\n1,x\r\n${'y'.repeat(10_000_000)}\r\n3,z\r\n`);
    const { rows, issues } = await readAll((await openTables(path))[0]!);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(issues.map((i) => [i.code, i.line])).toEqual([['line_too_long', 3]]);
  });

  it('returns just the header for a header-only file and reports an unterminated quote', async () => {
    expect((await readAll((await openTables(tmp.write('h.csv', 'a,b,c\r\n\r\n')))[0]!)).rows).toEqual([{ line: 1, cells: ['a', 'b', 'c'] }]);
    const { rows, issues } = await readAll((await openTables(tmp.write('q.csv', 'a,b\n1,"open\n')))[0]!);
    expect(rows).toHaveLength(1);
    expect(issues.map((i) => [i.code, i.line])).toEqual([['unterminated_quote', 2]]);
  });

  it('rejects empty, binary and oversized files', async () => {
    await expectFileError(tmp.write('empty.csv', ''), 'empty_file');
    await expectFileError(tmp.write('bom.csv', Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0d, 0x0a])), 'empty_file');
    await expectFileError(tmp.write('ws.csv', ' \r\n\t\r\n'), 'empty_file');
    let seed = 42;
    const random = Buffer.alloc(64 * 1024, 0).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    await expectFileError(tmp.write('random.bin', random), 'binary_garbage');
    await expectFileError(tmp.write('img.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), random])), 'binary_garbage');
    await expectFileError(tmp.write('nul.csv', Buffer.from('a,b\n1,\u0000\u0000\n')), 'binary_garbage');
    await expectFileError(tmp.write('big.csv', 'a,b\n1,2\n'), 'file_too_large', { maxFileBytes: 4 });
  });
});
