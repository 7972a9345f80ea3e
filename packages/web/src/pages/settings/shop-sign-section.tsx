/**
 * The current shop's SMS signature (签名): the one its texts carry and where it comes from (the shop's own,
 * HUITOU_SMS_SIGN, the shop's name); the owner sets the shop's own or removes it. The server checks it.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { shops } from '../../api/endpoints.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function ShopSignSection({ shop, onChanged }: { readonly shop: string; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const list = useApi(() => shops.list(), [shop]);
  const [text, setText] = useState('');
  const { busy, error, run } = useAction(() => {
    list.reload();
    onChanged();
  });
  const current = list.data?.rows.find((r) => r.name === shop);

  const save = (smsSign: string | null): Promise<boolean> => run(() => shops.setSmsSign(shop, { smsSign }), () => setText(''));
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void save(text.trim());
  };

  return (
    <Card title={t('settings.shopSign', { shop })} testId="settings-shop-sign">
      {list.error !== undefined ? <ErrorBox error={list.error} onRetry={list.reload} /> : current === undefined ? <Loading /> : (
        <>
          <p data-testid="shop-sign-current">
            {t('settings.shopSignCurrent')}<strong>【{current.smsSign}】</strong>
            <span className="muted"> · {t(`settings.shopSignSource.${current.smsSignSource}`)}</span>
          </p>
          <form className="settings-form" onSubmit={submit} data-testid="shop-sign-form">
            <div className="form-grid">
              <label className="field"><span>{t('settings.shopSignNew')}</span>
                <input value={text} maxLength={12} autoComplete="off" placeholder={t('settings.shopSignPlaceholder')}
                  onChange={(e) => setText(e.target.value)} data-testid="shop-sign-input" />
              </label>
            </div>
            <p className="muted">{t('settings.shopSignHint')}</p>
            <div className="actions">
              <button type="submit" className="btn btn-primary" disabled={busy || text.trim() === ''} data-testid="shop-sign-save">{t('settings.shopSignSave')}</button>
              {current.smsSignSource === 'shop' && (
                <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => void save(null)} data-testid="shop-sign-clear">{t('settings.shopSignClear')}</button>
              )}
            </div>
          </form>
          {error !== null && <ErrorBox error={error} />}
        </>
      )}
    </Card>
  );
}
