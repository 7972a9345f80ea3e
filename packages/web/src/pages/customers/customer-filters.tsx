/**
 * Filters on every label (segment, lifecycle, type, tier, churn risk, replenishment, RFM scores) and on
 * region, orders, spend and P(alive). Changes reach the list after a short pause in typing.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/i18n.tsx';
import { CHURN_RISK, CUSTOMER_TYPES, DUE_STATES, LIFECYCLE, SCORES, SEGMENTS, TIERS } from './filter-codes.ts';
import type { FilterKey, Filters } from './filter-codes.ts';

interface Props {
  readonly filters: Filters;
  readonly searchHint: string;
  readonly onChange: (filters: Filters) => void;
}

const SELECTS: readonly { readonly key: FilterKey; readonly label: MessageKey; readonly kind: string; readonly codes: readonly string[] }[] = [
  { key: 'segment', label: 'customers.segment', kind: 'segment', codes: SEGMENTS },
  { key: 'lifecycle', label: 'customers.lifecycle', kind: 'lifecycle', codes: LIFECYCLE },
  { key: 'customerType', label: 'customers.type', kind: 'type', codes: CUSTOMER_TYPES },
  { key: 'tier', label: 'customers.tier', kind: 'tier', codes: TIERS },
  { key: 'churnRisk', label: 'customers.churnRisk', kind: 'churn', codes: CHURN_RISK },
  { key: 'dueState', label: 'customers.dueState', kind: 'due', codes: DUE_STATES },
  { key: 'minR', label: 'customers.minR', kind: 'score', codes: SCORES },
  { key: 'minF', label: 'customers.minF', kind: 'score', codes: SCORES },
  { key: 'minM', label: 'customers.minM', kind: 'score', codes: SCORES },
];

const INPUTS: readonly { readonly key: FilterKey; readonly label: MessageKey; readonly type: 'text' | 'number'; readonly step?: string }[] = [
  { key: 'province', label: 'customers.province', type: 'text' },
  { key: 'city', label: 'customers.city', type: 'text' },
  { key: 'dueSku', label: 'customers.dueSku', type: 'text' },
  { key: 'minOrders', label: 'customers.minOrders', type: 'number', step: '1' },
  { key: 'maxOrders', label: 'customers.maxOrders', type: 'number', step: '1' },
  { key: 'minSpend', label: 'customers.minSpend', type: 'number', step: '0.01' },
  { key: 'maxSpend', label: 'customers.maxSpend', type: 'number', step: '0.01' },
  { key: 'maxPAlive', label: 'customers.maxPAlive', type: 'number', step: '0.05' },
];

const DEBOUNCE_MS = 350;

export function CustomerFilters({ filters, searchHint, onChange }: Props) {
  const { t, label } = useI18n();
  const [draft, setDraft] = useState<Filters>(filters);
  const [open, setOpen] = useState(() => Object.keys(filters).some((k) => k !== 'search'));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => setDraft(filters), [filters]);
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);

  const update = (key: FilterKey, value: string, immediate: boolean) => {
    const next: Filters = Object.fromEntries(Object.entries({ ...draft, [key]: value }).filter(([, v]) => v.trim() !== ''));
    setDraft(next);
    if (timer.current !== null) clearTimeout(timer.current);
    if (immediate) onChangeRef.current(next);
    else timer.current = setTimeout(() => onChangeRef.current(next), DEBOUNCE_MS);
  };
  const active = Object.keys(draft).length;

  return (
    <form className="filters" role="search" data-testid="customer-filters" onSubmit={(e) => {
      e.preventDefault();
      onChange(draft);
    }}>
      <div className="filters-main">
        <input
          type="search"
          className="search"
          placeholder={searchHint}
          aria-label={t('customers.search')}
          value={draft.search ?? ''}
          onChange={(e) => update('search', e.target.value, false)}
          data-testid="filter-search"
        />
        <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="filters-toggle">
          {t('customers.filters')}{active > 0 ? ` (${active})` : ''}
        </button>
        {active > 0 && (
          <button type="button" className="btn btn-ghost" onClick={() => {
            setDraft({});
            onChange({});
          }} data-testid="filters-clear">{t('customers.clear')}</button>
        )}
      </div>
      <div className={`filters-more ${open ? '' : 'collapsed'}`}>
        {SELECTS.map((s) => (
          <label key={s.key} className="field">
            <span>{t(s.label)}</span>
            <select value={draft[s.key] ?? ''} onChange={(e) => update(s.key, e.target.value, true)} data-testid={`filter-${s.key}`}>
              <option value="">{t('customers.any')}</option>
              {s.codes.map((c) => <option key={c} value={c}>{s.kind === 'score' ? `≥ ${c}` : label(s.kind, c)}</option>)}
              {draft[s.key] !== undefined && !s.codes.includes(draft[s.key] ?? '') && <option value={draft[s.key]}>{draft[s.key]}</option>}
            </select>
          </label>
        ))}
        {INPUTS.map((i) => (
          <label key={i.key} className="field">
            <span>{t(i.label)}</span>
            <input
              type={i.type}
              inputMode={i.type === 'number' ? 'decimal' : undefined}
              min={i.type === 'number' ? 0 : undefined}
              step={i.step}
              value={draft[i.key] ?? ''}
              onChange={(e) => update(i.key, e.target.value, false)}
              data-testid={`filter-${i.key}`}
            />
          </label>
        ))}
      </div>
    </form>
  );
}
