/**
 * What chart components need besides ECharts itself: escaping for formatter HTML, formatter parameter
 * helpers, the palette. No runtime import of ECharts here, so chart options can be built before it loads.
 */
import type { DefaultLabelFormatterCallbackParams as CallbackDataParams } from 'echarts';

/**
 * Escapes text for an ECharts tooltip formatter (formatters return HTML), as echarts.format.encodeHTML does.
 * Every name, title or other user-supplied text that reaches a formatter goes through this.
 */
export function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The dashboard's calm palette, shared by every chart. */
export const PALETTE = ['#2f6fde', '#e8833a', '#3aa57a', '#9a63c9', '#d4545e', '#4fb3c4', '#b5a13b', '#7d8797'];

/** What ECharts passes to tooltip and label formatters. */
export type FormatterParams = CallbackDataParams;

/** Tooltip formatters get one item or (axis trigger) a list. */
export function paramList(p: FormatterParams | FormatterParams[]): FormatterParams[] {
  return Array.isArray(p) ? p : [p];
}

/** The i-th number of a data item's value (or the value itself when it is a single number). */
export function valueAt(p: FormatterParams, i: number): number {
  const v = p.value;
  return Array.isArray(v) ? Number(v[i]) : Number(v);
}
