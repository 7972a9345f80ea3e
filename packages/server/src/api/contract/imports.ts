/** Uploads and import jobs: what POST /uploads, POST /imports and GET /imports/:job exchange. */
import { z } from 'zod';

export const FORMAT_NAMES = ['taobao', 'jd', 'pinduoduo', 'douyin', 'youzan', 'shopify', 'woocommerce', 'uci', 'cdnow', 'canonical'] as const;

export const uploadSchema = z.object({
  id: z.string(),
  name: z.string(),
  bytes: z.number().int(),
});
export type Upload = z.infer<typeof uploadSchema>;

export const uploadResponseSchema = z.object({ upload: uploadSchema });

export const startImportBodySchema = z.strictObject({
  uploads: z.array(z.string().min(1).max(64)).min(1).max(20),
  format: z.enum(FORMAT_NAMES).optional(),
  strict: z.boolean().optional(),
  /** Run the analysis again when the import commits (default true), so labels and KPIs include the new orders. */
  analyze: z.boolean().optional(),
});
export type StartImportBody = z.infer<typeof startImportBodySchema>;

export const importIssueSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type ImportIssueView = z.infer<typeof importIssueSchema>;

export const importUnitSchema = z.object({
  batchId: z.number().int(),
  files: z.array(z.string()),
  format: z.string().nullable(),
  encoding: z.string().nullable(),
  status: z.enum(['committed', 'rejected', 'failed']),
  rowsRead: z.number().int(),
  ordersNew: z.number().int(),
  ordersUpdated: z.number().int(),
  ordersUnchanged: z.number().int(),
  lines: z.number().int(),
  customersNew: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  message: z.string().nullable(),
  issues: z.array(importIssueSchema),
});
export type ImportUnitView = z.infer<typeof importUnitSchema>;

export const IMPORT_JOB_STATES = ['queued', 'reading', 'merging', 'analyzing', 'done', 'failed'] as const;

export const importJobSchema = z.object({
  id: z.string(),
  state: z.enum(IMPORT_JOB_STATES),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int() })),
  totalBytes: z.number().int(),
  /** Rows read so far, and the expected total for text files (line count), null when unknown (XLSX). */
  rows: z.number().int(),
  expectedRows: z.number().int().nullable(),
  /** 0–1, or null while it cannot be estimated. */
  progress: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  units: z.array(importUnitSchema),
  analyzed: z.boolean(),
  error: z.object({ code: z.string(), message: z.string(), messageZh: z.string() }).nullable(),
});
export type ImportJobView = z.infer<typeof importJobSchema>;

export const importJobResponseSchema = z.object({ job: importJobSchema });

export const importBatchSchema = z.object({
  batchId: z.number().int(),
  files: z.array(z.string()),
  format: z.string().nullable(),
  status: z.string(),
  startedAt: z.string().nullable(),
  rowsRead: z.number().int(),
  ordersNew: z.number().int(),
  ordersUpdated: z.number().int(),
  ordersUnchanged: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
});
export const importBatchListSchema = z.object({ total: z.number().int(), rows: z.array(importBatchSchema), jobs: z.array(importJobSchema) });
export type ImportBatchList = z.infer<typeof importBatchListSchema>;

export const batchIssuesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const batchIssuesSchema = z.object({ total: z.number().int(), rows: z.array(importIssueSchema) });
