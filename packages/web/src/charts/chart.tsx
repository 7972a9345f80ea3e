/**
 * The one ECharts wrapper: loads ECharts on first use (its own chunk, so the page's numbers render first),
 * initialises on mount with the canvas renderer, applies option changes, follows the container's size and
 * disposes on unmount. Chart components only build options.
 */
import { useEffect, useRef, useState } from 'react';
import type { ECElementEvent, EChartsType } from 'echarts/core';
import { PALETTE } from './chart-helpers.ts';
import type * as EChartsSetup from './echarts-setup.ts';
import type { ChartOption } from './echarts-setup.ts';

export interface ChartClick {
  readonly dataIndex: number;
  readonly seriesIndex: number;
  readonly value: unknown;
}

interface Props {
  readonly option: ChartOption;
  readonly height?: number;
  readonly testId?: string;
  /** Read by screen readers instead of the canvas. */
  readonly label: string;
  readonly onClick?: (e: ChartClick) => void;
}

let loading: Promise<typeof EChartsSetup> | null = null;

/** Starts fetching ECharts (idempotent); the shell calls it once signed in, so charts appear with their data. */
export function preloadCharts(): Promise<typeof EChartsSetup> {
  return (loading ??= import('./echarts-setup.ts'));
}

export function Chart({ option, height = 280, testId, label, onClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    let disposed = false;
    void preloadCharts().then(({ echarts }) => {
      if (disposed) return;
      const created = echarts.init(el, null, { renderer: 'canvas' });
      instance = created;
      created.on('click', (p: ECElementEvent) => {
        clickRef.current?.({ dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? -1, value: p.value });
      });
      observer = new ResizeObserver(() => created.resize());
      observer.observe(el);
      setChart(created);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption({ color: PALETTE, textStyle: { fontFamily: 'inherit' }, animationDuration: 400, ...option }, { notMerge: true });
  }, [chart, option]);

  return (
    <div
      ref={ref}
      className={`chart ${chart === null ? 'chart-loading' : ''}`}
      style={{ height }}
      role="img"
      aria-label={label}
      data-ready={chart !== null}
      {...(testId === undefined ? {} : { 'data-testid': testId })}
    />
  );
}
