/** A secret (a generated password, an API token) shown once, highlighted, with a warning and a copy button. */
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/i18n.tsx';

interface Props {
  readonly value: string;
  readonly warning: MessageKey;
  readonly testId: string;
  readonly onDismiss: () => void;
}

export function SecretOnce({ value, warning, testId, onDismiss }: Props) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(value).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <div className="notice notice-warn secret-once" role="status" data-testid={`${testId}-panel`}>
      <strong>{t(warning)}</strong>
      <code className="secret" data-testid={testId}>{value}</code>
      <div className="actions">
        <button type="button" className="btn" onClick={copy} data-testid={`${testId}-copy`}>{t('settings.copy')}</button>
        <button type="button" className="btn btn-ghost" onClick={onDismiss} data-testid={`${testId}-dismiss`}>{t('settings.secretDone')}</button>
        {copied !== null && <span className="muted small">{copied ? t('settings.copied') : t('settings.copyFailed')}</span>}
      </div>
    </div>
  );
}

/** A strong random password (for resets left empty): 18 characters from an unambiguous alphabet. */
export function randomPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
