/**
 * The app: language and session providers, the login page when signed out, else the shell with the page
 * the hash names. Pages other than the overview load lazily so the overview is ready first.
 */
import { Suspense, lazy, useEffect, useMemo } from 'react';
import { preloadCharts } from './charts/chart.tsx';
import { Layout } from './components/layout.tsx';
import { Loading } from './components/loading.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { LoginPage } from './pages/login/login-page.tsx';
import { OverviewPage } from './pages/overview/overview-page.tsx';
import { pageOf, parseHash, useHash } from './router.ts';
import type { Route } from './router.ts';
import { SessionProvider, ShopContextValue, useSession } from './session/session.tsx';
import type { ShopContext } from './session/session.tsx';

const CustomersPage = lazy(() => import('./pages/customers/customers-page.tsx').then((m) => ({ default: m.CustomersPage })));
const ProfilePage = lazy(() => import('./pages/customers/profile-page.tsx').then((m) => ({ default: m.ProfilePage })));
const SegmentsPage = lazy(() => import('./pages/segments/segments-page.tsx').then((m) => ({ default: m.SegmentsPage })));
const CampaignsPage = lazy(() => import('./pages/campaigns/campaigns-page.tsx').then((m) => ({ default: m.CampaignsPage })));
const CampaignNewPage = lazy(() => import('./pages/campaigns/campaign-new-page.tsx').then((m) => ({ default: m.CampaignNewPage })));
const CampaignPage = lazy(() => import('./pages/campaigns/campaign-page.tsx').then((m) => ({ default: m.CampaignPage })));
const SettingsPage = lazy(() => import('./pages/settings/settings-page.tsx').then((m) => ({ default: m.SettingsPage })));
const ImportsPage = lazy(() => import('./pages/imports/imports-page.tsx').then((m) => ({ default: m.ImportsPage })));

function Page({ route }: { readonly route: Route }) {
  const { t } = useI18n();
  switch (route.page) {
    case 'overview':
      return <OverviewPage />;
    case 'customers':
      return <CustomersPage query={route.query} />;
    case 'customer':
      return <ProfilePage id={route.id} />;
    case 'segments':
      return <SegmentsPage />;
    case 'campaigns':
      return <CampaignsPage />;
    case 'campaign-new':
      return <CampaignNewPage template={route.template} />;
    case 'campaign':
      return <CampaignPage campaignKey={route.key} />;
    case 'imports':
      return <ImportsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'not-found':
      return <div className="notice">{t('common.notFound')}</div>;
  }
}

function Shell() {
  const { state, logout, selectShop } = useSession();
  const { t } = useI18n();
  const hash = useHash();
  const route = useMemo(() => parseHash(hash), [hash]);
  const ctx = useMemo<ShopContext | null>(() => {
    if (state.status !== 'signed-in' || state.shop === null) return null;
    return { user: state.user, shop: state.shop, role: state.user.role, canWrite: state.user.role !== 'analyst' };
  }, [state]);

  const signedIn = state.status === 'signed-in';
  useEffect(() => {
    if (signedIn) void preloadCharts();
  }, [signedIn]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signed-out') return <LoginPage />;
  return (
    <Layout user={state.user} shops={state.shops} shop={state.shop ?? ''} current={pageOf(route)} onShop={selectShop} onLogout={() => void logout()}>
      {route.page === 'settings' ? (
        // Settings are about the installation, not a shop: they open even before the first import.
        <Suspense fallback={<Loading />}>
          <SettingsPage key="settings" />
        </Suspense>
      ) : ctx === null ? (
        <div className="notice" data-testid="no-shop">{t('common.noShop')}</div>
      ) : (
        <ShopContextValue.Provider value={ctx}>
          <Suspense fallback={<Loading />}>
            <Page key={`${ctx.shop}:${route.page}`} route={route} />
          </Suspense>
        </ShopContextValue.Provider>
      )}
    </Layout>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}
