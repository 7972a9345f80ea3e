/**
 * The API's request and response types. Where the server's contract (packages/server/src/api/contract) has
 * a type, it is imported from there (type-only: nothing of the server is bundled).
 */
export type { ImportBatchList, ImportIssueView, ImportJobView, ImportUnitView, Upload } from '../../../server/src/api/contract/imports.ts';

export type { Me as SessionUser, SessionResponse } from '../../../server/src/api/contract/auth.ts';
export type { ErrorBodyJson } from '../../../server/src/api/contract/common.ts';
import type { Me } from '../../../server/src/api/contract/auth.ts';

export type Role = Me['role'];

export type { AnalyzeResponse, ShopListView as ShopList, ShopSummaryView as ShopView, SmsSignBody, SmsSignResponse } from '../../../server/src/api/contract/shops.ts';
export type { KpiView, LabelCountView, OverviewView } from '../../../server/src/api/contract/overview.ts';
export type { SegmentsView } from '../../../server/src/api/contract/segments.ts';
export type {
  CustomerLabelsView, CustomerListQuery, CustomerListView, CustomerProfileView, CustomerRowView,
} from '../../../server/src/api/contract/customers.ts';
export type {
  CampaignDetailView, CampaignListView, CampaignSummaryView, LaunchResponse, OccurrencePlanView, PlaybookView, PreviewResponse, ValidateResponse,
} from '../../../server/src/api/contract/campaigns.ts';
export type {
  CampaignResultView as CampaignResult, ResultsResponse, ComparisonView as Comparison,
} from '../../../server/src/api/contract/results.ts';
import type { CampaignResultView } from '../../../server/src/api/contract/results.ts';
export type OccurrenceResult = CampaignResultView['occurrences'][number];

export type { CreatedUser, CreateUserBody, UpdateUserBody, UserList, UserView } from '../../../server/src/api/contract/users.ts';
export type { CreatedToken, CreateTokenBody, TokenList, TokenView } from '../../../server/src/api/contract/tokens.ts';
export type { AuditEntryView, AuditList } from '../../../server/src/api/contract/audit.ts';
export type { ConsentBody, ConsentEventView } from '../../../server/src/api/contract/consent.ts';
import type { TokenView } from '../../../server/src/api/contract/tokens.ts';
export type Scope = TokenView['scopes'][number];
