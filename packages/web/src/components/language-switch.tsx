/** 中文 / English; the choice is kept in localStorage. */
import { useI18n } from '../i18n/i18n.tsx';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-ghost lang-switch"
      data-testid="language-switch"
      aria-label={t('nav.language')}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {lang === 'zh' ? 'English' : '中文'}
    </button>
  );
}
