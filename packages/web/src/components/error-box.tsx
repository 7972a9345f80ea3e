/** An API error shown calmly: the server's own message in the current language, a hint for 403/401/409. */
import type { ApiError } from '../api/api-error.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  readonly error: ApiError;
  readonly onRetry?: () => void;
}

export function ErrorBox({ error, onRetry }: Props) {
  const { t, lang } = useI18n();
  const forbidden = error.status === 403;
  const hint = forbidden && error.code === 'forbidden'
    ? t('error.forbiddenHint')
    : error.code === 'no_analysis'
      ? t('error.noAnalysisHint')
      : error.code === 'network'
        ? t('error.networkHint')
        : null;
  return (
    <div className={`notice ${forbidden ? 'notice-warn' : 'notice-error'}`} role="alert" data-testid="error-box" data-code={error.code}>
      <strong>{forbidden ? t('error.forbiddenTitle') : t('error.title')}</strong>
      <p>{error.text(lang)}</p>
      {error.issues.length > 0 && (
        <ul className="issues">
          {error.issues.map((i, n) => (
            <li key={n}>
              {i.path !== '' && <code>{i.path}</code>} {lang === 'zh' && i.messageZh !== undefined ? i.messageZh : i.message}
            </li>
          ))}
        </ul>
      )}
      {hint !== null && <p className="muted">{hint}</p>}
      {onRetry !== undefined && !forbidden && (
        <button type="button" className="btn" onClick={onRetry}>{t('common.retry')}</button>
      )}
    </div>
  );
}
