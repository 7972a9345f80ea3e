/**
 * Uploads and import jobs over HTTP, through the real importer: one file and the Taobao pair, progress to
 * done, the analysis run again, batches and issues listed, roles and scopes, audit, and hostile uploads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobView } from '../../../src/api/contract/imports.ts';
import { writeTaobaoExportPair } from '../../../src/demo/index.ts';
import { createTestApi, SEED_CSV } from '../support/api-harness.ts';
import type { ApiClient, TestApi } from '../support/api-harness.ts';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi({ env: { HUITOU_MAX_UPLOAD_MB: '1' } });
});
afterEach(async () => {
  await t.close();
});

async function upload(client: ApiClient, shop: string, name: string, bytes: string | Uint8Array) {
  return client.post<{ upload: { id: string; name: string; bytes: number } }>(`/api/shops/${shop}/uploads`, bytes, {
    headers: { 'x-file-name': encodeURIComponent(name), 'content-type': 'application/octet-stream' },
  });
}

async function waitForJob(client: ApiClient, shop: string, id: string): Promise<ImportJobView> {
  for (let i = 0; i < 400; i++) {
    const res = await client.get<{ job: ImportJobView }>(`/api/shops/${shop}/imports/${id}`);
    expect(res.status).toBe(200);
    if (res.body.job.state === 'done' || res.body.job.state === 'failed') return res.body.job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import job did not end');
}

describe('import over HTTP', () => {
  it('imports an uploaded canonical CSV, reports a bad row by line, re-runs the analysis and audits it', async () => {
    await t.seedShop();
    const operator = await t.login('operator');
    const csv = `${SEED_CSV.trimEnd()}\nE1,C005,2024-12-30 09:00:00,not-money,completed,0,SKU-1,龙井茶 250g,1,50.00,赵六,13700001111,,浙江省,杭州市\nE2,C005,2024-12-30 10:00:00,66.00,completed,0,SKU-1,龙井茶 250g,1,66.00,赵六,13700001111,,浙江省,杭州市\n`;
    const up = await upload(operator, 'demo', '十二月订单.csv', csv);
    expect(up.status).toBe(201);
    expect(up.body.upload).toMatchObject({ name: '十二月订单.csv', bytes: Buffer.byteLength(csv) });
    const start = await operator.post<{ job: ImportJobView }>('/api/shops/demo/imports', { uploads: [up.body.upload.id] });
    expect(start.status).toBe(202);
    const job = await waitForJob(operator, 'demo', start.body.job.id);
    expect(job.state).toBe('done');
    expect(job.expectedRows).toBe(9);
    expect(job.rows).toBe(9);
    expect(job.progress).toBe(1);
    expect(job.analyzed).toBe(true);
    const unit = job.units[0]!;
    expect(unit).toMatchObject({ status: 'committed', format: 'canonical', ordersNew: 1, ordersUnchanged: 7, errors: 1 });
    expect(unit.issues.find((i) => i.severity === 'error')).toMatchObject({ file: '十二月订单.csv', line: 9, column: 'amount' });

    const list = await operator.get<{ total: number; rows: { batchId: number; files: string[]; ordersNew: number }[] }>('/api/shops/demo/imports');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.rows[0]).toMatchObject({ batchId: unit.batchId, files: ['十二月订单.csv'], ordersNew: 1 });
    const issues = await operator.get<{ total: number; rows: { line: number; code: string }[] }>(`/api/shops/demo/imports/batches/${unit.batchId}/issues`);
    expect(issues.body.total).toBeGreaterThanOrEqual(1);
    expect(issues.body.rows.some((r) => r.line === 9)).toBe(true);

    const [runs] = await t.db.all<{ n: number }>('SELECT count(*) AS n FROM analysis_runs');
    expect(Number(runs?.n)).toBe(2);
    const actions = (await t.db.all<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'import.%' ORDER BY audit_id`)).map((r) => r.action);
    expect(actions).toEqual(['import.start', 'import.done']);
  });

  it('imports the Taobao order and item files together in one job, and the raw-body shortcut for one file', async () => {
    await t.seedShop({ shop: 'tb' });
    const operator = await t.login('operator');
    const dir = join(t.dir, 'pair');
    const pair = await writeTaobaoExportPair(dir, { orders: 300, seed: 3, endDate: '2024-12-31' });
    const ids: string[] = [];
    for (const file of [pair.orderFile, pair.detailFile]) {
      const res = await upload(operator, 'tb', basename(file), new Uint8Array(readFileSync(file)));
      expect(res.status).toBe(201);
      ids.push(res.body.upload.id);
    }
    const start = await operator.post<{ job: ImportJobView }>('/api/shops/tb/imports', { uploads: ids, analyze: false });
    const job = await waitForJob(operator, 'tb', start.body.job.id);
    expect(job.state).toBe('done');
    expect(job.units).toHaveLength(1);
    expect(job.units[0]).toMatchObject({ status: 'committed', format: 'taobao', ordersNew: pair.truth.orders });
    expect(job.units[0]!.lines).toBeGreaterThan(0);
    expect(job.analyzed).toBe(false);
    // Uploads are single-use.
    const again = await operator.post('/api/shops/tb/imports', { uploads: ids });
    expect(again.status).toBe(404);
    // One file as the raw body: same pipeline, nothing new.
    const raw = await operator.post<{ job: ImportJobView }>('/api/shops/tb/imports', new Uint8Array(readFileSync(pair.orderFile)), {
      headers: { 'x-file-name': basename(pair.orderFile), 'content-type': 'text/csv' },
    });
    expect(raw.status).toBe(202);
    const rawJob = await waitForJob(operator, 'tb', raw.body.job.id);
    expect(rawJob.units[0]).toMatchObject({ ordersNew: 0, ordersUnchanged: pair.truth.orders });
  });

  it('lets only operators and import-scoped tokens import; analysts can read the batch list', async () => {
    await t.seedShop();
    const analyst = await t.login('analyst');
    expect((await upload(analyst, 'demo', 'a.csv', SEED_CSV)).status).toBe(403);
    expect((await analyst.get('/api/shops/demo/imports')).status).toBe(200);
    const reader = await t.tokenClient('operator', ['read']);
    expect((await upload(reader, 'demo', 'a.csv', SEED_CSV)).status).toBe(403);
    const importer = await t.tokenClient('operator', ['read', 'import']);
    const up = await upload(importer, 'demo', 'a.csv', SEED_CSV);
    expect(up.status).toBe(201);
    // An upload belongs to its shop.
    await t.seedShop({ shop: 'other' });
    expect((await importer.post('/api/shops/other/imports', { uploads: [up.body.upload.id] })).status).toBe(404);
    expect((await t.anonymous.post('/api/shops/demo/uploads', 'x')).status).toBe(401);
  });

  it('refuses hostile uploads clearly and leaves nothing behind', async () => {
    await t.seedShop();
    const operator = await t.login('operator');
    const before = uploadDirs();
    const countOrders = async () => Number((await t.db.all<{ n: number }>('SELECT count(*) AS n FROM orders'))[0]?.n);
    const ordersBefore = await countOrders();
    // Over the 1 MB cap (HUITOU_MAX_UPLOAD_MB=1): 413, and the partial file is deleted.
    const huge = new Uint8Array(1024 * 1024 + 10).fill(65);
    const big = await upload(operator, 'demo', 'big.csv', huge);
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ error: { code: 'payload_too_large' } });
    // Empty body.
    expect((await upload(operator, 'demo', 'empty.csv', '')).status).toBe(400);
    // A path in the name is cut to its last segment; control characters are replaced.
    const sneaky = await upload(operator, 'demo', '../../etc/passwd\u0000.csv', SEED_CSV);
    expect(sneaky.status).toBe(201);
    expect(sneaky.body.upload.name).toBe('passwd_.csv');
    // Binary garbage: the job fails with the reader's reason, nothing is written.
    const garbage = await upload(operator, 'demo', 'garbage.csv', new Uint8Array(4096).map((_, i) => (i * 7919) % 256));
    const start = await operator.post<{ job: ImportJobView }>('/api/shops/demo/imports', { uploads: [garbage.body.upload.id] });
    const job = await waitForJob(operator, 'demo', start.body.job.id);
    expect(job.state).toBe('failed');
    expect(job.error?.message).toBeTruthy();
    expect(job.units[0]?.status).toBe('failed');
    expect(await countOrders()).toBe(ordersBefore);
    // Bad job requests.
    for (const body of [{}, { uploads: [] }, { uploads: 'x' }, { uploads: Array(21).fill('a') }, { uploads: ['a'], format: 'excel' }, { uploads: ['a'], extra: 1 }]) {
      const res = await operator.post('/api/shops/demo/imports', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'validation_failed' } });
    }
    expect((await operator.post('/api/shops/demo/imports', { uploads: ['nope'] })).status).toBe(404);
    expect((await operator.get('/api/shops/demo/imports/nope')).status).toBe(404);
    expect((await operator.get('/api/shops/nope/imports')).status).toBe(404);
    expect((await operator.get('/api/shops/demo/imports/batches/999999/issues')).status).toBe(404);
    expect((await operator.get('/api/shops/demo/imports/batches/-1/issues')).status).toBe(400);
    expect((await operator.get('/api/shops/demo/imports?limit=100000')).status).toBe(400);
    await t.api.close();
    expect(uploadDirs().filter((d) => !before.includes(d))).toEqual([]);
  });
});

function uploadDirs(): string[] {
  return readdirSync(tmpdir()).filter((d) => d.startsWith('huitou-uploads-') && existsSync(join(tmpdir(), d)));
}
