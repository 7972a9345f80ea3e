/** Row issues of an import: file, line, column, code, message. */
import type { ImportIssueView } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function IssuesTable({ issues }: { readonly issues: readonly ImportIssueView[] }) {
  const { t, fmt } = useI18n();
  if (issues.length === 0) return <p className="muted">{t('imports.noIssues')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="import-issues">
        <thead>
          <tr>
            <th>{t('imports.file')}</th>
            <th className="num">{t('imports.line')}</th>
            <th>{t('imports.column')}</th>
            <th>{t('imports.code')}</th>
            <th>{t('imports.message')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, n) => (
            <tr key={n} className={i.severity === 'error' ? 'row-error' : 'row-warn'} data-testid="import-issue-row">
              <td className="ellipsis">{i.file}</td>
              <td className="num">{fmt.int(i.line)}</td>
              <td>{i.column ?? '—'}</td>
              <td><code>{i.code}</code></td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
