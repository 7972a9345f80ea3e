// Campaign building blocks: triggers (cron, retail calendar, date and event triggers), occurrence
// keys, offers, coupon codes and offer suggestions. Pure; see README.md.
export * from './zoned-time.ts';
export * from './days.ts';
export * from './cron-parse.ts';
export * from './cron.ts';
export * from './new-moon.ts';
export * from './lunar.ts';
export * from './retail-calendar.ts';
export * from './occurrence-keys.ts';
export * from './date-triggers.ts';
export * from './event-triggers.ts';
export * from './trigger-spec.ts';
export * from './parse-trigger.ts';
export * from './offers.ts';
export * from './sha256.ts';
export * from './coupon-code.ts';
export * from './issue-coupon.ts';
export * from './redeemed-value.ts';
export * from './threshold-suggestion.ts';
