/**
 * Import jobs: uploaded files imported in the background through the same pipeline as `huitou import`, one
 * job at a time per shop (two imports into one shop would only conflict), with progress that the dashboard
 * polls, and — once the import commits — the analysis run again so labels, KPIs and results see the new
 * orders. Jobs live in memory (the batches and issues they write are in the store); the latest 50 per shop
 * are kept.
 */
import { randomBytes } from 'node:crypto';
import { defaultAnalysisOptions } from '../../analysis/analysis-options.ts';
import { runAnalysis } from '../../analysis/run-analysis.ts';
import type { FormatName } from '../../importers/formats/format-definition.ts';
import { importFiles } from '../../importers/pipeline/run-import.ts';
import type { UnitReport } from '../../importers/pipeline/run-unit.ts';
import type { Shop } from '../../store/repositories/shop.repository.ts';
import type { ConnectionPool } from '../connections.ts';
import type { ImportJobView, ImportUnitView } from '../contract/imports.ts';
import { shopToday } from '../shop-param.ts';
import { expectedDataRows } from './count-lines.ts';
import type { StoredUpload, UploadStore } from './upload-store.ts';
import { parseDay } from '@huitou/core';

const KEEP_JOBS = 50;
const ISSUES_PER_UNIT = 200;

interface Job {
  view: ImportJobView;
  readonly shopId: number;
}

export interface StartJob {
  readonly shop: Shop;
  readonly uploads: readonly StoredUpload[];
  readonly format: FormatName | null;
  readonly strict: boolean;
  readonly analyze: boolean;
  /** Called once the job ends (audit). */
  readonly onFinished?: (job: ImportJobView) => Promise<void>;
}

export class ImportJobs {
  readonly #jobs = new Map<string, Job>();
  readonly #queues = new Map<number, Promise<void>>();
  readonly #pool: ConnectionPool;
  /** Memory cap while an import runs (Config.importMemoryLimit). */
  readonly #memoryLimit: string | null;
  readonly #uploads: UploadStore;
  readonly #now: () => number;

  constructor(pool: ConnectionPool, uploads: UploadStore, now: () => number, memoryLimit: string | null = null) {
    this.#pool = pool;
    this.#memoryLimit = memoryLimit;
    this.#uploads = uploads;
    this.#now = now;
  }

  start(request: StartJob): ImportJobView {
    const id = randomBytes(9).toString('base64url');
    const files = request.uploads.map((u) => ({ name: u.name, bytes: u.bytes }));
    const job: Job = {
      shopId: request.shop.shopId,
      view: {
        id, state: 'queued', files, totalBytes: files.reduce((s, f) => s + f.bytes, 0), rows: 0, expectedRows: null, progress: 0,
        createdAt: new Date(this.#now()).toISOString(), finishedAt: null, units: [], analyzed: false, error: null,
      },
    };
    this.#jobs.set(id, job);
    this.#trim(request.shop.shopId);
    const previous = this.#queues.get(request.shop.shopId) ?? Promise.resolve();
    const next = previous.then(() => this.#run(job, request));
    this.#queues.set(request.shop.shopId, next);
    return job.view;
  }

  get(shopId: number, id: string): ImportJobView | undefined {
    const job = this.#jobs.get(id);
    return job?.shopId === shopId ? job.view : undefined;
  }

  list(shopId: number): ImportJobView[] {
    return [...this.#jobs.values()].filter((j) => j.shopId === shopId).map((j) => j.view).reverse();
  }

  /** Resolves when every queued job has ended (shutdown, tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.#queues.values()]);
  }

  async #run(job: Job, request: StartJob): Promise<void> {
    const update = (patch: Partial<ImportJobView>) => {
      job.view = { ...job.view, ...patch };
    };
    try {
      let expected = 0;
      let countable = true;
      for (const u of request.uploads) {
        const n = await expectedDataRows(u.path);
        if (n === null) countable = false;
        else expected += n;
      }
      update({ state: 'reading', expectedRows: countable ? expected : null, progress: countable ? 0 : null });
      const rowsByFile = new Map<string, number>();
      const report = await this.#pool.use((db) =>
        importFiles(db, {
          shopId: request.shop.shopId,
          timeZone: request.shop.timeZone,
          files: request.uploads.map((u) => u.path),
          format: request.format,
          strict: request.strict,
          columnMap: null,
          memoryLimit: this.#memoryLimit,
          onProgress: (file, rows) => {
            rowsByFile.set(file, rows);
            const total = [...rowsByFile.values()].reduce((s, n) => s + n, 0);
            // A later unit's rows after an earlier unit's merge: reading again.
            update({ state: 'reading', rows: total, progress: countable && expected > 0 ? Math.min(0.99, total / expected) : job.view.progress });
          },
          onMerge: () => update({ state: 'merging' }),
        }),
      );
      const units = report.units.map(unitView);
      update({ units, rows: report.totals.rowsRead });
      const committed = report.units.some((u) => u.status === 'committed' && u.ordersNew + u.ordersUpdated > 0);
      if (request.analyze && committed) {
        update({ state: 'analyzing' });
        const asOf = parseDay(shopToday(request.shop, this.#now()));
        await this.#pool.use((db) => runAnalysis(db, request.shop.shopId, request.shop.timeZone, defaultAnalysisOptions(asOf)));
        update({ analyzed: true });
      }
      const failed = report.units.length > 0 && report.units.every((u) => u.status !== 'committed');
      update({
        state: failed ? 'failed' : 'done', progress: 1, finishedAt: new Date(this.#now()).toISOString(),
        error: failed ? { code: 'import_failed', message: units[0]?.message ?? 'nothing was imported', messageZh: '没有导入任何内容，请查看问题列表' } : null,
      });
    } catch (error) {
      console.error(`[import] job ${job.view.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      update({ state: 'failed', finishedAt: new Date(this.#now()).toISOString(), error: { code: 'internal', message: 'the import stopped with an internal error; nothing of the failed file was written', messageZh: '导入因内部错误中止；出错的文件没有写入任何数据' } });
    } finally {
      await this.#uploads.discard(request.uploads);
      await request.onFinished?.(job.view).catch(() => undefined);
    }
  }

  #trim(shopId: number): void {
    const ended = [...this.#jobs.entries()].filter(([, j]) => j.shopId === shopId && (j.view.state === 'done' || j.view.state === 'failed'));
    for (const [id] of ended.slice(0, Math.max(0, ended.length - KEEP_JOBS))) this.#jobs.delete(id);
  }
}

function unitView(u: UnitReport): ImportUnitView {
  return {
    batchId: u.batchId, files: [...u.files], format: u.format, encoding: u.encoding, status: u.status, rowsRead: u.rowsRead,
    ordersNew: u.ordersNew, ordersUpdated: u.ordersUpdated, ordersUnchanged: u.ordersUnchanged, lines: u.lines, customersNew: u.customersNew,
    errors: u.errors, warnings: u.warnings, message: u.message,
    issues: u.issues.slice(0, ISSUES_PER_UNIT).map((i) => ({ file: i.file, line: i.line, column: i.column ?? null, code: i.code, severity: i.severity, message: i.message })),
  };
}
