/** Campaigns: the shop's campaigns, the playbook templates to start from, and every campaign's results. */
import { useMemo, useState } from 'react';
import { campaigns } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useShop } from '../../session/session.tsx';
import { CampaignTable } from './campaign-table.tsx';
import { resultRows } from './result-rows.ts';
import { ResultsTable } from './results-table.tsx';
import { TemplateList } from './template-list.tsx';
import { OWN_WINDOW, WindowSelect } from './window-select.tsx';

export function CampaignsPage() {
  const { t } = useI18n();
  const { shop, canWrite } = useShop();
  const [window, setWindow] = useState(OWN_WINDOW);
  const list = useApi((signal) => campaigns.list(shop, signal), [shop]);
  const playbook = useApi((signal) => campaigns.playbook(shop, signal), [shop]);
  const results = useApi((signal) => campaigns.allResults(shop, window, signal), [shop, window]);
  const rows = useMemo(() => (results.data === undefined ? [] : resultRows(results.data.campaigns)), [results.data]);

  return (
    <div className="page" data-testid="page-campaigns">
      <PageHeader title={t('campaigns.title')} subtitle={t('campaigns.subtitle')} />
      <Card title={t('campaigns.list')}>
        {list.error !== undefined ? <ErrorBox error={list.error} onRetry={list.reload} />
          : list.data === undefined ? <Loading /> : <CampaignTable rows={list.data.rows} />}
      </Card>
      <Card title={t('campaigns.templates')} testId="campaigns-playbook">
        {!canWrite && <p className="muted small">{t('campaigns.readOnly')}</p>}
        {playbook.error !== undefined ? <ErrorBox error={playbook.error} onRetry={playbook.reload} />
          : playbook.data === undefined ? <Loading /> : <TemplateList templates={playbook.data.templates} canWrite={canWrite} />}
      </Card>
      <Card title={t('results.title')} actions={<WindowSelect value={window} onChange={setWindow} />} testId="campaigns-results">
        {results.error !== undefined ? <ErrorBox error={results.error} onRetry={results.reload} />
          : results.data === undefined ? <Loading /> : <ResultsTable rows={rows} showCampaign />}
      </Card>
    </div>
  );
}
