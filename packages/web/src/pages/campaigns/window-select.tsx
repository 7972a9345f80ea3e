/** The conversion window for results: an order within N days of the touch counts; 0 = each campaign's own window. */
import { useI18n } from '../../i18n/i18n.tsx';

const WINDOWS = [3, 7, 14, 30] as const;
export const OWN_WINDOW = 0;

export function WindowSelect({ value, onChange }: { readonly value: number; readonly onChange: (days: number) => void }) {
  const { t } = useI18n();
  return (
    <label className="inline-field">
      <span>{t('results.window')}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid="results-window">
        <option value={OWN_WINDOW}>{t('results.ownWindow')}</option>
        {WINDOWS.map((w) => <option key={w} value={w}>{t('results.days', { n: w })}</option>)}
      </select>
    </label>
  );
}
