/**
 * KPIs over consecutive periods (oldest first; the last is the current period, the one before it the
 * previous period): lines, or stacked bars for parts of a whole. Labels are the periods' end days.
 */
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { esc, paramList, valueAt } from './chart-helpers.ts';
import type { FormatterParams } from './chart-helpers.ts';
import type { ChartOption } from './echarts-setup.ts';

export type ValueKind = 'money' | 'int' | 'pct';

export interface TrendSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  /** Bars stacked on one another instead of a line. */
  readonly stack?: string;
}

interface Props {
  readonly periods: readonly string[];
  readonly series: readonly TrendSeries[];
  readonly kind: ValueKind;
  readonly title: string;
  readonly testId: string;
  readonly height?: number;
}

export function TrendChart({ periods, series, kind, title, testId, height = 260 }: Props) {
  const { fmt } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const value = (v: number | null | undefined): string =>
      kind === 'money' ? fmt.money(v) : kind === 'pct' ? fmt.pct(v) : fmt.int(v);
    const axis = (v: number): string => (kind === 'money' ? fmt.moneyShort(v) : kind === 'pct' ? fmt.pct(v, 0) : fmt.int(v));
    return {
      grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
      legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : { show: false },
      tooltip: {
        trigger: 'axis',
        formatter: (params: FormatterParams | FormatterParams[]) => {
          const list = paramList(params);
          const i = list[0]?.dataIndex ?? 0;
          return [esc(periods[i] ?? ''), ...list.map((p) => `${esc(p.seriesName)}: ${esc(value(valueAt(p, 0)))}`)].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: [...periods], axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', axisLabel: { formatter: axis }, splitLine: { lineStyle: { color: '#eef0f3' } } },
      series: series.map((s) => (s.stack === undefined
        ? {
            name: s.name, type: 'line' as const, data: [...s.values], smooth: true, symbolSize: 6, lineStyle: { width: 2 }, areaStyle: { opacity: 0.08 },
          }
        : { name: s.name, type: 'bar' as const, stack: s.stack, data: [...s.values], barMaxWidth: 28 })),
    };
  }, [periods, series, kind, fmt]);
  return <Chart option={option} label={title} height={height} testId={testId} />;
}
