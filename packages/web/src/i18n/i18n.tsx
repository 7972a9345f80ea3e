/**
 * The language context: `t(key, params)` for messages, `label(kind, code)` for analysis codes, and Intl
 * formatters. The choice is stored in localStorage; zh is the default.
 */
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { en } from './en.ts';
import { formatters } from './format.ts';
import type { Formatters } from './format.ts';
import { storeLang, storedLang } from './lang.ts';
import type { Lang } from './lang.ts';
import { zh } from './zh.ts';
import type { MessageKey, Messages } from './zh.ts';

export type { Lang, MessageKey };
export type Params = Readonly<Record<string, string | number>>;

export interface I18n {
  readonly lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Params): string;
  /** The label of an analysis code (`segment`, `important_value`); the code itself when unknown. */
  label(kind: string, code: string | null | undefined): string;
  /** Whether a message exists for a dynamic key. */
  has(key: string): boolean;
  readonly fmt: Formatters;
}

const CATALOGUES: Readonly<Record<Lang, Messages>> = { zh, en };

function lookup(messages: Messages, key: string): string | undefined {
  return Object.hasOwn(messages, key) ? messages[key as MessageKey] : undefined;
}

export function interpolate(text: string, params?: Params): string {
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m));
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const messages = CATALOGUES[lang];
    return {
      lang,
      setLang,
      t: (key, params) => interpolate(messages[key], params),
      label: (kind, code) => {
        if (code === null || code === undefined || code === '') return '—';
        return lookup(messages, `${kind}.${code}`) ?? code;
      },
      has: (key) => lookup(messages, key) !== undefined,
      fmt: formatters(lang),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
