/** Imports: drag-and-drop upload with progress, the job's report and row issues, and recent batches. */
import { useCallback } from 'react';
import { imports } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useShop } from '../../session/session.tsx';
import { AnalyzeButton } from './analyze-button.tsx';
import { DropZone } from './drop-zone.tsx';
import { ImportReport } from './import-report.tsx';
import { RecentImports } from './recent-imports.tsx';
import { useImport } from './use-import.ts';

export function ImportsPage() {
  const { t, fmt, label } = useI18n();
  const { shop, canWrite } = useShop();
  const recent = useApi(() => imports.list(shop), [shop]);
  const reload = recent.reload;
  const onFinished = useCallback(() => reload(), [reload]);
  const { state, start, cancel, reset } = useImport(shop, onFinished);
  const busy = state.phase === 'uploading' || state.phase === 'importing';

  return (
    <div className="page" data-testid="page-imports">
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      {canWrite ? (
        <Card title={t('imports.upload')}>
          <DropZone disabled={busy} onFiles={(files) => void start(files)} />
          {state.phase === 'uploading' && (
            <div className="upload-status" data-testid="upload-status" data-phase="uploading">
              <p>{t('imports.uploading', { files: state.files.join(', ') })} · {fmt.pct(state.total > 0 ? state.loaded / state.total : 0, 0)}</p>
              <ProgressBar value={state.total > 0 ? state.loaded / state.total : null} label={t('imports.uploadProgress')} testId="import-progress" />
              <button type="button" className="btn" onClick={cancel}>{t('common.cancel')}</button>
            </div>
          )}
          {(state.phase === 'importing' || state.phase === 'finished') && (
            <div className="upload-status" data-testid="upload-status" data-phase={state.phase}>
              <p>
                <span className={`badge badge-${state.job.state}`} data-testid="import-state">{label('jobState', state.job.state)}</span>{' '}
                {t('imports.rowsSoFar', { rows: fmt.int(state.job.rows) })}
                {state.job.expectedRows !== null && ` / ${fmt.int(state.job.expectedRows)}`}
              </p>
              <ProgressBar
                value={state.phase === 'finished' ? 1 : state.job.progress}
                label={t('imports.importProgress')}
                testId="import-progress"
              />
              {state.phase === 'finished' && <ImportReport job={state.job} />}
              {state.phase === 'finished' && state.job.state === 'done' && !state.job.analyzed && <AnalyzeButton shop={shop} />}
              {state.phase === 'finished' && (
                <button type="button" className="btn" onClick={reset} data-testid="import-again">{t('imports.again')}</button>
              )}
            </div>
          )}
          {state.phase === 'error' && (
            <>
              <ErrorBox error={state.error} />
              <button type="button" className="btn" onClick={reset}>{t('imports.again')}</button>
            </>
          )}
        </Card>
      ) : (
        <div className="notice" data-testid="imports-read-only">{t('imports.readOnly')}</div>
      )}
      <Card title={t('imports.recent')}>
        {recent.error !== undefined ? <ErrorBox error={recent.error} onRetry={recent.reload} />
          : recent.data === undefined ? <Loading /> : <RecentImports list={recent.data} />}
      </Card>
    </div>
  );
}
