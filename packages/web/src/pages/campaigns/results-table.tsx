/** Results against the holdout: conversion in each arm, uplift with its interval, incremental revenue, cost, ROI. */
import { useI18n } from '../../i18n/i18n.tsx';
import { href } from '../../router.ts';
import type { ResultRow } from './result-rows.ts';

interface Props {
  readonly rows: readonly ResultRow[];
  readonly names: ReadonlyMap<string, string>;
  readonly showCampaign: boolean;
}

export function ResultsTable({ rows, names, showCampaign }: Props) {
  const { t, fmt } = useI18n();
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
          {rows.map((r, i) => (
            <tr key={i} className={r.part === null ? 'row-total' : ''} data-testid="results-row" data-campaign={r.campaignKey}>
              {showCampaign && <td><a href={href(`campaigns/${encodeURIComponent(r.campaignKey)}`)}>{names.get(r.campaignKey) ?? r.campaignKey}</a></td>}
              <td>{r.part ?? t('results.total')}</td>
              <td className="num">{fmt.int(r.treated)}</td>
              <td className="num">{fmt.int(r.holdout)}</td>
              <td className="num">{fmt.pct(r.treatedRate)}</td>
              <td className="num">{fmt.pct(r.holdoutRate)}</td>
              <td className="num" data-testid="results-uplift">
                <span className={r.uplift === null ? '' : r.uplift > 0 ? 'text-good' : r.uplift < 0 ? 'text-bad' : ''}>{fmt.points(r.uplift)}</span>
                {r.upliftLower !== null && r.upliftUpper !== null && (
                  <div className="muted small">[{fmt.pct(r.upliftLower)}, {fmt.pct(r.upliftUpper)}]</div>
                )}
                {r.uplift === null && r.note !== null && <div className="muted small">{r.note}</div>}
              </td>
              <td className="num hide-sm">{fmt.money(r.incrementalRevenue)}</td>
              <td className="num hide-sm">{fmt.money(r.cost)}</td>
              <td className="num" data-testid="results-roi">{fmt.pct(r.roi, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
