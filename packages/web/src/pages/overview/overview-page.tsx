/**
 * Overview: the old-customer KPIs of the last 7/30/90 days against the previous period, the selected KPI's
 * trend, new vs returning buyers, and the lifecycle and segment counts (each links to the customers).
 */
import { useMemo, useState } from 'react';
import { overview as overviewApi } from '../../api/endpoints.ts';
import type { LabelCountView, OverviewView } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { BarChart } from '../../charts/bar-chart.tsx';
import { FunnelChart } from '../../charts/funnel-chart.tsx';
import { TrendChart } from '../../charts/trend-chart.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { KpiCard } from '../../components/kpi-card.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { href, navigate } from '../../router.ts';
import { useShop } from '../../session/session.tsx';
import { KPIS, formatChange, formatKpi, kpiValue } from './kpis.ts';
import type { KpiKey } from './kpis.ts';

const PERIODS = [7, 30, 90] as const;

export function OverviewPage() {
  const { t } = useI18n();
  const { shop } = useShop();
  const [period, setPeriod] = useState<number>(30);
  const data = useApi((signal) => overviewApi.get(shop, period, signal), [shop, period]);

  return (
    <div className="page" data-testid="page-overview">
      <PageHeader
        title={t('overview.title')}
        subtitle={data.data === undefined ? t('overview.subtitle') : t('overview.asOf', { day: data.data.asOf, days: period })}
        actions={
          <div className="segmented" role="group" aria-label={t('overview.period')}>
            {PERIODS.map((p) => (
              <button key={p} type="button" className={p === period ? 'on' : ''} aria-pressed={p === period}
                onClick={() => setPeriod(p)} data-testid={`period-${p}`}>
                {t('overview.lastDays', { days: p })}
              </button>
            ))}
          </div>
        }
      />
      {data.error !== undefined ? <ErrorBox error={data.error} onRetry={data.reload} />
        : data.data === undefined ? <Loading /> : <OverviewBody view={data.data} />}
    </div>
  );
}

function OverviewBody({ view }: { readonly view: OverviewView }) {
  const { t, fmt, lang } = useI18n();
  const [selected, setSelected] = useState<KpiKey>('returningBuyers');
  const def = KPIS.find((k) => k.key === selected) ?? KPIS[0]!;
  const periods = useMemo(() => view.trend.map((k) => k.periodEnd), [view.trend]);
  const trendSeries = useMemo(() => [{ name: t(def.label), values: view.trend.map((k) => kpiValue(k, def.key)) }], [view.trend, def, t]);
  const buyerSeries = useMemo(() => [
    { name: t('kpi.returningBuyers'), values: view.trend.map((k) => k.returningBuyers), stack: 'buyers' },
    { name: t('kpi.newBuyers'), values: view.trend.map((k) => k.newBuyers), stack: 'buyers' },
  ], [view.trend, t]);
  const name = (l: LabelCountView): string => (lang === 'zh' ? l.zh : l.en);
  const lifecycle = useMemo(() => view.lifecycle.map((l) => ({ name: lang === 'zh' ? l.zh : l.en, value: l.customers })), [view.lifecycle, lang]);
  const segments = useMemo(() => view.segments.map((l) => ({
    name: lang === 'zh' ? l.zh : l.en, value: l.customers, details: [`${t('common.spend')}: ${fmt.money(l.revenue)}`],
  })), [view.segments, lang, t, fmt]);

  return (
    <>
      <div className="totals" data-testid="overview-totals">
        <span>{t('overview.totalCustomers')} <strong>{fmt.int(view.totals.customers)}</strong></span>
        <span>{t('overview.totalBuyers')} <strong>{fmt.int(view.totals.buyers)}</strong></span>
        <span>{t('overview.totalRepeat')} <strong>{fmt.int(view.totals.repeatBuyers)}</strong></span>
        <span>{t('overview.totalRevenue')} <strong>{fmt.money(view.totals.netRevenue)}</strong></span>
      </div>
      <div className="kpi-grid" data-testid="kpi-cards">
        {KPIS.map((k) => (
          <KpiCard
            key={k.key}
            id={k.key}
            label={t(k.label)}
            value={formatKpi(fmt, k, kpiValue(view.current, k.key))}
            change={view.change[k.key] ?? null}
            changeText={formatChange(fmt, k, view.change[k.key] ?? null)}
            previous={formatKpi(fmt, k, kpiValue(view.previous, k.key))}
            selected={k.key === selected}
            onSelect={() => setSelected(k.key)}
          />
        ))}
      </div>
      <div className="grid-2">
        <Card title={t('overview.trendOf', { kpi: t(def.label) })} testId="overview-trend">
          <TrendChart periods={periods} series={trendSeries} kind={def.kind} title={t(def.label)} testId="chart-trend" />
        </Card>
        <Card title={t('overview.buyersTrend')}>
          <TrendChart periods={periods} series={buyerSeries} kind="int" title={t('overview.buyersTrend')} testId="chart-buyers" />
        </Card>
        <Card title={t('overview.lifecycle')} testId="overview-lifecycle">
          <FunnelChart items={lifecycle} title={t('overview.lifecycle')} testId="chart-lifecycle"
            onSelect={(i) => {
              const l = view.lifecycle[i];
              if (l !== undefined) navigate(href('customers', { lifecycle: l.code }));
            }} />
        </Card>
        <Card title={t('overview.segments')} testId="overview-segments">
          <BarChart items={segments} title={t('overview.segments')} testId="chart-segments"
            onSelect={(i) => {
              const l = view.segments[i];
              if (l !== undefined) navigate(href('customers', { segment: l.code }));
            }} />
          <ul className="sr-only">{view.segments.map((s) => <li key={s.code}>{name(s)} {s.customers}</li>)}</ul>
        </Card>
      </div>
    </>
  );
}
