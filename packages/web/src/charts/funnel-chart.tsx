/**
 * A funnel of named counts in a fixed order (the lifecycle stages, from active to lost). The shape steps down
 * by rank so the order reads as a funnel whatever the counts; labels and tooltips carry the real counts.
 */
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { esc, paramList } from './chart-helpers.ts';
import type { FormatterParams } from './chart-helpers.ts';
import type { ChartOption } from './echarts-setup.ts';

export interface FunnelItem {
  readonly name: string;
  readonly value: number;
}

interface Props {
  readonly items: readonly FunnelItem[];
  readonly title: string;
  readonly testId: string;
  readonly onSelect?: (index: number) => void;
}

export function FunnelChart({ items, title, testId, onSelect }: Props) {
  const { fmt } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const total = items.reduce((a, i) => a + i.value, 0);
    return {
      tooltip: {
        formatter: (params: FormatterParams | FormatterParams[]) => {
          const p = paramList(params)[0];
          if (p === undefined) return '';
          const v = items[p.dataIndex]?.value ?? 0;
          return `${esc(p.name)}: ${esc(fmt.int(v))} (${esc(fmt.pct(total > 0 ? v / total : null))})`;
        },
      },
      series: [{
        type: 'funnel',
        sort: 'none',
        left: '8%',
        width: '84%',
        top: 8,
        bottom: 8,
        minSize: '18%',
        gap: 2,
        min: 0,
        max: items.length,
        label: { position: 'inside', color: '#fff', formatter: (p: FormatterParams) => `${p.name} ${fmt.int(items[p.dataIndex]?.value ?? 0)}` },
        data: items.map((i, rank) => ({ name: i.name, value: items.length - rank })),
      }],
    };
  }, [items, fmt]);
  return (
    <Chart option={option} label={title} height={280} testId={testId}
      {...(onSelect === undefined ? {} : { onClick: (e: { dataIndex: number }) => onSelect(e.dataIndex) })} />
  );
}
