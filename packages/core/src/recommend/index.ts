// "What will they buy": association rules from the shop's baskets and per-customer recommendations.
export * from './reasons.ts';
export * from './rule-table.ts';
export * from './co-purchase.ts';
export * from './sequential.ts';
export * from './mine-rules.ts';
export * from './sku-profile.ts';
export * from './recommend.ts';
export * from './evaluate.ts';
