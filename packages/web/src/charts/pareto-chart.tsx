/** The Pareto (Lorenz) curve: share of revenue from the top x% of customers, against the diagonal. */
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { esc, paramList, valueAt } from './chart-helpers.ts';
import type { FormatterParams } from './chart-helpers.ts';
import type { ChartOption } from './echarts-setup.ts';

export interface ParetoPoint {
  /** Share of customers, top spenders first (0–1). */
  readonly customerShare: number;
  /** Cumulative share of revenue (0–1). */
  readonly revenueShare: number;
}

export function ParetoChart({ points }: { readonly points: readonly ParetoPoint[] }) {
  const { t, fmt } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const curve = [[0, 0], ...points.map((p) => [p.customerShare, p.revenueShare])];
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 28, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (params: FormatterParams | FormatterParams[]) => {
          const p = paramList(params)[0];
          if (p === undefined) return '';
          return esc(t('segments.paretoTip', { customers: fmt.pct(valueAt(p, 0), 0), revenue: fmt.pct(valueAt(p, 1)) }));
        },
      },
      xAxis: { type: 'value', min: 0, max: 1, name: t('segments.paretoX'), nameLocation: 'middle', nameGap: 24, axisLabel: { formatter: (v: number) => fmt.pct(v, 0) } },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => fmt.pct(v, 0) }, splitLine: { lineStyle: { color: '#eef0f3' } } },
      series: [
        { type: 'line', data: curve, showSymbol: false, smooth: true, areaStyle: { opacity: 0.12 }, name: t('segments.paretoY'),
          markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#b6bcc6' }, data: [[{ coord: [0, 0] }, { coord: [1, 1] }]] } },
      ],
    };
  }, [points, t, fmt]);
  return <Chart option={option} label={t('segments.pareto')} height={280} testId="chart-pareto" />;
}
