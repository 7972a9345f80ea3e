/** The profile's lists: recommendations, the orders timeline, touches (sent and skipped with reasons), consent. */
import { useState } from 'react';
import { consent } from '../../api/endpoints.ts';
import type { ConsentBody, CustomerProfileView } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { href } from '../../router.ts';
import { useShop } from '../../session/session.tsx';

type Profile = CustomerProfileView;

export function RecommendationsSection({ p }: { readonly p: Profile }) {
  const { t, fmt, label } = useI18n();
  return (
    <Card title={t('profile.recommendations')} testId="profile-recommendations">
      {p.recommendations.length === 0 ? <p className="muted">{t('profile.noRecommendations')}</p> : (
        <ul className="list">
          {p.recommendations.map((r) => (
            <li key={`${r.reason}:${r.sku}`} data-testid="profile-recommendation">
              <div><strong>{r.title ?? r.sku}</strong> <span className="muted small">{r.sku}</span></div>
              <div className="muted small">
                {r.reason === 'replenishment'
                  ? t('profile.recReplenish', { state: label('due', r.state), day: fmt.day(r.dueOn) })
                  : t('profile.recFavourite')}
                {r.lastPurchase !== null && ` · ${t('profile.lastBought', { day: r.lastPurchase })}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function OrdersSection({ p }: { readonly p: Profile }) {
  const { t, fmt, label } = useI18n();
  return (
    <Card title={t('profile.orders', { total: fmt.int(p.orders.total) })} testId="profile-orders">
      {p.orders.rows.length === 0 ? <p className="muted">{t('profile.noOrders')}</p> : (
        <ol className="timeline">
          {p.orders.rows.map((o) => (
            <li key={`${o.platform}:${o.orderNo}`} className={o.valid ? '' : 'invalid'} data-testid="profile-order">
              <div className="timeline-head">
                <span className="nowrap">{fmt.dateTime(o.orderTime)}</span>
                <strong>{fmt.money(o.amount)}</strong>
                <span className={`badge ${o.valid ? 'badge-done' : 'badge-failed'}`}>{label('orderStatus', o.status)}</span>
                {o.refund > 0 && <span className="text-bad small">{t('profile.refund', { amount: fmt.money(o.refund) })}</span>}
                {o.couponCode !== null && <span className="tag">{t('profile.coupon', { code: o.couponCode })}</span>}
              </div>
              <div className="muted small">{o.platform} · {o.orderNo}</div>
              <ul className="lines">
                {o.lines.map((l, i) => (
                  <li key={i}>{l.title ?? l.sku} × {fmt.num(l.quantity, 2)}{l.amount !== null && ` · ${fmt.money(l.amount)}`}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {p.orders.total > p.orders.rows.length && <p className="muted small">{t('profile.moreOrders', { shown: p.orders.rows.length })}</p>}
    </Card>
  );
}

export function TouchesSection({ p }: { readonly p: Profile }) {
  const { t, fmt, label } = useI18n();
  return (
    <Card title={t('profile.touches', { total: fmt.int(p.touches.total) })} testId="profile-touches">
      {p.touches.rows.length === 0 ? <p className="muted">{t('profile.noTouches')}</p> : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('profile.when')}</th>
                <th>{t('profile.campaign')}</th>
                <th>{t('profile.channel')}</th>
                <th>{t('common.status')}</th>
                <th>{t('profile.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {p.touches.rows.map((x) => (
                <tr key={x.touchId} data-testid="profile-touch" data-status={x.status}>
                  <td className="nowrap">{fmt.dateTime(x.sentAt ?? x.notBefore)}</td>
                  <td><a href={href(`campaigns/${encodeURIComponent(x.campaignKey)}`)}>{x.campaignName}</a>{x.variant !== null && <span className="muted small"> · {x.variant}</span>}</td>
                  <td>{label('channel', x.channel)}</td>
                  <td><span className={`badge badge-${x.status}`}>{label('touchStatus', x.status)}</span></td>
                  <td data-testid="profile-touch-reason">{x.skipReason === null ? (x.lastError ?? '—') : label('skip', x.skipReason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

const CONSENT_CHANNELS = ['sms', 'email'] as const;
const CONSENT_SOURCES = ['customer_service', 'phone_call', 'wechat_service', 'checkout_form', 'in_store'] as const;

/**
 * Consent per channel (the latest event wins; the profile lists them newest first) and suppressed addresses.
 * Operators and owners record a change (POST consent, audited) and the profile reloads; analysts only see it.
 */
export function ConsentSection({ p, onChanged }: { readonly p: Profile; readonly onChanged: () => void }) {
  const { t, fmt, label } = useI18n();
  const { shop, canWrite } = useShop();
  const [source, setSource] = useState<string>(CONSENT_SOURCES[0]);
  const [wording, setWording] = useState('');
  const { busy, error, run } = useAction(onChanged);
  const record = (channel: ConsentBody['channel'], status: ConsentBody['status']): void =>
    void run(
      () => consent.record(shop, { customerId: p.customer.id, channel, status, source, ...(wording.trim() === '' ? {} : { wording: wording.trim() }) }),
      () => setWording(''),
    );
  return (
    <Card title={t('profile.consent')} testId="profile-consent">
      {error !== null && <ErrorBox error={error} />}
      <ul className="list" data-testid="consent-control">
        {CONSENT_CHANNELS.map((channel) => {
          const latest = p.consent.find((c) => c.channel === channel);
          const status = latest?.status ?? 'none';
          return (
            <li key={channel} className="consent-channel" data-testid={`consent-${channel}`} data-status={status}>
              <span>{label('channel', channel)}: <strong data-testid={`consent-${channel}-state`}>{latest === undefined ? t('profile.consentNone') : label('consent', latest.status)}</strong></span>
              {latest !== undefined && <span className="muted small"> {latest.source} · {fmt.dateTime(latest.recordedAt)}</span>}
              {canWrite && (
                <span className="row-actions">
                  <button type="button" className="btn btn-small" disabled={busy || status === 'granted'} onClick={() => record(channel, 'granted')} data-testid={`consent-${channel}-grant`}>
                    {t('profile.consentGrant')}
                  </button>
                  <button type="button" className="btn btn-small" disabled={busy || status === 'revoked'} onClick={() => record(channel, 'revoked')} data-testid={`consent-${channel}-revoke`}>
                    {t('profile.consentRevoke')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
        {p.suppressions.map((s, i) => (
          <li key={`s${i}`}>{label('channel', s.channel)} {s.address}: <strong className="text-bad">{t('profile.suppressed')}</strong> <span className="muted small">{label('skip', s.reason)} · {fmt.dateTime(s.createdAt)}</span></li>
        ))}
      </ul>
      {canWrite && (
        <label className="inline-field consent-source">
          <span>{t('profile.consentSource')}</span>
          <select value={source} onChange={(e) => setSource(e.target.value)} data-testid="consent-source">
            {CONSENT_SOURCES.map((s) => <option key={s} value={s}>{label('consentSource', s)}</option>)}
          </select>
        </label>
      )}
      {canWrite && (
        <label className="field consent-wording">
          <span>{t('profile.consentWording')}</span>
          <textarea rows={2} maxLength={2000} value={wording} placeholder={t('profile.consentWordingPlaceholder')}
            onChange={(e) => setWording(e.target.value)} data-testid="consent-wording" />
        </label>
      )}
      {p.consent.length > 0 && (
        <details className="small">
          <summary>{t('profile.consentHistory', { n: p.consent.length })}</summary>
          <ul className="list">
            {p.consent.map((c, i) => (
              <li key={`c${i}`} data-testid="consent-event">
                {label('channel', c.channel)}: <strong>{label('consent', c.status)}</strong> <span className="muted small">{c.source} · {fmt.dateTime(c.recordedAt)}</span>
                {c.wording !== null && <q className="consent-quote" data-testid="consent-event-wording">{c.wording}</q>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}
