/**
 * The one error type of the client: the API's `{ error: { code, message, messageZh, issues? } }`, plus
 * `network` (no response) and `bad_response` (a body that is not JSON) for failures before the API answers.
 */
export interface ApiIssue {
  readonly path: string;
  readonly message: string;
  readonly messageZh?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly issues: readonly ApiIssue[];

  constructor(status: number, code: string, message: string, messageZh: string, issues: readonly ApiIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.issues = issues;
  }

  /** The message in the given language (the API sends both). */
  text(lang: 'zh' | 'en'): string {
    return lang === 'zh' && this.messageZh !== '' ? this.messageZh : this.message;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Builds an ApiError from a parsed error body (or anything else the server sent). */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const err = isRecord(body) ? body['error'] : undefined;
  if (isRecord(err) && typeof err['code'] === 'string') {
    const issues = Array.isArray(err['issues'])
      ? err['issues'].filter(isRecord).map((i) => ({
          path: String(i['path'] ?? ''),
          message: String(i['message'] ?? ''),
          ...(typeof i['messageZh'] === 'string' ? { messageZh: i['messageZh'] } : {}),
        }))
      : [];
    return new ApiError(status, err['code'], String(err['message'] ?? ''), String(err['messageZh'] ?? ''), issues);
  }
  return new ApiError(status, 'bad_response', `Unexpected response (HTTP ${status})`, `服务器返回了无法识别的响应（HTTP ${status}）`);
}

export const networkError = (): ApiError =>
  new ApiError(0, 'network', 'Cannot reach the server', '无法连接服务器');
