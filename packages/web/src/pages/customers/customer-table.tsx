/** The customer list: one row per customer with their labels; a row opens the profile. */
import type { CustomerRowView } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/i18n.tsx';
import { href, navigate } from '../../router.ts';
import { displayName } from './customer-name.ts';
import type { SORTS } from './filter-codes.ts';

type Sort = (typeof SORTS)[number];

interface Props {
  readonly rows: readonly CustomerRowView[];
  readonly sort: Sort;
  readonly desc: boolean;
  readonly onSort: (sort: Sort) => void;
}

function SortHeader({ sort, current, desc, label, onSort, num = true }: {
  readonly sort: Sort; readonly current: Sort; readonly desc: boolean; readonly label: string; readonly onSort: (s: Sort) => void; readonly num?: boolean;
}) {
  const on = sort === current;
  return (
    <th className={num ? 'num' : ''} aria-sort={on ? (desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="th-sort" onClick={() => onSort(sort)} data-testid={`sort-${sort}`}>
        {label}{on ? (desc ? ' ↓' : ' ↑') : ''}
      </button>
    </th>
  );
}

export function CustomerTable({ rows, sort, desc, onSort }: Props) {
  const { t, fmt, label } = useI18n();
  const h = (key: MessageKey) => t(key);
  return (
    <div className="table-wrap">
      <table className="table table-hover" data-testid="customer-table">
        <thead>
          <tr>
            <SortHeader sort="id" current={sort} desc={desc} label="ID" onSort={onSort} />
            <th>{h('customers.customer')}</th>
            <th className="hide-sm">{h('customers.region')}</th>
            <SortHeader sort="orders" current={sort} desc={desc} label={h('customers.orders')} onSort={onSort} />
            <SortHeader sort="spend" current={sort} desc={desc} label={h('customers.spend')} onSort={onSort} />
            <SortHeader sort="last" current={sort} desc={desc} label={h('customers.lastOrder')} onSort={onSort} num={false} />
            <th>{h('customers.segment')}</th>
            <th className="hide-sm">{h('customers.lifecycle')}</th>
            <th className="hide-sm">{h('customers.tier')}</th>
            <th className="hide-sm">{h('customers.churnRisk')}</th>
            <SortHeader sort="p_alive" current={sort} desc={desc} label="P(alive)" onSort={onSort} />
            <SortHeader sort="clv" current={sort} desc={desc} label="CLV" onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr
              key={c.id}
              data-testid="customer-row"
              data-id={c.id}
              tabIndex={0}
              onClick={() => navigate(href(`customers/${c.id}`))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') navigate(href(`customers/${c.id}`));
              }}
            >
              <td className="num muted">{c.id}</td>
              <td>
                <a href={href(`customers/${c.id}`)} className="cell-name" data-testid="customer-name" onClick={(e) => e.stopPropagation()}>{displayName(c)}</a>
                {c.name !== null && c.nick !== null && <div className="muted small">{c.name}</div>}
              </td>
              <td className="hide-sm">{[c.province, c.city].filter((x) => x !== null).join(' ')}</td>
              <td className="num">{fmt.int(c.validOrders)}</td>
              <td className="num">{fmt.money(c.netSpend)}</td>
              <td className="nowrap">{fmt.day(c.lastOrder)}</td>
              <td>{c.labels?.segment == null ? '—' : <span className={`tag tag-${c.labels.segment}`}>{label('segment', c.labels.segment)}</span>}</td>
              <td className="hide-sm">{label('lifecycle', c.labels?.lifecycle)}</td>
              <td className="hide-sm">{label('tier', c.labels?.tier)}</td>
              <td className="hide-sm">{c.labels?.churnRisk == null ? '—' : <span className={`risk risk-${c.labels.churnRisk}`}>{label('churn', c.labels.churnRisk)}</span>}</td>
              <td className="num">{fmt.pct(c.labels?.pAlive, 0)}</td>
              <td className="num">{fmt.money(c.labels?.clv)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
