/** The profile's summary sections: identity, facts, tier, predictions. */
import type { CustomerProfileView } from '../../api/types.ts';
import { Card } from '../../components/card.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Profile = CustomerProfileView;

function Row({ label, value, testId }: { readonly label: string; readonly value: string; readonly testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd {...(testId === undefined ? {} : { 'data-testid': testId })}>{value}</dd>
    </div>
  );
}

export function IdentitySection({ p }: { readonly p: Profile }) {
  const { t, label } = useI18n();
  const c = p.customer;
  const dash = (v: string | null) => v ?? '—';
  return (
    <Card title={t('profile.identity')} testId="profile-identity">
      <dl className="stats stats-wide">
        <Row label={t('profile.nick')} value={dash(c.nick)} testId="profile-nick" />
        <Row label={t('profile.name')} value={dash(c.name)} testId="profile-name" />
        <Row label={t('profile.phone')} value={dash(c.phone)} testId="profile-phone" />
        <Row label={t('profile.email')} value={dash(c.email)} />
        <Row label={t('customers.region')} value={[c.province, c.city, c.district].filter((x) => x !== null).join(' ') || '—'} />
        <Row label={t('profile.birthday')} value={dash(c.birthday)} />
        <Row label={t('profile.buyerKey')} value={`${label('keyKind', c.keyKind)}: ${c.keyValue}`} />
      </dl>
      {c.identities.length > 1 && (
        <p className="muted small">{t('profile.identities')}: {c.identities.map((i) => `${label('keyKind', i.kind)} ${i.value}`).join(' · ')}</p>
      )}
    </Card>
  );
}

export function FactsSection({ p }: { readonly p: Profile }) {
  const { t, fmt } = useI18n();
  const f = p.facts;
  return (
    <Card title={t('profile.facts')} testId="profile-facts">
      {f === null ? <p className="muted">{t('profile.noFacts')}</p> : (
        <dl className="stats stats-wide">
          <Row label={t('profile.validOrders')} value={`${fmt.int(f.validOrders)} / ${fmt.int(f.orders)}`} />
          <Row label={t('customers.spend')} value={fmt.money(f.netSpend)} />
          <Row label={t('profile.aov')} value={fmt.money(f.avgOrderValue)} />
          <Row label={t('profile.firstOrder')} value={fmt.day(f.firstOrder)} />
          <Row label={t('customers.lastOrder')} value={fmt.day(f.lastOrder)} />
          <Row label={t('profile.recency')} value={f.recencyDays === null ? '—' : t('profile.daysAgo', { n: fmt.int(f.recencyDays) })} />
          <Row label={t('profile.interval')} value={f.medianIntervalDays === null ? '—' : `${fmt.num(f.medianIntervalDays)} ${t('common.days')}`} />
          <Row label={t('profile.refunds')} value={`${fmt.int(f.refundOrders)} · ${fmt.money(f.refundAmount)}`} />
        </dl>
      )}
    </Card>
  );
}

export function LabelsSection({ p }: { readonly p: Profile }) {
  const { t, fmt, label } = useI18n();
  const l = p.labels;
  const tier = p.tier;
  return (
    <Card title={t('profile.labels')} testId="profile-tier">
      {l === null ? <p className="muted">{t('profile.noLabels')}</p> : (
        <>
          <div className="tags">
            {l.segment !== null && <span className={`tag tag-${l.segment}`}>{label('segment', l.segment)}</span>}
            {l.lifecycle !== null && <span className="tag">{label('lifecycle', l.lifecycle)}</span>}
            <span className="tag">{label('type', l.customerType)}</span>
            <span className="tag tag-tier" data-testid="profile-tier-code">{label('tier', tier?.code ?? l.tier)}</span>
          </div>
          <dl className="stats stats-wide">
            <Row label="R / F / M" value={[l.rScore, l.fScore, l.mScore].map((s) => (s === null ? '—' : String(s))).join(' / ')} />
            <Row label={t('profile.tierDiscount')} value={tier?.discount == null ? '—' : t('profile.zhe', { n: fmt.num(tier.discount) })} />
            <Row label={t('profile.tierSince')} value={fmt.day(tier?.since)} />
          </dl>
          {tier !== null && tier.history.length > 0 && (
            <ul className="timeline compact">
              {tier.history.map((h, i) => (
                <li key={i}>
                  <span className="muted">{h.changedOn}</span> {label('tier', h.from)} → {label('tier', h.to)}{' '}
                  <span className={h.direction === 'up' ? 'text-good' : 'text-bad'}>{h.direction === 'up' ? '▲' : '▼'}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}

export function PredictionsSection({ p }: { readonly p: Profile }) {
  const { t, fmt, label } = useI18n();
  const m = p.predictions;
  return (
    <Card title={t('profile.predictions')} testId="profile-predictions">
      {m === null ? <p className="muted">{t('profile.noPredictions')}</p> : (
        <dl className="stats stats-wide">
          <Row label="P(alive)" value={fmt.pct(m.pAlive)} testId="profile-p-alive" />
          <Row label={t('profile.churnRisk')} value={label('churn', m.churnRisk)} />
          <Row label={t('profile.expected', { days: 30 })} value={fmt.num(m.expected30, 2)} />
          <Row label={t('profile.expected', { days: 90 })} value={fmt.num(m.expected90, 2)} />
          <Row label={t('profile.expected', { days: 365 })} value={fmt.num(m.expected365, 2)} />
          <Row label={t('profile.expectedValue')} value={fmt.money(m.expectedOrderValue)} />
          <Row label="CLV" value={fmt.money(m.clv)} />
          <Row label={t('profile.nextOrder')} value={fmt.day(m.nextOrder)} />
        </dl>
      )}
    </Card>
  );
}
