/**
 * The shell: a top bar (brand, shop, user, language, sign out), the page nav (a side column on laptops, a
 * bottom bar on phones; see styles.css) and the page.
 */
import type { ReactNode } from 'react';
import type { SessionUser, ShopView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/i18n.tsx';
import type { PageName } from '../router.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { ShopSwitcher } from './shop-switcher.tsx';

const PAGES: readonly { readonly page: PageName; readonly label: MessageKey; readonly icon: string; readonly ownerOnly?: boolean }[] = [
  { page: 'overview', label: 'nav.overview', icon: '◎' },
  { page: 'customers', label: 'nav.customers', icon: '☺' },
  { page: 'segments', label: 'nav.segments', icon: '▦' },
  { page: 'campaigns', label: 'nav.campaigns', icon: '✉' },
  { page: 'imports', label: 'nav.imports', icon: '⇪' },
  { page: 'settings', label: 'nav.settings', icon: '⚙', ownerOnly: true },
];

interface Props {
  readonly user: SessionUser;
  readonly shops: readonly ShopView[];
  readonly shop: string;
  readonly current: PageName | null;
  readonly onShop: (name: string) => void;
  readonly onLogout: () => void;
  readonly children: ReactNode;
}

export function Layout({ user, shops, shop, current, onShop, onLogout, children }: Props) {
  const { t, label } = useI18n();
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="#/overview">
          <span className="brand-mark" aria-hidden="true">回</span>
          <span className="brand-text">{t('app.name')}</span>
        </a>
        <ShopSwitcher shops={shops} shop={shop} onChange={onShop} />
        <div className="topbar-right">
          <span className="user" data-testid="current-user">
            <span className="user-name">{user.displayName !== '' ? user.displayName : user.username}</span>
            <span className={`role role-${user.role}`} data-testid="current-role">{label('role', user.role)}</span>
          </span>
          <LanguageSwitch />
          <button type="button" className="btn btn-ghost" onClick={onLogout} data-testid="logout">{t('nav.logout')}</button>
        </div>
      </header>
      <nav className="nav" aria-label={t('nav.main')}>
        {PAGES.filter((p) => p.ownerOnly !== true || user.role === 'owner').map((p) => (
          <a
            key={p.page}
            href={`#/${p.page}`}
            className={`nav-link ${current === p.page ? 'nav-current' : ''}`}
            aria-current={current === p.page ? 'page' : undefined}
            data-testid={`nav-${p.page}`}
          >
            <span className="nav-icon" aria-hidden="true">{p.icon}</span>
            <span className="nav-label">{t(p.label)}</span>
          </a>
        ))}
      </nav>
      <main className="main" id="main">{children}</main>
    </div>
  );
}
