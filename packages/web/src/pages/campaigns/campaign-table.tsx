/** The shop's campaigns with status, trigger, channels, holdout and touch counts. */
import type { CampaignSummaryView } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { href } from '../../router.ts';

export function CampaignTable({ rows }: { readonly rows: readonly CampaignSummaryView[] }) {
  const { t, fmt, lang, label } = useI18n();
  if (rows.length === 0) return <p className="muted" data-testid="campaigns-empty">{t('campaigns.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="campaign-table">
        <thead>
          <tr>
            <th>{t('campaigns.name')}</th>
            <th>{t('common.status')}</th>
            <th className="hide-sm">{t('campaigns.trigger')}</th>
            <th className="hide-sm">{t('campaigns.channels')}</th>
            <th className="num">{t('campaigns.holdout')}</th>
            <th className="num">{t('campaigns.sent')}</th>
            <th className="num hide-sm">{t('campaigns.queued')}</th>
            <th className="hide-sm">{t('campaigns.lastRun')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.key} data-testid="campaign-row" data-key={c.key}>
              <td><a href={href(`campaigns/${encodeURIComponent(c.key)}`)}>{lang === 'zh' ? c.name.zh : c.name.en}</a> <span className="muted small">{c.key}</span></td>
              <td><span className={`badge badge-${c.status}`}>{label('campaignStatus', c.status)}</span></td>
              <td className="hide-sm">{label('trigger', c.triggerKind)}</td>
              <td className="hide-sm">{c.channels.map((x) => label('channel', x)).join(' / ')}</td>
              <td className="num">{fmt.pct(c.holdout, 0)}</td>
              <td className="num">{fmt.int(c.touches['sent'] ?? 0)}</td>
              <td className="num hide-sm">{fmt.int(c.touches['queued'] ?? 0)}</td>
              <td className="hide-sm nowrap">{c.lastOccurrence === null ? '—' : fmt.dateTime(c.lastOccurrence.plannedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
