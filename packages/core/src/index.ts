// Public surface of @huitou/core: pure analytics and models, no I/O.
export {};
export * from './analytics/index.ts';
export * from './orders/order-status.ts';
export * from './models/index.ts';
export * from './recommend/index.ts';
export * from './campaigns/index.ts';
export * from './uplift/index.ts';
