/**
 * A new campaign from a playbook template: edit the YAML, validate (issues with paths), preview the audience
 * and cost for a day, save (paused until launched on its page).
 */
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/api-error.ts';
import { campaigns } from '../../api/endpoints.ts';
import type { PreviewResponse, ValidateResponse } from '../../api/types.ts';
import { toApiError, useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { href, navigate } from '../../router.ts';
import { useShop } from '../../session/session.tsx';
import { PreviewPanel } from './preview-panel.tsx';

type Busy = 'validate' | 'preview' | 'save' | null;

export function CampaignNewPage({ template }: { readonly template: string | null }) {
  const { t, lang } = useI18n();
  const { shop, canWrite } = useShop();
  const playbook = useApi((signal) => campaigns.playbook(shop, signal), [shop]);
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [validation, setValidation] = useState<ValidateResponse | null>(null);
  const [preview, setPreview] = useState<PreviewResponse | null>(null);

  const templates = playbook.data?.templates ?? [];
  useEffect(() => {
    if (text !== '' || templates.length === 0) return;
    setText((templates.find((x) => x.key === template) ?? templates[0])?.text ?? '');
  }, [templates, template, text]);

  const run = <T,>(what: Exclude<Busy, null>, call: () => Promise<T>, done: (r: T) => void) => {
    setBusy(what);
    setError(null);
    call().then(done, (e: unknown) => setError(toApiError(e))).finally(() => setBusy(null));
  };
  const edit = (next: string) => {
    setText(next);
    setValidation(null);
    setPreview(null);
  };

  return (
    <div className="page" data-testid="page-campaign-new">
      <a className="back" href="#/campaigns">← {t('campaigns.title')}</a>
      <PageHeader title={t('campaigns.new')} subtitle={t('campaigns.newHint')} />
      {playbook.error !== undefined && <ErrorBox error={playbook.error} onRetry={playbook.reload} />}
      {playbook.data === undefined && playbook.error === undefined ? <Loading /> : (
        <div className="grid-2 grid-editor">
          <Card title={t('campaigns.definition')}>
            <label className="field">
              <span>{t('campaigns.template')}</span>
              <select
                data-testid="campaign-template-select"
                value={templates.find((x) => x.text === text)?.key ?? ''}
                onChange={(e) => edit(templates.find((x) => x.key === e.target.value)?.text ?? text)}
              >
                <option value="" disabled>{t('campaigns.edited')}</option>
                {templates.map((x) => <option key={x.key} value={x.key}>{lang === 'zh' ? x.name.zh : x.name.en}</option>)}
              </select>
            </label>
            <textarea
              className="editor"
              spellCheck={false}
              value={text}
              onChange={(e) => edit(e.target.value)}
              readOnly={!canWrite}
              aria-label={t('campaigns.definition')}
              data-testid="campaign-editor"
            />
            {canWrite ? (
              <div className="actions">
                <label className="inline-field">
                  <span>{t('campaigns.previewDate')}</span>
                  <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="campaign-preview-date" />
                </label>
                <button type="button" className="btn" disabled={busy !== null} data-testid="campaign-validate"
                  onClick={() => run('validate', () => campaigns.validate(shop, text), setValidation)}>
                  {t('campaigns.validate')}
                </button>
                <button type="button" className="btn" disabled={busy !== null} data-testid="campaign-preview-button"
                  onClick={() => run('preview', () => campaigns.preview(shop, text, date), setPreview)}>
                  {busy === 'preview' ? t('common.loading') : t('campaigns.preview')}
                </button>
                <button type="button" className="btn btn-primary" disabled={busy !== null} data-testid="campaign-save"
                  onClick={() => run('save', () => campaigns.save(shop, text), (r) => navigate(href(`campaigns/${encodeURIComponent(r.campaign.key)}`)))}>
                  {t('campaigns.save')}
                </button>
              </div>
            ) : (
              <p className="muted small" data-testid="campaign-read-only">{t('campaigns.readOnly')}</p>
            )}
          </Card>
          <Card title={t('campaigns.preview')}>
            {error !== null && <ErrorBox error={error} />}
            {validation !== null && (
              <div className={`notice ${validation.valid ? 'notice-ok' : 'notice-error'}`} data-testid="campaign-validation" data-valid={validation.valid}>
                <strong>{validation.valid ? t('campaigns.valid') : t('campaigns.invalid')}</strong>
                {validation.issues.length > 0 && (
                  <ul className="issues">
                    {validation.issues.map((i, n) => <li key={n}><code>{i.path}</code> {lang === 'zh' ? i.messageZh : i.message}</li>)}
                  </ul>
                )}
              </div>
            )}
            {preview !== null ? <PreviewPanel preview={preview} />
              : validation === null && error === null && <p className="muted">{t('campaigns.previewHint')}</p>}
          </Card>
        </div>
      )}
    </div>
  );
}
