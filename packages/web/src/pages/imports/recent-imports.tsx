/** The shop's recent import batches with their counts. */
import type { ImportBatchList } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function RecentImports({ list }: { readonly list: ImportBatchList }) {
  const { t, fmt, label } = useI18n();
  if (list.rows.length === 0) return <p className="muted" data-testid="imports-empty">{t('imports.noBatches')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="imports-recent">
        <thead>
          <tr>
            <th>{t('imports.started')}</th>
            <th>{t('imports.files')}</th>
            <th>{t('imports.format')}</th>
            <th>{t('common.status')}</th>
            <th className="num">{t('imports.rowsRead')}</th>
            <th className="num">{t('imports.ordersNew')}</th>
            <th className="num">{t('imports.ordersUpdated')}</th>
            <th className="num">{t('imports.errors')}</th>
            <th className="num">{t('imports.warnings')}</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((b) => (
            <tr key={b.batchId} data-testid="imports-recent-row">
              <td className="nowrap">{fmt.dateTime(b.startedAt)}</td>
              <td className="ellipsis">{b.files.join(' + ')}</td>
              <td>{b.format ?? '—'}</td>
              <td><span className={`badge badge-${b.status}`}>{label('unitStatus', b.status)}</span></td>
              <td className="num">{fmt.int(b.rowsRead)}</td>
              <td className="num">{fmt.int(b.ordersNew)}</td>
              <td className="num">{fmt.int(b.ordersUpdated)}</td>
              <td className="num">{fmt.int(b.errors)}</td>
              <td className="num">{fmt.int(b.warnings)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
