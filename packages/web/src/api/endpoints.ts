/** One function per API route the dashboard calls; paths live here and nowhere else. */
import { api } from './client.ts';
import type { Query } from './client.ts';
import type {
  AnalyzeResponse, CampaignDetailView, CampaignListView, CampaignSummaryView, LaunchResponse, PlaybookView, PreviewResponse, ResultsResponse, ValidateResponse,
  CustomerListView, CustomerProfileView, ImportBatchList, ImportJobView, OverviewView, SegmentsView, SessionResponse, ShopList,
  AuditList, ConsentBody, ConsentEventView, CreatedToken, CreatedUser, CreateTokenBody, CreateUserBody, TokenList, UpdateUserBody, UserList, UserView,
  SmsSignBody, SmsSignResponse,
} from './types.ts';

const shopPath = (shop: string, rest: string): string => `/shops/${encodeURIComponent(shop)}${rest}`;

export const auth = {
  me: (): Promise<SessionResponse> => api.get('/auth/me'),
  login: (username: string, password: string): Promise<SessionResponse> => api.post('/auth/login', { username, password }),
  logout: (): Promise<unknown> => api.post('/auth/logout'),
};

export const shops = {
  list: (): Promise<ShopList> => api.get('/shops'),
  setSmsSign: (shop: string, body: SmsSignBody): Promise<SmsSignResponse> => api.put(shopPath(shop, '/sms-sign'), body),
};

export const analysis = {
  run: (shop: string): Promise<AnalyzeResponse> => api.post(shopPath(shop, '/analyze'), {}),
};

export const overview = {
  get: (shop: string, period: number, signal?: AbortSignal): Promise<OverviewView> =>
    api.get(shopPath(shop, '/overview'), { period, points: 12 }, signal),
};

export const segments = {
  get: (shop: string, signal?: AbortSignal): Promise<SegmentsView> => api.get(shopPath(shop, '/segments'), { months: 12, skus: 20 }, signal),
};

export const customers = {
  list: (shop: string, query: Query, signal?: AbortSignal): Promise<CustomerListView> =>
    api.get(shopPath(shop, '/customers'), query, signal),
  profile: (shop: string, id: string, signal?: AbortSignal): Promise<CustomerProfileView> =>
    api.get(shopPath(shop, `/customers/${encodeURIComponent(id)}`), undefined, signal),
};

const campaignPath = (shop: string, key: string, rest = ''): string => shopPath(shop, `/campaigns/${encodeURIComponent(key)}${rest}`);

export const campaigns = {
  list: (shop: string, signal?: AbortSignal): Promise<CampaignListView> => api.get(shopPath(shop, '/campaigns'), undefined, signal),
  playbook: (shop: string, signal?: AbortSignal): Promise<PlaybookView> => api.get(shopPath(shop, '/playbook'), undefined, signal),
  validate: (shop: string, text: string): Promise<ValidateResponse> => api.post(shopPath(shop, '/campaigns/validate'), { text }),
  preview: (shop: string, text: string, date?: string): Promise<PreviewResponse> =>
    api.post(shopPath(shop, '/campaigns/preview'), date === undefined || date === '' ? { text } : { text, date }),
  save: (shop: string, text: string): Promise<{ created: boolean; campaign: CampaignSummaryView }> => api.post(shopPath(shop, '/campaigns'), { text }),
  detail: (shop: string, key: string, signal?: AbortSignal): Promise<CampaignDetailView> => api.get(campaignPath(shop, key), undefined, signal),
  launch: (shop: string, key: string): Promise<LaunchResponse> => api.post(campaignPath(shop, key, '/launch'), {}),
  pause: (shop: string, key: string, reason?: string): Promise<unknown> =>
    api.post(campaignPath(shop, key, '/pause'), reason === undefined || reason === '' ? {} : { reason }),
  /** `window` days overrides each campaign's attribution window; 0 keeps their own. */
  results: (shop: string, key: string, window: number, signal?: AbortSignal): Promise<ResultsResponse> =>
    api.get(campaignPath(shop, key, '/results'), { window: window > 0 ? window : undefined }, signal),
  allResults: (shop: string, window: number, signal?: AbortSignal): Promise<ResultsResponse> =>
    api.get(shopPath(shop, '/results'), { window: window > 0 ? window : undefined }, signal),
};

export const imports = {
  uploadUrl: (shop: string): string => `/api${shopPath(shop, '/uploads')}`,
  start: (shop: string, uploads: readonly string[]): Promise<{ job: ImportJobView }> =>
    api.post(shopPath(shop, '/imports'), { uploads }),
  job: (shop: string, job: string, signal?: AbortSignal): Promise<{ job: ImportJobView }> =>
    api.get(shopPath(shop, `/imports/${encodeURIComponent(job)}`), undefined, signal),
  list: (shop: string): Promise<ImportBatchList> => api.get(shopPath(shop, '/imports')),
};

export const consent = {
  record: (shop: string, body: ConsentBody): Promise<ConsentEventView> => api.post(shopPath(shop, '/consent'), body),
};

/** Owner-only administration: users and roles, API tokens, the audit log. */
export const admin = {
  users: (signal?: AbortSignal): Promise<UserList> => api.get('/users', undefined, signal),
  addUser: (body: CreateUserBody): Promise<CreatedUser> => api.post('/users', body),
  changeUser: (id: number, body: UpdateUserBody): Promise<UserView> => api.patch(`/users/${id}`, body),
  tokens: (signal?: AbortSignal): Promise<TokenList> => api.get('/tokens', undefined, signal),
  createToken: (body: CreateTokenBody): Promise<CreatedToken> => api.post('/tokens', body),
  revokeToken: (id: number): Promise<{ ok: true }> => api.del(`/tokens/${id}`),
  audit: (query: Query, signal?: AbortSignal): Promise<AuditList> => api.get('/audit', query, signal),
};
