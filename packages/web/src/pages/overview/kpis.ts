/** The old-customer KPIs the overview shows, in order, with how each is formatted and compared. */
import type { KpiView } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/i18n.tsx';
import type { Formatters } from '../../i18n/format.ts';
import type { ValueKind } from '../../charts/trend-chart.tsx';

export type KpiKey = 'returningBuyers' | 'returningBuyerShare' | 'returningRevenueShare' | 'repurchaseRate'
  | 'netAmount' | 'avgOrderValue' | 'payingBuyers' | 'newBuyers';

export interface KpiDef {
  readonly key: KpiKey;
  readonly label: MessageKey;
  readonly kind: ValueKind;
  /** Shares change by a difference in points; counts and amounts by a relative change. */
  readonly share: boolean;
}

export const KPIS: readonly KpiDef[] = [
  { key: 'returningBuyers', label: 'kpi.returningBuyers', kind: 'int', share: false },
  { key: 'returningBuyerShare', label: 'kpi.returningBuyerShare', kind: 'pct', share: true },
  { key: 'returningRevenueShare', label: 'kpi.returningRevenueShare', kind: 'pct', share: true },
  { key: 'repurchaseRate', label: 'kpi.repurchaseRate', kind: 'pct', share: true },
  { key: 'netAmount', label: 'kpi.netAmount', kind: 'money', share: false },
  { key: 'avgOrderValue', label: 'kpi.avgOrderValue', kind: 'money', share: false },
  { key: 'payingBuyers', label: 'kpi.payingBuyers', kind: 'int', share: false },
  { key: 'newBuyers', label: 'kpi.newBuyers', kind: 'int', share: false },
];

export function kpiValue(kpi: KpiView | null, key: KpiKey): number | null {
  return kpi === null ? null : kpi[key];
}

export function formatKpi(fmt: Formatters, def: KpiDef, value: number | null): string {
  return def.kind === 'money' ? fmt.money(value) : def.kind === 'pct' ? fmt.pct(value) : fmt.int(value);
}

export function formatChange(fmt: Formatters, def: KpiDef, change: number | null): string {
  return def.share ? fmt.points(change) : fmt.delta(change);
}
