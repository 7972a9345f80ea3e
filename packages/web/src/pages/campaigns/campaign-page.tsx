/**
 * One campaign: status (refreshed while it is active), launch with a confirmation step, pause, occurrences,
 * touches by status and skip reason, and results against the holdout.
 */
import { useEffect, useMemo, useState } from 'react';
import { campaigns } from '../../api/endpoints.ts';
import type { CampaignDetailView, LaunchResponse } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useShop } from '../../session/session.tsx';
import { CampaignStatus } from './campaign-status.tsx';
import { resultRows } from './result-rows.ts';
import { ResultsTable } from './results-table.tsx';
import { OWN_WINDOW, WindowSelect } from './window-select.tsx';

const LIVE_MS = 5000;

export function CampaignPage({ campaignKey }: { readonly campaignKey: string }) {
  const { t, lang } = useI18n();
  const { shop } = useShop();
  const detail = useApi((signal) => campaigns.detail(shop, campaignKey, signal), [shop, campaignKey]);
  const [window, setWindow] = useState(OWN_WINDOW);
  const results = useApi((signal) => campaigns.results(shop, campaignKey, window, signal), [shop, campaignKey, window]);
  const active = detail.data?.campaign.status === 'active';
  const reload = detail.reload;

  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(reload, LIVE_MS);
    return () => clearInterval(timer);
  }, [active, reload]);

  const d = detail.data;
  const name = d === undefined ? campaignKey : lang === 'zh' ? d.campaign.name.zh : d.campaign.name.en;
  const rows = useMemo(() => (results.data === undefined ? [] : resultRows(results.data.campaigns)), [results.data]);

  return (
    <div className="page" data-testid="page-campaign">
      <a className="back" href="#/campaigns">← {t('campaigns.title')}</a>
      <PageHeader title={name} subtitle={campaignKey} />
      {detail.error !== undefined && detail.data === undefined ? <ErrorBox error={detail.error} onRetry={detail.reload} />
        : d === undefined ? <Loading /> : (
          <>
            <Controls detail={d} onChanged={reload} />
            <CampaignStatus detail={d} />
          </>
        )}
      <Card title={t('results.title')} actions={<WindowSelect value={window} onChange={setWindow} />} testId="campaign-results">
        {results.error !== undefined ? <ErrorBox error={results.error} onRetry={results.reload} />
          : results.data === undefined ? <Loading /> : <ResultsTable rows={rows} showCampaign={false} />}
      </Card>
    </div>
  );
}

function Controls({ detail, onChanged }: { readonly detail: CampaignDetailView; readonly onChanged: () => void }) {
  const { t, fmt, label } = useI18n();
  const { shop, canWrite } = useShop();
  const c = detail.campaign;
  const [confirming, setConfirming] = useState(false);
  const [launched, setLaunched] = useState<LaunchResponse | null>(null);
  const { busy, error, run } = useAction(onChanged);
  const act = <T,>(call: () => Promise<T>, after: (r: T) => void): void => void run(call, after);

  return (
    <Card testId="campaign-controls">
      <div className="status-line">
        <span className={`badge badge-${c.status} badge-big`} data-testid="campaign-status" data-status={c.status}>{label('campaignStatus', c.status)}</span>
        {c.statusReason !== null && <span className="muted">{c.statusReason}</span>}
        <span className="muted">{label('campaignKind', c.kind)} · {label('trigger', c.triggerKind)} · {t('campaigns.holdoutShare', { share: fmt.pct(c.holdout, 0) })}</span>
        {canWrite && c.status === 'paused' && !confirming && (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => setConfirming(true)} data-testid="launch-button">
            {t('campaigns.launch')}
          </button>
        )}
        {canWrite && c.status === 'active' && (
          <button type="button" className="btn" disabled={busy} data-testid="pause-button"
            onClick={() => act(() => campaigns.pause(shop, c.key), () => setLaunched(null))}>
            {t('campaigns.pause')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="notice notice-warn confirm" data-testid="launch-confirm-panel">
          <p>{t('campaigns.launchConfirm')}</p>
          <button type="button" className="btn btn-primary" disabled={busy} data-testid="launch-confirm"
            onClick={() => act(() => campaigns.launch(shop, c.key), (r) => {
              setConfirming(false);
              setLaunched(r);
            })}>
            {busy ? t('common.loading') : t('campaigns.launchNow')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
        </div>
      )}
      {launched !== null && (
        <p className="notice notice-ok" data-testid="launch-result">
          {t('campaigns.launched', { day: launched.day, queued: fmt.int(launched.totals.queued), holdout: fmt.int(launched.totals.holdout) })}
        </p>
      )}
      {error !== null && <ErrorBox error={error} />}
    </Card>
  );
}
