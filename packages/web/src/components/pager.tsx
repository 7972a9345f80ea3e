/** Previous/next paging for `{ total, rows }` lists. */
import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
  readonly onChange: (offset: number) => void;
}

export function Pager({ offset, limit, total, onChange }: Props) {
  const { t, fmt } = useI18n();
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(total, offset + limit);
  return (
    <nav className="pager" aria-label={t('common.pages')} data-testid="pager">
      <span className="muted">{t('common.showing', { from: fmt.int(from), to: fmt.int(to), total: fmt.int(total) })}</span>
      <button type="button" className="btn" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))} data-testid="pager-prev">
        {t('common.prev')}
      </button>
      <button type="button" className="btn" disabled={to >= total} onClick={() => onChange(offset + limit)} data-testid="pager-next">
        {t('common.next')}
      </button>
    </nav>
  );
}
