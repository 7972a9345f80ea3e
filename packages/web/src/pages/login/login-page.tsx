/** Sign in with a username and password; the server sets the session cookie and returns the CSRF token. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError } from '../../api/api-error.ts';
import { auth } from '../../api/endpoints.ts';
import { toApiError } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    auth.login(username.trim(), password)
      .then((r) => session.signedIn(r))
      .catch((err: unknown) => {
        setError(toApiError(err));
        setBusy(false);
      });
  };

  return (
    <div className="login-wrap">
      <form className="login card" onSubmit={submit} data-testid="login-form">
        <div className="login-head">
          <span className="brand-mark" aria-hidden="true">回</span>
          <div>
            <h1>{t('app.name')}</h1>
            <p className="muted">{t('login.tagline')}</p>
          </div>
        </div>
        <label className="field">
          <span>{t('login.username')}</span>
          <input name="username" autoComplete="username" required value={username}
            onChange={(e) => setUsername(e.target.value)} data-testid="login-username" />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} data-testid="login-password" />
        </label>
        {error !== null && <ErrorBox error={error} />}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="login-submit">
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
        <div className="login-foot">
          <span className="muted">{t('login.hint')}</span>
          <LanguageSwitch />
        </div>
      </form>
    </div>
  );
}
