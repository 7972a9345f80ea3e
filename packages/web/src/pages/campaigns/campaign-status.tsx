/** Live status: touches by status, skip reasons, cost so far and the occurrences planned. */
import type { CampaignDetailView } from '../../api/types.ts';
import { Card } from '../../components/card.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const TOUCH_STATUSES = ['queued', 'sending', 'sent', 'holdout', 'skipped', 'dead', 'cancelled'] as const;

export function CampaignStatus({ detail }: { readonly detail: CampaignDetailView }) {
  const { t, fmt, label } = useI18n();
  const touches = detail.campaign.touches;
  return (
    <div className="grid-2">
      <Card title={t('campaigns.touches')} testId="campaign-touches">
        <dl className="stats">
          {TOUCH_STATUSES.map((s) => (
            <div key={s}><dt>{label('touchStatus', s)}</dt><dd data-testid={`touches-${s}`}>{fmt.int(touches[s] ?? 0)}</dd></div>
          ))}
          <div><dt>{t('results.cost')}</dt><dd data-testid="campaign-cost">{fmt.money(detail.cost)}</dd></div>
        </dl>
        {Object.keys(detail.skipped).length > 0 && (
          <p className="muted small" data-testid="campaign-skipped">
            {t('campaigns.skippedBy')}: {Object.entries(detail.skipped).map(([r, n]) => `${label('skip', r)} ${fmt.int(n)}`).join(' · ')}
          </p>
        )}
      </Card>
      <Card title={t('campaigns.occurrences')} testId="campaign-occurrences">
        {detail.occurrences.length === 0 ? <p className="muted">{t('campaigns.noOccurrences')}</p> : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('campaigns.occurrence')}</th>
                  <th className="num">{t('campaigns.audience')}</th>
                  <th className="num">{t('campaigns.queued')}</th>
                  <th className="num">{t('campaigns.holdout')}</th>
                  <th className="num">{t('campaigns.skipped')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.occurrences.map((o) => (
                  <tr key={o.key} data-testid="occurrence-row">
                    <td>{o.key}<div className="muted small">{fmt.dateTime(o.plannedAt)}</div></td>
                    <td className="num">{fmt.int(o.audience)}</td>
                    <td className="num">{fmt.int(o.queued)}</td>
                    <td className="num">{fmt.int(o.holdout)}</td>
                    <td className="num">{fmt.int(o.skipped)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
