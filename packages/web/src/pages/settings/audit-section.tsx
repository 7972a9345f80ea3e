/** The audit log, newest first: time, actor, action, target, detail, address; filter by action or family; paged. */
import { useState } from 'react';
import { admin } from '../../api/endpoints.ts';
import type { AuditEntryView } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { Pager } from '../../components/pager.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AUDIT_FAMILIES } from './access-lists.ts';

const LIMIT = 20;

export function AuditSection({ version }: { readonly version: number }) {
  const { t, label } = useI18n();
  const [action, setAction] = useState('');
  const [offset, setOffset] = useState(0);
  const log = useApi((signal) => admin.audit({ action, limit: LIMIT, offset }, signal), [action, offset, version]);
  return (
    <Card title={t('settings.audit')} testId="settings-audit" actions={(
      <>
        <label className="inline-field">
          <span>{t('settings.auditAction')}</span>
          <select value={action} onChange={(e) => { setAction(e.target.value); setOffset(0); }} data-testid="audit-filter">
            <option value="">{t('settings.auditAll')}</option>
            {AUDIT_FAMILIES.map((f) => (
              <optgroup key={f.family} label={label('auditFamily', f.family)}>
                {f.family !== 'import.' && <option value={f.family}>{t('settings.auditFamilyAll', { family: label('auditFamily', f.family) })}</option>}
                {f.actions.map((a) => <option key={a} value={a}>{label('auditAction', a)}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-small" onClick={log.reload} data-testid="audit-refresh">{t('settings.refresh')}</button>
      </>
    )}>
      {log.error !== undefined ? <ErrorBox error={log.error} onRetry={log.reload} />
        : log.data === undefined ? <Loading /> : log.data.rows.length === 0 ? <p className="muted" data-testid="audit-empty">{t('settings.auditEmpty')}</p> : (
          <>
            <div className="table-wrap">
              <table className="table" data-testid="audit-table">
                <thead>
                  <tr>
                    <th>{t('settings.auditTime')}</th>
                    <th>{t('settings.auditActor')}</th>
                    <th>{t('settings.auditAction')}</th>
                    <th>{t('settings.auditTarget')}</th>
                    <th>{t('settings.auditDetail')}</th>
                    <th>{t('settings.auditAddress')}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.data.rows.map((e) => <AuditRow key={e.id} e={e} />)}
                </tbody>
              </table>
            </div>
            <Pager offset={offset} limit={LIMIT} total={log.data.total} onChange={setOffset} />
          </>
        )}
    </Card>
  );
}

function AuditRow({ e }: { readonly e: AuditEntryView }) {
  const { t, fmt, label } = useI18n();
  const actor = e.actor.username ?? (e.actor.tokenId !== null ? `token #${e.actor.tokenId}` : t('settings.auditNobody'));
  return (
    <tr data-testid="audit-row" data-action={e.action} data-target={e.target ?? ''}>
      <td className="small nowrap">{fmt.dateTime(e.at)}</td>
      <td>{actor}</td>
      <td><span title={e.action}>{label('auditAction', e.action)}</span></td>
      <td className="small"><code>{e.target ?? '—'}</code></td>
      <td className="small" data-testid="audit-detail"><AuditDetail detail={e.detail} /></td>
      <td className="small">{e.ip ?? '—'}</td>
    </tr>
  );
}

/** Longest detail shown inline; the whole of it is in the tooltip. */
const DETAIL_CHARS = 120;

/** The entry's detail as `key: value` pairs (nested values as JSON), cut to DETAIL_CHARS. */
function AuditDetail({ detail }: { readonly detail: unknown }) {
  if (detail === null || detail === undefined) return <>—</>;
  const text = typeof detail === 'object' && !Array.isArray(detail)
    ? Object.entries(detail as Record<string, unknown>).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; ')
    : typeof detail === 'string' ? detail : JSON.stringify(detail);
  const full = JSON.stringify(detail, null, 2);
  return <span title={full}>{text.length > DETAIL_CHARS ? `${text.slice(0, DETAIL_CHARS - 1)}…` : text}</span>;
}
