/** Runs the analysis after an import that did not (labels, KPIs and predictions then include the new orders). */
import { useState } from 'react';
import { analysis } from '../../api/endpoints.ts';
import type { AnalyzeResponse } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function AnalyzeButton({ shop }: { readonly shop: string }) {
  const { t, fmt } = useI18n();
  const [done, setDone] = useState<AnalyzeResponse | null>(null);
  const { busy, error, run } = useAction();
  if (done !== null) {
    return (
      <p className="notice notice-ok" data-testid="analyze-done">
        {t('imports.analyzeDone', { day: done.run.asOf, customers: fmt.int(done.summary.customers), seconds: fmt.num(done.ms / 1000) })}
      </p>
    );
  }
  return (
    <div className="actions">
      <button type="button" className="btn btn-primary" disabled={busy} data-testid="analyze-button" onClick={() => void run(() => analysis.run(shop), setDone)}>
        {busy ? t('imports.analyzing') : t('imports.analyzeNow')}
      </button>
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}
