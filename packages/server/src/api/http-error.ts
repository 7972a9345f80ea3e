/**
 * The API's one error shape: `{ error: { code, message, messageZh, issues? } }` with a stable code and an
 * HTTP status. Handlers throw HttpError; the app's error handler turns anything else into `internal` without
 * leaking a stack trace.
 */
export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  validation_failed: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  conflict: 409,
  no_analysis: 409,
  rate_limited: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorIssue {
  readonly path: string;
  readonly message: string;
  readonly messageZh?: string;
}

export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly messageZh: string;
    readonly issues?: readonly ErrorIssue[];
  };
}

export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly messageZh: string;
  readonly issues: readonly ErrorIssue[] | undefined;

  constructor(code: ErrorCode, message: string, messageZh: string, issues?: readonly ErrorIssue[]) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.messageZh = messageZh;
    this.issues = issues;
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, messageZh: this.messageZh, ...(this.issues === undefined ? {} : { issues: this.issues }) } };
  }
}

export const notFound = (what: string, whatZh: string): HttpError => new HttpError('not_found', `${what} not found`, `找不到${whatZh}`);
