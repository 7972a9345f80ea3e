// Campaign results ("Prove"): what each campaign earned against its holdout.
export { campaignResults, DEFAULT_GROSS_MARGIN } from './campaign-results.ts';
export type { CampaignResultsOptions } from './campaign-results.ts';
export { CampaignNotFoundError } from './campaign-scope.ts';
export type * from './results-types.ts';
