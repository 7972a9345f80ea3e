/** What an import job did: per unit (files imported together) the status, counts and row issues. */
import type { ImportJobView } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { IssuesTable } from './issues-table.tsx';

export function ImportReport({ job }: { readonly job: ImportJobView }) {
  const { t, fmt, lang, label } = useI18n();
  return (
    <div className="import-report" data-testid="import-report" data-state={job.state}>
      {job.error !== null && (
        <div className="notice notice-error" role="alert">{lang === 'zh' ? job.error.messageZh : job.error.message}</div>
      )}
      {job.units.map((u) => (
        <section key={u.batchId} className="unit" data-testid="import-unit" data-status={u.status}>
          <h3>
            <span className={`badge badge-${u.status}`}>{label('unitStatus', u.status)}</span> {u.files.join(' + ')}
          </h3>
          <p className="muted">
            {[u.format, u.encoding].filter((x) => x !== null).join(' · ')}
            {u.message !== null && ` · ${u.message}`}
          </p>
          <dl className="stats">
            <div><dt>{t('imports.rowsRead')}</dt><dd>{fmt.int(u.rowsRead)}</dd></div>
            <div><dt>{t('imports.ordersNew')}</dt><dd data-testid="import-orders-new">{fmt.int(u.ordersNew)}</dd></div>
            <div><dt>{t('imports.ordersUpdated')}</dt><dd>{fmt.int(u.ordersUpdated)}</dd></div>
            <div><dt>{t('imports.ordersUnchanged')}</dt><dd>{fmt.int(u.ordersUnchanged)}</dd></div>
            <div><dt>{t('imports.lines')}</dt><dd>{fmt.int(u.lines)}</dd></div>
            <div><dt>{t('imports.customersNew')}</dt><dd>{fmt.int(u.customersNew)}</dd></div>
            <div><dt>{t('imports.errors')}</dt><dd className={u.errors > 0 ? 'text-bad' : ''}>{fmt.int(u.errors)}</dd></div>
            <div><dt>{t('imports.warnings')}</dt><dd>{fmt.int(u.warnings)}</dd></div>
          </dl>
          <IssuesTable issues={u.issues} />
          {u.issues.length < u.errors + u.warnings && (
            <p className="muted">{t('imports.firstIssues', { shown: fmt.int(u.issues.length), total: fmt.int(u.errors + u.warnings) })}</p>
          )}
        </section>
      ))}
      {job.state === 'done' && (
        <p className="muted" data-testid="import-analyzed">{job.analyzed ? t('imports.analyzed') : t('imports.notAnalyzed')}</p>
      )}
    </div>
  );
}
