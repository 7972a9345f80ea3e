/** The current shop; a select when the database holds several. */
import type { ShopView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  readonly shops: readonly ShopView[];
  readonly shop: string;
  readonly onChange: (name: string) => void;
}


export function ShopSwitcher({ shops, shop, onChange }: Props) {
  const { t } = useI18n();
  if (shops.length <= 1) {
    const only = shops[0];
    return <span className="shop-name" data-testid="shop-name">{only === undefined ? shop : only.name}</span>;
  }
  return (
    <label className="shop-switcher">
      <span className="sr-only">{t('nav.shop')}</span>
      <select value={shop} onChange={(e) => onChange(e.target.value)} data-testid="shop-switcher">
        {shops.map((s) => (
          <option key={s.name} value={s.name}>{s.name}</option>
        ))}
      </select>
    </label>
  );
}
