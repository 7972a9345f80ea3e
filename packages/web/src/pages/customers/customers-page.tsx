/** Customers: filters on every label, a sortable paged table, rows open the profile. */
import { useMemo } from 'react';
import { customers as customersApi } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Pager } from '../../components/pager.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { href, navigate, parseHash } from '../../router.ts';
import { useShop } from '../../session/session.tsx';
import { CustomerFilters } from './customer-filters.tsx';
import { CustomerTable } from './customer-table.tsx';
import { PAGE_SIZE, apiQuery, listStateQuery, readListState } from './customer-query.ts';
import type { ListState } from './customer-query.ts';

export function CustomersPage({ query }: { readonly query: URLSearchParams }) {
  const { t, fmt } = useI18n();
  const { shop, canWrite } = useShop();
  const key = query.toString();
  const state = useMemo(() => readListState(new URLSearchParams(key)), [key]);
  const list = useApi((signal) => customersApi.list(shop, apiQuery(state), signal), [shop, state]);
  // A debounced filter change can fire after a row click has already left for a profile (React keeps a
  // suspended page mounted while the next page's code loads): only the list itself may move the list.
  const go = (next: ListState) => {
    if (parseHash(window.location.hash).page === 'customers') navigate(href('customers', listStateQuery(next)));
  };

  return (
    <div className="page" data-testid="page-customers">
      <PageHeader
        title={t('customers.title')}
        subtitle={list.data === undefined ? undefined : t('customers.count', { total: fmt.int(list.data.total) })
          + (list.data.asOf === null ? '' : ` · ${t('overview.asOfDay', { day: list.data.asOf })}`)}
      />
      <CustomerFilters
        filters={state.filters}
        searchHint={canWrite ? t('customers.searchHint') : t('customers.searchHintAnalyst')}
        onChange={(filters) => go({ ...state, filters, offset: 0 })}
      />
      {!canWrite && <p className="muted small" data-testid="masked-note">{t('customers.maskedNote')}</p>}
      <Card>
        {list.error !== undefined ? <ErrorBox error={list.error} onRetry={list.reload} />
          : list.data === undefined ? <Loading />
            : list.data.rows.length === 0 ? <p className="muted" data-testid="customers-empty">{t('customers.none')}</p>
              : (
                <div className={list.loading ? 'stale' : ''}>
                  <CustomerTable rows={list.data.rows} sort={state.sort} desc={state.desc}
                    onSort={(sort) => go({ ...state, sort, desc: sort === state.sort ? !state.desc : true, offset: 0 })} />
                  <Pager offset={state.offset} limit={PAGE_SIZE} total={list.data.total} onChange={(offset) => go({ ...state, offset })} />
                </div>
              )}
      </Card>
    </div>
  );
}
