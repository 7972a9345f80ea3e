/** Cohort retention: first-purchase month (rows) × months since (columns), the share still buying. */
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { esc, paramList, valueAt } from './chart-helpers.ts';
import type { FormatterParams } from './chart-helpers.ts';
import type { ChartOption } from './echarts-setup.ts';

export interface CohortRow {
  readonly cohort: string;
  readonly size: number;
  /** Retention by months since the first purchase; null where the month has not happened yet. */
  readonly retention: readonly (number | null)[];
}

export function CohortHeatmap({ rows }: { readonly rows: readonly CohortRow[] }) {
  const { t, fmt } = useI18n();
  const option = useMemo<ChartOption>(() => {
    // Month 0 is 100 % by definition: the columns start at month 1.
    const months = Math.max(1, ...rows.map((r) => r.retention.length)) - 1;
    const data: [number, number, number][] = [];
    let max = 0;
    rows.forEach((r, y) => r.retention.forEach((v, k) => {
      if (v === null || k === 0) return;
      data.push([k - 1, y, v]);
      max = Math.max(max, v);
    }));
    return {
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      tooltip: {
        formatter: (params: FormatterParams | FormatterParams[]) => {
          const p = paramList(params)[0];
          if (p === undefined) return '';
          const row = rows[valueAt(p, 1)];
          return `${esc(row?.cohort)} · ${esc(t('segments.monthN', { n: valueAt(p, 0) + 1 }))}<br/>`
            + `${esc(fmt.pct(valueAt(p, 2)))} (${esc(t('common.customers'))} ${esc(fmt.int(row?.size))})`;
        },
      },
      xAxis: { type: 'category', data: Array.from({ length: months }, (_, k) => `M${k + 1}`), splitArea: { show: true } },
      yAxis: { type: 'category', data: rows.map((r) => r.cohort), inverse: true, splitArea: { show: true } },
      visualMap: { dimension: 2, min: 0, max: Math.max(max, 0.01), orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#f6f9f7', '#8fd0b0', '#23875c'] }, formatter: (v: unknown) => fmt.pct(Number(v), 0) },
      series: [{ type: 'heatmap', data, label: { show: rows.length <= 14 && months <= 13, fontSize: 10, formatter: (p: FormatterParams) => fmt.pct(valueAt(p, 2), 0) } }],
    };
  }, [rows, t, fmt]);
  return <Chart option={option} label={t('segments.cohorts')} height={Math.max(260, rows.length * 22 + 80)} testId="chart-cohorts" />;
}
