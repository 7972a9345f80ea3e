/** The conversion window for results: an order within N days of the touch counts. */
import { useI18n } from '../../i18n/i18n.tsx';

const WINDOWS = [3, 7, 14, 30] as const;

export function WindowSelect({ value, onChange }: { readonly value: number; readonly onChange: (days: number) => void }) {
  const { t } = useI18n();
  return (
    <label className="inline-field">
      <span>{t('results.window')}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid="results-window">
        {WINDOWS.map((w) => <option key={w} value={w}>{t('results.days', { n: w })}</option>)}
      </select>
    </label>
  );
}
