/**
 * Uploads and imports over HTTP. A file is uploaded on its own (streamed to disk, progress on the client
 * side), then one job imports one or several uploads together — the Taobao legacy pair must be imported in
 * one job so the order and item files form one unit. A non-JSON body on POST /imports is a one-file shortcut.
 */
import { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import type { ApiContext } from '../api-env.ts';
import {
  batchIssuesQuerySchema, batchIssuesSchema, importBatchListSchema, importJobResponseSchema, startImportBodySchema, uploadResponseSchema,
} from '../contract/imports.ts';
import type { StartImportBody } from '../contract/imports.ts';
import { HttpError } from '../http-error.ts';
import { ImportJobs } from '../imports/import-jobs.ts';
import { UploadStore } from '../imports/upload-store.ts';
import { parseInput, readJson } from '../route-registry.ts';
import type { RouteRegistry } from '../route-registry.ts';
import type { Shop } from '../../store/repositories/shop.repository.ts';
import type { Principal } from '../access.ts';
import { audit } from '../auth/audit.ts';
import type { FormatName } from '../../importers/formats/format-definition.ts';
import type { StoredUpload } from '../imports/upload-store.ts';
import { shopOrThrow } from '../shop-param.ts';

const shopParams = z.object({ shop: z.string().min(1).max(100) });
const jobParams = z.object({ shop: z.string().min(1).max(100), job: z.string().min(1).max(64) });
const batchParams = z.object({ shop: z.string().min(1).max(100), batch: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(20),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export interface ImportService {
  readonly jobs: ImportJobs;
  close(): Promise<void>;
}

export function registerImportRoutes(registry: RouteRegistry, deps: ApiDeps): ImportService {
  const uploads = new UploadStore(deps.config.maxUploadBytes);
  const jobs = new ImportJobs(deps.pool, uploads, deps.now, deps.config.importMemoryLimit);
  const shopOf = (name: string): Promise<Shop> => deps.pool.use((db) => shopOrThrow(db, name));
  /** Starts a job and audits its start and its end (who imported what, with the counts). */
  const startJob = async (c: ApiContext, shop: Shop, uploads: readonly StoredUpload[], options: { format: FormatName | null; strict: boolean; analyze: boolean }) => {
    const principal: Principal = c.get('principal');
    const target = `shop:${shop.name}`;
    await deps.pool.use((db) => audit(db, principal, 'import.start', target, { files: uploads.map((u) => ({ name: u.name, bytes: u.bytes })), format: options.format, strict: options.strict }, c, deps.now()));
    return jobs.start({
      shop, uploads, format: options.format, strict: options.strict, analyze: options.analyze,
      onFinished: (job) => deps.pool.use((db) => audit(db, principal, 'import.done', target, { job: job.id, state: job.state, units: job.units.map((u) => ({ batchId: u.batchId, status: u.status, ordersNew: u.ordersNew, ordersUpdated: u.ordersUpdated, errors: u.errors })) }, null, deps.now())),
    });
  };
  const save = async (c: ApiContext, shop: Shop) => {
    const declared = c.req.header('content-length');
    return uploads.save(shop.shopId, c.req.header('x-file-name'), c.req.raw.body, declared === undefined ? null : Number(declared), deps.now());
  };

  registry.add({
    method: 'post', path: '/api/shops/:shop/uploads', tag: 'imports', status: 201,
    summary: 'Upload one export file (raw bytes; name in X-File-Name, percent-encoded UTF-8) to import later',
    access: { role: 'operator', scope: 'import' }, params: shopParams, response: uploadResponseSchema,
    async handler(c, { params }) {
      const upload = await save(c, await shopOf(params.shop));
      return { upload: { id: upload.id, name: upload.name, bytes: upload.bytes } };
    },
  });

  registry.add({
    method: 'post', path: '/api/shops/:shop/imports', tag: 'imports', status: 202,
    summary: 'Start an import job: JSON { uploads: [ids], format?, strict?, analyze? }, or a raw file body for a one-file import',
    access: { role: 'operator', scope: 'import' }, params: shopParams, response: importJobResponseSchema,
    async handler(c, { params }) {
      const shop = await shopOf(params.shop);
      const json = /^application\/json\b/i.test(c.req.header('content-type') ?? '');
      if (!json) {
        const upload = await save(c, shop);
        return { job: await startJob(c, shop, [upload], { format: null, strict: false, analyze: true }) };
      }
      // The body is JSON or raw file bytes, so it is parsed here rather than declared on the route.
      const body = parseInput(startImportBodySchema, await readJson(c), 'body') as StartImportBody;
      const taken = uploads.take(shop.shopId, body.uploads);
      return { job: await startJob(c, shop, taken, { format: body.format ?? null, strict: body.strict ?? false, analyze: body.analyze ?? true }) };
    },
  });

  registry.add({
    method: 'get', path: '/api/shops/:shop/imports/:job', tag: 'imports', summary: 'An import job: state, progress, per-unit counts and the first issues',
    access: { role: 'operator', scope: 'import' }, params: jobParams, response: importJobResponseSchema,
    async handler(_c, { params }) {
      const shop = await shopOf(params.shop);
      const job = jobs.get(shop.shopId, params.job);
      if (job === undefined) throw new HttpError('not_found', `no import job "${params.job}"`, `找不到导入任务“${params.job}”`);
      return { job };
    },
  });

  registry.add({
    method: 'get', path: '/api/shops/:shop/imports', tag: 'imports', summary: 'Recent import batches (newest first) and this server\'s recent jobs',
    access: { role: 'analyst', scope: 'read' }, params: shopParams, query: listQuery, response: importBatchListSchema,
    async handler(_c, { params, query }) {
      const shop = await shopOf(params.shop);
      return deps.pool.use(async (db) => {
        const [count] = await db.all<{ n: number }>('SELECT count(*) AS n FROM import_batches WHERE shop_id = $1', [shop.shopId]);
        const rows = await db.all(
          `SELECT batch_id, files, format, status, started_at, rows_read, orders_new, orders_updated, orders_unchanged, errors, warnings
             FROM import_batches WHERE shop_id = $1 ORDER BY batch_id DESC LIMIT $2 OFFSET $3`,
          [shop.shopId, query.limit, query.offset],
        );
        return {
          total: Number(count?.n ?? 0),
          rows: rows.map((r) => ({
            batchId: Number(r['batch_id']), files: parseFiles(r['files']), format: r['format'] === null ? null : String(r['format']), status: String(r['status']),
            startedAt: r['started_at'] === null ? null : new Date(String(r['started_at'])).toISOString(),
            rowsRead: Number(r['rows_read']), ordersNew: Number(r['orders_new']), ordersUpdated: Number(r['orders_updated']),
            ordersUnchanged: Number(r['orders_unchanged']), errors: Number(r['errors']), warnings: Number(r['warnings']),
          })),
          jobs: jobs.list(shop.shopId),
        };
      });
    },
  });

  registry.add({
    method: 'get', path: '/api/shops/:shop/imports/batches/:batch/issues', tag: 'imports', summary: 'Every issue of one import batch, by line',
    access: { role: 'analyst', scope: 'read' }, params: batchParams, query: batchIssuesQuerySchema, response: batchIssuesSchema,
    async handler(_c, { params, query }) {
      const shop = await shopOf(params.shop);
      return deps.pool.use(async (db) => {
        const owner = await db.all('SELECT 1 FROM import_batches WHERE shop_id = $1 AND batch_id = $2', [shop.shopId, params.batch]);
        if (owner.length === 0) throw new HttpError('not_found', `no import batch ${params.batch}`, `找不到导入批次 ${params.batch}`);
        const [count] = await db.all<{ n: number }>('SELECT count(*) AS n FROM import_issues WHERE batch_id = $1', [params.batch]);
        const rows = await db.all(
          `SELECT file, line, column_name, code, severity, message FROM import_issues WHERE batch_id = $1
            ORDER BY file, line, code LIMIT $2 OFFSET $3`,
          [params.batch, query.limit, query.offset],
        );
        return {
          total: Number(count?.n ?? 0),
          rows: rows.map((r) => ({
            file: String(r['file']), line: Number(r['line']), column: r['column_name'] === null ? null : String(r['column_name']), code: String(r['code']),
            severity: r['severity'] === 'warning' ? 'warning' as const : 'error' as const, message: String(r['message']),
          })),
        };
      });
    },
  });

  return { jobs, close: async () => { await jobs.idle(); await uploads.close(); } };
}

function parseFiles(raw: unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(String(raw));
    return Array.isArray(parsed) ? parsed.map(String) : [String(raw)];
  } catch {
    return [String(raw)];
  }
}
