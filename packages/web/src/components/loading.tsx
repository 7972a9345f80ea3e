/** A quiet loading placeholder. */
import { useI18n } from '../i18n/i18n.tsx';

export function Loading({ label }: { readonly label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" aria-live="polite" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}
