/** The label codes the customer filters offer (their names are in the message files as `kind.code`). */
export const SEGMENTS = ['important_value', 'important_develop', 'important_retain', 'important_win_back', 'general_value', 'general_develop', 'general_retain', 'general_win_back'] as const;
export const LIFECYCLE = ['active', 'silent', 'sleeping', 'about_to_lose', 'lost'] as const;
export const CUSTOMER_TYPES = ['potential', 'new', 'loyal', 'repeat', 'one_time'] as const;
/** The default tier programme's codes; a shop's own codes still show (the filter takes any code). */
export const TIERS = ['supreme', 'vip', 'advanced', 'normal', 'none'] as const;
export const CHURN_RISK = ['low', 'medium', 'high', 'lost'] as const;
export const DUE_STATES = ['due_soon', 'due', 'overdue'] as const;
export const SCORES = ['1', '2', '3', '4', '5'] as const;
export const SORTS = ['spend', 'orders', 'last', 'first', 'id', 'clv', 'p_alive'] as const;

/** Every query parameter the list takes, in the order the filter form shows them. */
export const FILTER_KEYS = [
  'search', 'segment', 'lifecycle', 'customerType', 'tier', 'churnRisk', 'dueState', 'dueSku', 'province', 'city',
  'minOrders', 'maxOrders', 'minSpend', 'maxSpend', 'minR', 'minF', 'minM', 'maxPAlive',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;
