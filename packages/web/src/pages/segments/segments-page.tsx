/**
 * Segments: the RFM grid as a heatmap, the segment table, lifecycle funnel, tier ladder, Pareto curve,
 * cohort retention and SKU repurchase cycles. Cells, stages and tiers link to the matching customers.
 */
import { useMemo } from 'react';
import { segments as segmentsApi } from '../../api/endpoints.ts';
import type { SegmentsView } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { BarChart } from '../../charts/bar-chart.tsx';
import { CohortHeatmap } from '../../charts/cohort-heatmap.tsx';
import { FunnelChart } from '../../charts/funnel-chart.tsx';
import { ParetoChart } from '../../charts/pareto-chart.tsx';
import { RfmHeatmap } from '../../charts/rfm-heatmap.tsx';
import { SkuCyclesChart } from '../../charts/sku-cycles-chart.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { href, navigate } from '../../router.ts';
import { useShop } from '../../session/session.tsx';
import { SegmentTable } from './segment-table.tsx';

export function SegmentsPage() {
  const { t } = useI18n();
  const { shop } = useShop();
  const data = useApi((signal) => segmentsApi.get(shop, signal), [shop]);
  return (
    <div className="page" data-testid="page-segments">
      <PageHeader title={t('segments.title')}
        subtitle={data.data === undefined ? t('segments.subtitle') : `${t('segments.subtitle')} · ${t('overview.asOfDay', { day: data.data.asOf })}`} />
      {data.error !== undefined ? <ErrorBox error={data.error} onRetry={data.reload} />
        : data.data === undefined ? <Loading /> : <SegmentsBody view={data.data} />}
    </div>
  );
}

/** The most recent cohorts shown (older ones have run their 12 months). */
const COHORT_ROWS = 18;

function SegmentsBody({ view }: { readonly view: SegmentsView }) {
  const { t, fmt, lang, label } = useI18n();
  const lifecycle = useMemo(() => view.lifecycle.map((l) => ({ name: lang === 'zh' ? l.zh : l.en, value: l.customers })), [view.lifecycle, lang]);
  // The ladder: highest tier (deepest discount) on top, non-members at the bottom.
  const ladder = useMemo(() => [...view.tiers].sort((a, b) => (a.discount ?? 10) - (b.discount ?? 10)), [view.tiers]);
  const cohortRows = useMemo(() => view.cohorts.rows.slice(-COHORT_ROWS), [view.cohorts.rows]);
  const tiers = useMemo(() => ladder.map((x) => ({
    name: label('tier', x.tier),
    value: x.customers,
    details: [
      `${t('segments.avgSpend')}: ${fmt.money(x.avgSpend)}`,
      `${t('segments.revenue')}: ${fmt.money(x.revenue)}`,
      `${t('segments.upDown90')}: +${fmt.int(x.upgrades90d)} / −${fmt.int(x.downgrades90d)}`,
    ],
  })), [ladder, label, t, fmt]);
  const cycles = useMemo(() => view.skuCycles.map((c) => ({
    sku: c.sku, title: c.title, medianDays: c.medianDaysPerUnit, p25: c.p25, p75: c.p75, customers: c.customers,
  })), [view.skuCycles]);

  return (
    <div className="grid-2">
      <Card title={t('segments.rfmGrid')} testId="segments-rfm">
        <p className="muted small">{t('segments.rfmHint')}</p>
        <RfmHeatmap cells={view.rfmGrid} onSelect={(r, f) => navigate(href('customers', { minR: String(r), minF: String(f) }))} />
      </Card>
      <Card title={t('segments.table')} testId="segments-table">
        <SegmentTable rows={view.segments} />
      </Card>
      <Card title={t('overview.lifecycle')} testId="segments-lifecycle">
        <FunnelChart items={lifecycle} title={t('overview.lifecycle')} testId="chart-funnel"
          onSelect={(i) => {
            const l = view.lifecycle[i];
            if (l !== undefined) navigate(href('customers', { lifecycle: l.code }));
          }} />
      </Card>
      <Card title={t('segments.tiers')} testId="segments-tiers">
        <BarChart items={tiers} title={t('segments.tiers')} testId="chart-tiers"
          onSelect={(i) => {
            const x = ladder[i];
            if (x !== undefined) navigate(href('customers', { tier: x.tier }));
          }} />
      </Card>
      <Card title={t('segments.pareto')} testId="segments-pareto">
        <ParetoChart points={view.pareto} />
      </Card>
      <Card title={t('segments.cohorts')} testId="segments-cohorts">
        {cohortRows.length === 0 ? <p className="muted">{t('segments.noCohorts')}</p> : <CohortHeatmap rows={cohortRows} />}
      </Card>
      <Card title={t('segments.skuCycles')} testId="segments-sku-cycles" className="span-2">
        {cycles.length === 0 ? <p className="muted">{t('segments.noCycles')}</p> : <SkuCyclesChart cycles={cycles} />}
      </Card>
    </div>
  );
}
