/** Horizontal bars of named values (the tier ladder, segment sizes); names are user-visible text, escaped. */
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { esc, paramList, valueAt } from './chart-helpers.ts';
import type { FormatterParams } from './chart-helpers.ts';
import type { ChartOption } from './echarts-setup.ts';

export interface BarItem {
  readonly name: string;
  readonly value: number;
  /** Extra tooltip lines (already formatted, escaped here). */
  readonly details?: readonly string[];
}

interface Props {
  readonly items: readonly BarItem[];
  readonly title: string;
  readonly testId: string;
  readonly kind?: 'int' | 'money';
  readonly onSelect?: (index: number) => void;
}

export function BarChart({ items, title, testId, kind = 'int', onSelect }: Props) {
  const { fmt } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const value = (v: number): string => (kind === 'money' ? fmt.money(v) : fmt.int(v));
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params: FormatterParams | FormatterParams[]) => {
          const p = paramList(params)[0];
          if (p === undefined) return '';
          const item = items[p.dataIndex];
          return [`${esc(p.name)}: ${esc(value(valueAt(p, 0)))}`, ...(item?.details ?? []).map(esc)].join('<br/>');
        },
      },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => (kind === 'money' ? fmt.moneyShort(v) : fmt.int(v)) }, splitLine: { lineStyle: { color: '#eef0f3' } } },
      yAxis: { type: 'category', data: items.map((i) => i.name), inverse: true, axisLabel: { width: 110, overflow: 'truncate' } },
      series: [{
        type: 'bar',
        data: items.map((i) => i.value),
        barMaxWidth: 22,
        itemStyle: { borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', formatter: (p: FormatterParams) => value(valueAt(p, 0)) },
      }],
    };
  }, [items, kind, fmt]);
  const height = Math.max(160, items.length * 34 + 24);
  return (
    <Chart option={option} label={title} height={height} testId={testId}
      {...(onSelect === undefined ? {} : { onClick: (e: { dataIndex: number }) => onSelect(e.dataIndex) })} />
  );
}
