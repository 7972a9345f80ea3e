/** A customer's profile: identity, facts, labels and tier, predictions, recommendations, orders, touches. */
import { customers } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useShop } from '../../session/session.tsx';
import { displayName } from './customer-name.ts';
import { ConsentSection, OrdersSection, RecommendationsSection, TouchesSection } from './profile-activity.tsx';
import { FactsSection, IdentitySection, LabelsSection, PredictionsSection } from './profile-sections.tsx';

export function ProfilePage({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const { shop } = useShop();
  const profile = useApi((signal) => customers.profile(shop, id, signal), [shop, id]);
  const p = profile.data;
  return (
    <div className="page" data-testid="page-profile">
      <a className="back" href="#/customers" onClick={(e) => {
        if (window.history.length > 1) {
          e.preventDefault();
          window.history.back();
        }
      }}>← {t('profile.back')}</a>
      {profile.error !== undefined ? <ErrorBox error={profile.error} onRetry={profile.reload} />
        : p === undefined ? <Loading /> : (
          <>
            <PageHeader title={displayName(p.customer)} subtitle={`#${p.customer.id}${p.asOf === null ? '' : ` · ${t('overview.asOfDay', { day: p.asOf })}`}`} />
            <div className="grid-2">
              <IdentitySection p={p} />
              <LabelsSection p={p} />
              <FactsSection p={p} />
              <PredictionsSection p={p} />
              <RecommendationsSection p={p} />
              <ConsentSection p={p} onChanged={profile.reload} />
            </div>
            <OrdersSection p={p} />
            <TouchesSection p={p} />
          </>
        )}
    </div>
  );
}
