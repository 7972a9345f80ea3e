/** Builds one report or all of them from the stored analysis. */
import type { Db } from '../store/database.ts';
import { cohortsReport, cyclesReport, kpiReport, lifecycleReport, rfmReport, tiersReport } from './report-queries.ts';
import type { KpiGrain, ReportKind } from './report-queries.ts';
import type { ReportTable } from './report-table.ts';

export interface ReportOptions {
  readonly grain: KpiGrain;
  /** Rows for KPI and cycle reports. */
  readonly limit: number;
  /** Months since first purchase shown in the cohort matrix. */
  readonly cohortMonths: number;
  /** As-of date of the stored analysis, YYYY-MM-DD. */
  readonly asOf: string;
}

export async function buildReports(db: Db, shopId: number, kind: ReportKind | 'all', o: ReportOptions): Promise<ReportTable[]> {
  const build: Record<ReportKind, () => Promise<ReportTable[]>> = {
    kpi: async () =>
      kind === 'all'
        ? [await kpiReport(db, shopId, 'month', o.limit), await kpiReport(db, shopId, 'week', o.limit), await kpiReport(db, shopId, 'day', o.limit)]
        : [await kpiReport(db, shopId, o.grain, o.limit)],
    rfm: async () => [await rfmReport(db, shopId)],
    lifecycle: async () => [await lifecycleReport(db, shopId)],
    tiers: async () => [await tiersReport(db, shopId)],
    cycles: async () => [await cyclesReport(db, shopId, o.limit)],
    cohorts: async () => [await cohortsReport(db, shopId, o.cohortMonths, o.asOf)],
  };
  if (kind !== 'all') return build[kind]();
  const out: ReportTable[] = [];
  for (const k of Object.keys(build) as ReportKind[]) out.push(...(await build[k]()));
  return out;
}
