/**
 * Settings (owners only): users and roles, API tokens, the current shop's SMS signature, the audit log. The server enforces all of it; the page
 * only shows what an owner may do and the server's own messages (e.g. the last owner cannot be demoted).
 */
import { useCallback, useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { AuditSection } from './audit-section.tsx';
import { ShopSignSection } from './shop-sign-section.tsx';
import { TokensSection } from './tokens-section.tsx';
import { UsersSection } from './users-section.tsx';

export function SettingsPage() {
  const { t } = useI18n();
  const { state } = useSession();
  // Every change bumps this so the audit log shows it without a manual refresh.
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const me = state.status === 'signed-in' ? state.user : null;
  return (
    <div className="page" data-testid="page-settings">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {me === null || me.role !== 'owner' ? (
        <div className="notice notice-warn" data-testid="settings-owner-only">{t('settings.ownerOnly')}</div>
      ) : (
        <>
          <UsersSection meId={me.userId} onChanged={changed} />
          <TokensSection onChanged={changed} />
          {state.status === 'signed-in' && state.shop !== null && <ShopSignSection shop={state.shop} onChanged={changed} />}
          <AuditSection version={version} />
        </>
      )}
    </div>
  );
}
