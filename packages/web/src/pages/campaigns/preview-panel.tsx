/** A preview: audience, queued, holdout, skipped by reason, messages and cost per channel, coupon cost, samples. */
import type { PreviewResponse } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function PreviewPanel({ preview }: { readonly preview: PreviewResponse }) {
  const { t, fmt, lang, label } = useI18n();
  const totals = preview.totals;
  return (
    <div className="preview" data-testid="campaign-preview">
      <p className="muted small">{t('campaigns.previewDay', { day: preview.day })}</p>
      {preview.plans.length === 0 && <p className="notice" data-testid="preview-no-occurrence">{t('campaigns.noOccurrence')}</p>}
      <dl className="stats">
        <div><dt>{t('campaigns.audience')}</dt><dd data-testid="preview-audience">{fmt.int(totals.audience)}</dd></div>
        <div><dt>{t('campaigns.queued')}</dt><dd data-testid="preview-queued">{fmt.int(totals.queued)}</dd></div>
        <div><dt>{t('campaigns.holdout')}</dt><dd data-testid="preview-holdout">{fmt.int(totals.holdout)}</dd></div>
        <div><dt>{t('campaigns.skipped')}</dt><dd data-testid="preview-skipped">{fmt.int(totals.skipped)}</dd></div>
        <div><dt>{t('campaigns.messageCost')}</dt><dd data-testid="preview-message-cost">{fmt.money(totals.messageCost)}</dd></div>
        <div><dt>{t('campaigns.couponCost')}</dt><dd data-testid="preview-coupon-cost">{fmt.money(totals.expectedCouponCost)}</dd></div>
      </dl>
      {preview.suggestion !== null && (
        <p className="notice" data-testid="preview-suggestion">
          <strong>{lang === 'zh' ? preview.suggestion.label.zh : preview.suggestion.label.en}</strong>{' '}
          {lang === 'zh' ? preview.suggestion.explanation.zh : preview.suggestion.explanation.en}
        </p>
      )}
      {preview.plans.map((p) => (
        <section key={p.occurrenceKey} className="plan">
          <h3 className="small">{p.occurrenceKey}</h3>
          <div className="table-wrap">
            <table className="table">
              <thead><tr><th>{t('profile.channel')}</th><th className="num">{t('campaigns.messages')}</th><th className="num">{t('campaigns.smsSegments')}</th><th className="num">{t('results.cost')}</th></tr></thead>
              <tbody>
                {Object.entries(p.byChannel).map(([ch, v]) => (
                  <tr key={ch}><td>{label('channel', ch)}</td><td className="num">{fmt.int(v.messages)}</td><td className="num">{fmt.int(v.segments)}</td><td className="num">{fmt.money(v.cost)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          {Object.keys(p.skipped).length > 0 && (
            <p className="muted small">{t('campaigns.skippedBy')}: {Object.entries(p.skipped).map(([r, n]) => `${label('skip', r)} ${fmt.int(n)}`).join(' · ')}</p>
          )}
          {p.samples.length > 0 && (
            <details>
              <summary>{t('campaigns.samples', { n: p.samples.length })}</summary>
              <ul className="samples">
                {p.samples.map((s, i) => (
                  <li key={i} data-testid="preview-sample">
                    <span className="muted small">#{s.customerId} · {label('channel', s.channel)} · {s.variant}</span>
                    {s.subject !== null && <strong className="block">{s.subject}</strong>}
                    <span className="pre">{s.body}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      ))}
    </div>
  );
}
