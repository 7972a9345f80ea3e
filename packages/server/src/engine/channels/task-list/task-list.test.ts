import { afterAll, describe, expect, it } from 'vitest';
import { openTables } from '../../../importers/read/open-tables.ts';
import { readAll, tempDir } from '../../../importers/read/test-files.ts';
import type { OutboundMessage } from '../channel.ts';
import { maskPhone } from './phone-mask.ts';
import { createTaskListChannel, MemoryTaskListStore } from './task-list-channel.ts';
import { exportTaskList } from './task-list-export.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const NOW = Date.UTC(2025, 4, 20, 2, 0);

function message(key: string, metadata: Record<string, string>, body = '王姐您好，您上次买的洗衣凝珠快用完了，送您一张 20 元券'): OutboundMessage {
  return { idempotencyKey: key, touchId: 3, kind: 'marketing', to: '5月复购回访', subject: null, body, unsubscribeUrl: null, template: null, metadata };
}

const hostileMeta = {
  customerId: 'c-1',
  customerName: '=cmd|\' /C calc\'!A0',
  customerNick: '@SUM(1+1)',
  phone: '+8613800000000',
  couponCode: '-2+3',
  dueSkuTitle: '洗衣凝珠, 52 颗 "大包"',
  reason: 'due_consumable',
  followUpMethod: 'phone',
};

async function readBack(name: string, bytes: Uint8Array): Promise<string[][]> {
  const tables = await openTables(tmp.write(name, bytes));
  const { rows, issues } = await readAll(tables[0]!);
  expect(issues).toEqual([]);
  return rows.map((r) => [...r.cells]);
}

describe('task-list channel', () => {
  it('appends one task per idempotency key, masking phones by default', async () => {
    const store = new MemoryTaskListStore();
    const channel = createTaskListChannel({ store, now: () => NOW });
    const first = await channel.send(message('k1', { customerId: 'c-9', customerName: '王姐', phone: '13812341234', couponCode: 'HUI20', dueSkuTitle: '洗衣凝珠', reason: 'due_consumable' }));
    const again = await channel.send(message('k1', {}));
    expect(first.ok && again.ok && first.providerMessageId === again.providerMessageId).toBe(true);
    expect(store.tasks()).toHaveLength(1);
    expect(store.tasks('5月复购回访')[0]).toMatchObject({ method: 'wangwang', phone: '138****1234', customerName: '王姐', coupon: 'HUI20', dueSku: '洗衣凝珠', reason: 'due_consumable', createdAt: '2025-05-20T02:00:00.000Z' });
    const full = createTaskListChannel({ store, phoneDisplay: 'full', method: 'wechat' });
    await full.send(message('k2', { phone: '13812341234' }));
    expect(store.tasks()[1]).toMatchObject({ method: 'wechat', phone: '13812341234' });
    expect(await channel.send(message('k3', { followUpMethod: 'carrier-pigeon' }))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'bad_request' } });
    expect(channel.capabilities).toEqual({ kind: 'task', costPerMessageCents: 0, maxPerSecond: 1000, segmentChars: null, maxChars: null, quietHours: false, idempotencyKeys: true });
  });

  it('masks CN and E.164 numbers', () => {
    expect([maskPhone('13812341234'), maskPhone('+8613812341234'), maskPhone('+1 415-555-0100'), maskPhone('12345'), maskPhone('')]).toEqual(['138****1234', '+86138****1234', '+141****0100', '*****', '']);
  });

  it('exports CSV with a BOM, quoting and neutralised formulas; phones round-trip', async () => {
    const store = new MemoryTaskListStore();
    await createTaskListChannel({ store, phoneDisplay: 'full', now: () => NOW }).send(message('k1', hostileMeta, '第一行\n第二行'));
    const bytes = exportTaskList(store.tasks(), 'csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = Buffer.from(bytes.subarray(3)).toString('utf8');
    expect(text.startsWith('创建时间,跟进方式,客户ID,客户,旺旺/微信,电话,建议话术,优惠券,到期商品,原因,清单\r\n')).toBe(true);
    const rows = await readBack('tasks.csv', bytes);
    expect(rows[1]).toEqual(['2025-05-20T02:00:00.000Z', '电话', 'c-1', "'=cmd|' /C calc'!A0", "'@SUM(1+1)", '+8613800000000', '第一行\n第二行', "'-2+3", '洗衣凝珠, 52 颗 "大包"', 'due_consumable', '5月复购回访']);
    expect(Buffer.from(exportTaskList(store.tasks(), 'csv', { language: 'en' })).toString('utf8')).toContain('Created,Method,Customer ID');
  });

  it('exports XLSX through the project writer with formulas neutralised; phones round-trip', async () => {
    const store = new MemoryTaskListStore();
    await createTaskListChannel({ store, phoneDisplay: 'full', now: () => NOW }).send(message('k1', { ...hostileMeta, reason: '=1+1' }, '\tTAB'));
    const rows = await readBack('tasks.xlsx', exportTaskList(store.tasks(), 'xlsx'));
    expect(rows[0]![0]).toBe('创建时间');
    const row = rows[1]!;
    expect(row[3]).toBe("'=cmd|' /C calc'!A0");
    expect(row[4]).toBe("'@SUM(1+1)");
    expect(row[5]).toBe('+8613800000000');
    expect(row[6]).toBe("'\tTAB");
    expect(row[7]).toBe("'-2+3");
    expect(row[9]).toBe("'=1+1");
  });
});
