/** SKU repurchase cycles: the median days per unit with the P25–P75 range; SKU titles are escaped. */
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { esc, paramList } from './chart-helpers.ts';
import type { FormatterParams } from './chart-helpers.ts';
import type { ChartOption } from './echarts-setup.ts';

export interface SkuCycle {
  readonly sku: string;
  readonly title: string | null;
  readonly medianDays: number;
  readonly p25: number | null;
  readonly p75: number | null;
  readonly customers: number;
}

export function SkuCyclesChart({ cycles }: { readonly cycles: readonly SkuCycle[] }) {
  const { t, fmt } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const name = (c: SkuCycle): string => c.title ?? c.sku;
    return {
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('segments.cycleRange'), t('segments.cycleMedian')] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: FormatterParams | FormatterParams[]) => {
          const c = cycles[paramList(params)[0]?.dataIndex ?? -1];
          if (c === undefined) return '';
          return `${esc(name(c))} (${esc(c.sku)})<br/>`
            + `${esc(t('segments.cycleMedian'))}: ${esc(fmt.num(c.medianDays))} ${esc(t('common.days'))}<br/>`
            + `P25–P75: ${esc(fmt.num(c.p25))}–${esc(fmt.num(c.p75))} ${esc(t('common.days'))}<br/>`
            + `${esc(t('common.customers'))}: ${esc(fmt.int(c.customers))}`;
        },
      },
      xAxis: { type: 'value', name: t('common.days'), splitLine: { lineStyle: { color: '#eef0f3' } } },
      yAxis: { type: 'category', inverse: true, data: cycles.map(name), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [
        { type: 'bar', stack: 'range', silent: true, itemStyle: { color: 'transparent' }, data: cycles.map((c) => c.p25 ?? c.medianDays) },
        { type: 'bar', stack: 'range', name: t('segments.cycleRange'), itemStyle: { color: '#c9daf7', borderRadius: 3 }, barMaxWidth: 16,
          data: cycles.map((c) => Math.max(0, (c.p75 ?? c.medianDays) - (c.p25 ?? c.medianDays))) },
        { type: 'scatter', name: t('segments.cycleMedian'), symbolSize: 10, itemStyle: { color: '#2f6fde' }, data: cycles.map((c) => c.medianDays) },
      ],
    };
  }, [cycles, t, fmt]);
  return <Chart option={option} label={t('segments.skuCycles')} height={Math.max(200, cycles.length * 30 + 50)} testId="chart-sku-cycles" />;
}
