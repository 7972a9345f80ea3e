/** API tokens: the list (never a secret), creating one (its secret shown once), revoking with a confirm step. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { admin } from '../../api/endpoints.ts';
import type { Role, Scope, TokenView } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { SecretOnce } from './secret-once.tsx';
import { ROLES, SCOPES, scopesOfRole } from './access-lists.ts';


export function TokensSection({ onChanged }: { readonly onChanged: () => void }) {
  const { t } = useI18n();
  const tokens = useApi((signal) => admin.tokens(signal), []);
  const { busy, error, run: act } = useAction(() => {
    tokens.reload();
    onChanged();
  });
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);


  return (
    <Card title={t('settings.tokens')} testId="settings-tokens">
      <p className="muted small">{t('settings.tokensHint')}</p>
      {error !== null && <ErrorBox error={error} />}
      {secret !== null && (
        <div data-testid="token-secret-once" data-name={secret.name}>
          <SecretOnce value={secret.secret} warning="settings.tokenOnce" testId="token-secret" onDismiss={() => setSecret(null)} />
        </div>
      )}
      {tokens.error !== undefined ? <ErrorBox error={tokens.error} onRetry={tokens.reload} />
        : tokens.data === undefined ? <Loading /> : tokens.data.rows.length === 0 ? <p className="muted" data-testid="tokens-empty">{t('settings.noTokens')}</p> : (
          <div className="table-wrap">
            <table className="table" data-testid="token-table">
              <thead>
                <tr>
                  <th>{t('settings.tokenName')}</th>
                  <th>{t('settings.role')}</th>
                  <th>{t('settings.scopes')}</th>
                  <th>{t('settings.created')}</th>
                  <th>{t('settings.lastUsed')}</th>
                  <th>{t('common.status')}</th>
                  <th>{t('settings.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.data.rows.map((tk) => (
                  <TokenRow key={tk.id} tk={tk} busy={busy} confirming={confirming === tk.id} onConfirm={setConfirming}
                    onRevoke={() => void act(() => admin.revokeToken(tk.id)).then(() => setConfirming(null))} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      <CreateTokenForm busy={busy} onCreate={(body) => act(async () => {
        setSecret(null);
        const created = await admin.createToken(body);
        setSecret({ name: created.token.name, secret: created.secret });
      })} />
    </Card>
  );
}

interface RowProps {
  readonly tk: TokenView;
  readonly busy: boolean;
  readonly confirming: boolean;
  readonly onConfirm: (id: number | null) => void;
  readonly onRevoke: () => void;
}

function TokenRow({ tk, busy, confirming, onConfirm, onRevoke }: RowProps) {
  const { t, fmt, label } = useI18n();
  const revoked = tk.revokedAt !== null;
  return (
    <tr data-testid="token-row" data-name={tk.name} data-revoked={String(revoked)}>
      <td><strong>{tk.name}</strong></td>
      <td><span className={`role role-${tk.role}`}>{label('role', tk.role)}</span></td>
      <td>{tk.scopes.map((s) => label('scope', s)).join('、')}</td>
      <td className="small">{fmt.dateTime(tk.createdAt)}</td>
      <td className="small">{tk.lastUsedAt === null ? t('settings.never') : fmt.dateTime(tk.lastUsedAt)}</td>
      <td>
        <span className={`badge ${revoked ? 'badge-failed' : 'badge-active'}`} data-testid="token-status">
          {revoked ? t('settings.revokedAt', { at: fmt.dateTime(tk.revokedAt) }) : t('settings.live')}
        </span>
      </td>
      <td>
        {!revoked && !confirming && (
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => onConfirm(tk.id)} data-testid="token-revoke">{t('settings.revoke')}</button>
        )}
        {!revoked && confirming && (
          <span className="row-actions" data-testid="token-revoke-panel">
            <span className="small text-bad">{t('settings.revokeConfirmText')}</span>
            <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={onRevoke} data-testid="token-revoke-confirm">{t('settings.revokeNow')}</button>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => onConfirm(null)}>{t('common.cancel')}</button>
          </span>
        )}
      </td>
    </tr>
  );
}

function CreateTokenForm({ busy, onCreate }: { readonly busy: boolean; readonly onCreate: (body: { name: string; role: Role; scopes: Scope[] }) => Promise<boolean> }) {
  const { t, label } = useI18n();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [scopes, setScopes] = useState<readonly Scope[]>(['read']);
  const allowed = scopesOfRole(role);
  const chosen = scopes.filter((s) => allowed.includes(s));
  const pickRole = (r: Role) => {
    setRole(r);
    setScopes((prev) => {
      const kept = prev.filter((s) => scopesOfRole(r).includes(s));
      return kept.length === 0 ? ['read'] : kept;
    });
  };
  const toggle = (s: Scope, on: boolean) => setScopes((prev) => (on ? [...prev.filter((x) => x !== s), s] : prev.filter((x) => x !== s)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onCreate({ name: name.trim(), role, scopes: SCOPES.filter((s) => chosen.includes(s)) }).then((ok) => {
      if (ok) setName('');
    });
  };
  return (
    <form className="settings-form" onSubmit={submit} data-testid="token-create-form">
      <h3>{t('settings.createToken')}</h3>
      <div className="form-grid">
        <label className="field"><span>{t('settings.tokenName')}</span>
          <input value={name} required maxLength={100} autoComplete="off" placeholder={t('settings.tokenNamePlaceholder')}
            onChange={(e) => setName(e.target.value)} data-testid="token-create-name" />
        </label>
        <label className="field"><span>{t('settings.role')}</span>
          <select value={role} onChange={(e) => pickRole(e.target.value as Role)} data-testid="token-create-role">
            {ROLES.map((r) => <option key={r} value={r}>{label('role', r)}</option>)}
          </select>
        </label>
        <fieldset className="field scopes">
          <legend>{t('settings.scopes')}</legend>
          {SCOPES.map((s) => (
            <label key={s} className={`check ${allowed.includes(s) ? '' : 'muted'}`}>
              <input type="checkbox" checked={chosen.includes(s)} disabled={!allowed.includes(s)}
                onChange={(e) => toggle(s, e.target.checked)} data-testid={`token-create-scope-${s}`} />
              {label('scope', s)}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy || name.trim() === '' || chosen.length === 0} data-testid="token-create-submit">
          {t('settings.createTokenSubmit')}
        </button>
      </div>
    </form>
  );
}
