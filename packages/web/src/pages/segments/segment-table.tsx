/** The eight RFM segments: size, share, recency, orders, spend and revenue share; a row opens its customers. */
import type { SegmentsView } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { href } from '../../router.ts';

export function SegmentTable({ rows }: { readonly rows: SegmentsView['segments'] }) {
  const { t, fmt, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="segment-table">
        <thead>
          <tr>
            <th>{t('customers.segment')}</th>
            <th className="num">{t('common.customers')}</th>
            <th className="num">{t('segments.share')}</th>
            <th className="num hide-sm">{t('segments.avgRecency')}</th>
            <th className="num hide-sm">{t('segments.avgOrders')}</th>
            <th className="num">{t('segments.avgSpend')}</th>
            <th className="num">{t('segments.revenueShare')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.code} data-testid="segment-row">
              <td><a href={href('customers', { segment: s.code })}><span className={`tag tag-${s.code}`}>{lang === 'zh' ? s.zh : s.en}</span></a></td>
              <td className="num">{fmt.int(s.customers)}</td>
              <td className="num">{fmt.pct(s.share)}</td>
              <td className="num hide-sm">{fmt.num(s.avgRecencyDays, 0)}</td>
              <td className="num hide-sm">{fmt.num(s.avgOrders, 2)}</td>
              <td className="num">{fmt.money(s.avgSpend)}</td>
              <td className="num">{fmt.pct(s.revenueShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
