/**
 * The API's request and response types. Where the server's contract (packages/server/src/api/contract) has
 * a type, it is imported from there; the rest follow docs/api.md until their contract files exist.
 */
export type { ImportBatchList, ImportIssueView, ImportJobView, ImportUnitView, Upload } from '../../../server/src/api/contract/imports.ts';

export type { Me as SessionUser, SessionResponse } from '../../../server/src/api/contract/auth.ts';
export type { ErrorBodyJson } from '../../../server/src/api/contract/common.ts';
import type { Me } from '../../../server/src/api/contract/auth.ts';

export type Role = Me['role'];

export type { AnalyzeResponse, ShopListView as ShopList, ShopSummaryView as ShopView } from '../../../server/src/api/contract/shops.ts';
export type { KpiView, LabelCountView, OverviewView } from '../../../server/src/api/contract/overview.ts';
export type { SegmentsView } from '../../../server/src/api/contract/segments.ts';
export type {
  CustomerLabelsView, CustomerListQuery, CustomerListView, CustomerProfileView, CustomerRowView,
} from '../../../server/src/api/contract/customers.ts';
export type {
  CampaignDetailView, CampaignListView, CampaignSummaryView, LaunchResponse, OccurrencePlanView, PlaybookView, PreviewResponse, ValidateResponse,
} from '../../../server/src/api/contract/campaigns.ts';
/**
 * The results routes pass the engine's document through (the contract keeps it open), so the dashboard types
 * it with the engine's own result types.
 */
export type {
  CampaignResult, CampaignResults as ResultsResponse, Comparison, OccurrenceResult,
} from '../../../server/src/engine/results/results-types.ts';
