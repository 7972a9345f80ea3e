/** One KPI: its value for the period and the change against the previous period. */
import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  /** The change against the previous period (its sign colours the card), or null when not comparable. */
  readonly change: number | null;
  /** The change as text (a relative change or a difference in points). */
  readonly changeText: string;
  readonly previous: string;
  readonly selected?: boolean;
  readonly onSelect?: () => void;
}

export function KpiCard({ id, label, value, change, changeText, previous, selected = false, onSelect }: Props) {
  const { t } = useI18n();
  const direction = change === null || Math.abs(change) < 0.0005 ? 'flat' : change > 0 ? 'up' : 'down';
  return (
    <button
      type="button"
      className={`kpi ${selected ? 'kpi-selected' : ''}`}
      data-testid={`kpi-${id}`}
      aria-pressed={selected}
      onClick={onSelect}
    >
      <span className="kpi-label">{label}</span>
      <span className="kpi-value" data-testid={`kpi-${id}-value`}>{value}</span>
      <span className={`kpi-change kpi-${direction}`}>
        {direction === 'up' ? '▲ ' : direction === 'down' ? '▼ ' : ''}
        {change === null ? t('overview.noPrevious') : changeText}
        <span className="muted"> · {t('overview.previousValue', { value: previous })}</span>
      </span>
    </button>
  );
}
