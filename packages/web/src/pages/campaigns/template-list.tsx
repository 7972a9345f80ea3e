/** The playbook's starter templates; each opens the editor with its YAML. */
import type { PlaybookView } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { href } from '../../router.ts';

export function TemplateList({ templates, canWrite }: { readonly templates: PlaybookView['templates']; readonly canWrite: boolean }) {
  const { t, fmt, lang, label } = useI18n();
  return (
    <ul className="template-list" data-testid="campaign-templates">
      {templates.map((x) => (
        <li key={x.key} className="template" data-testid="campaign-template" data-key={x.key}>
          <div className="template-head">
            <strong>{lang === 'zh' ? x.name.zh : x.name.en}</strong>
            <span className={`badge badge-${x.kind}`}>{label('campaignKind', x.kind)}</span>
          </div>
          <p className="muted small">
            {label('trigger', x.triggerKind)} · {x.channels.map((c) => label('channel', c)).join(' / ')}
            {' · '}{t('campaigns.holdoutShare', { share: fmt.pct(x.holdout, 0) })}
            {x.hasOffer && ` · ${t('campaigns.withOffer')}`}
          </p>
          <a className="btn btn-small" href={href('campaigns/new', { template: x.key })} data-testid="campaign-template-use">
            {canWrite ? t('campaigns.useTemplate') : t('campaigns.viewTemplate')}
          </a>
        </li>
      ))}
    </ul>
  );
}
