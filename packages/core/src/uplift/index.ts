// Treated-versus-holdout statistics for campaign results: interval estimates from counts and sums. Pure.
export * from './proportions.ts';
export * from './student-t.ts';
export * from './welch.ts';
export * from './compare-arms.ts';
