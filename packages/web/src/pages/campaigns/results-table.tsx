/**
 * Results against the holdout: reach and conversion in each arm, uplift with its 95 % interval, incremental
 * revenue, cost and ROI — or why there is none (no holdout, no cost).
 */
import { useI18n } from '../../i18n/i18n.tsx';
import { href } from '../../router.ts';
import type { ResultRow } from './result-rows.ts';

interface Props {
  readonly rows: readonly ResultRow[];
  readonly showCampaign: boolean;
}

export function ResultsTable({ rows, showCampaign }: Props) {
  const { t, fmt, label } = useI18n();
  if (rows.length === 0) return <p className="muted" data-testid="results-empty">{t('results.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="results-table">
        <thead>
          <tr>
            {showCampaign && <th>{t('campaigns.name')}</th>}
            <th>{t('results.part')}</th>
            <th className="num">{t('results.treated')}</th>
            <th className="num">{t('results.holdout')}</th>
            <th className="num">{t('results.treatedRate')}</th>
            <th className="num">{t('results.holdoutRate')}</th>
            <th className="num">{t('results.uplift')}</th>
            <th className="num hide-sm">{t('results.incrementalRevenue')}</th>
            <th className="num hide-sm">{t('results.cost')}</th>
            <th className="num">ROI</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const c = r.comparison;
            const u = c.uplift;
            return (
              <tr key={i} className={`level-${r.level} ${r.level === 'campaign' ? 'row-total' : ''}`} data-testid="results-row" data-campaign={r.campaignKey} data-level={r.level}>
                {showCampaign && (
                  <td>{r.level === 'campaign' && <a href={href(`campaigns/${encodeURIComponent(r.campaignKey)}`)}>{r.campaignName}</a>}</td>
                )}
                <td>{r.part ?? t('results.total')}</td>
                <td className="num">{fmt.int(c.treated.customers)}</td>
                <td className="num">{fmt.int(c.holdout.customers)}</td>
                <td className="num">{fmt.pct(c.treated.conversionRate)}</td>
                <td className="num">{fmt.pct(c.holdout.conversionRate)}</td>
                <td className="num" data-testid="results-uplift">
                  {u === null ? (
                    <span className="muted small">{label('noUplift', c.upliftUnavailable)}</span>
                  ) : (
                    <>
                      <span className={u.absolute.estimate > 0 ? 'text-good' : u.absolute.estimate < 0 ? 'text-bad' : ''}>{fmt.points(u.absolute.estimate)}</span>
                      <div className="muted small">95% [{fmt.points(u.absolute.lower)}, {fmt.points(u.absolute.upper)}]</div>
                    </>
                  )}
                </td>
                <td className="num hide-sm">{fmt.money(c.incremental.revenue?.estimate)}</td>
                <td className="num hide-sm">{fmt.money(c.cost.total)}</td>
                <td className="num" data-testid="results-roi">
                  {c.roi === null ? <span className="muted small">{label('noRoi', c.roiUnavailable)}</span> : fmt.pct(c.roi, 0)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.some((r) => r.comparison.treated.openWindows > 0) && <p className="muted small">{t('results.openWindows')}</p>}
    </div>
  );
}
