/** The RFM grid: recency score (x) × frequency score (y), coloured by customers; click opens the customers. */
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { esc, paramList, valueAt } from './chart-helpers.ts';
import type { FormatterParams } from './chart-helpers.ts';
import type { ChartOption } from './echarts-setup.ts';

export interface RfmCell {
  readonly r: number;
  readonly f: number;
  readonly customers: number;
  readonly spend: number;
}

interface Props {
  readonly cells: readonly RfmCell[];
  readonly onSelect?: (r: number, f: number) => void;
}

const SCORES = [1, 2, 3, 4, 5];

export function RfmHeatmap({ cells, onSelect }: Props) {
  const { t, fmt } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const max = Math.max(1, ...cells.map((c) => c.customers));
    return {
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      tooltip: {
        formatter: (params: FormatterParams | FormatterParams[]) => {
          const p = paramList(params)[0];
          if (p === undefined) return '';
          return `${esc(t('segments.recency'))} R${valueAt(p, 0) + 1} · ${esc(t('segments.frequency'))} F${valueAt(p, 1) + 1}<br/>`
            + `${esc(t('common.customers'))}: ${esc(fmt.int(valueAt(p, 2)))}<br/>${esc(t('common.spend'))}: ${esc(fmt.money(valueAt(p, 3)))}`;
        },
      },
      xAxis: { type: 'category', data: SCORES.map((s) => `R${s}`), name: t('segments.recency'), nameLocation: 'middle', nameGap: 24, splitArea: { show: true } },
      yAxis: { type: 'category', data: SCORES.map((s) => `F${s}`), name: t('segments.frequency'), nameLocation: 'middle', nameGap: 30, splitArea: { show: true } },
      visualMap: { dimension: 2, min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#f2f6fd', '#9dbcf0', '#2f6fde'] } },
      series: [{
        type: 'heatmap',
        data: cells.map((c) => [c.r - 1, c.f - 1, c.customers, c.spend]),
        label: { show: true, formatter: (p: FormatterParams) => fmt.int(valueAt(p, 2)) },
        emphasis: { itemStyle: { borderColor: '#1d2433', borderWidth: 1 } },
      }],
    };
  }, [cells, t, fmt]);
  return (
    <Chart
      option={option}
      label={t('segments.rfmGrid')}
      height={340}
      testId="chart-rfm"
      onClick={(e) => {
        if (onSelect === undefined || !Array.isArray(e.value)) return;
        onSelect(Number(e.value[0]) + 1, Number(e.value[1]) + 1);
      }}
    />
  );
}
