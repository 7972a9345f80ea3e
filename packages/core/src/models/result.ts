/**
 * Typed results for the customer-base models: every failure is a value with a stable
 * code, an English message and a short Chinese message, never a silent NaN.
 */

/** Stable failure codes of the model layer. */
export type ModelErrorCode =
  | 'INVALID_INPUT'
  | 'NO_REPEAT_PURCHASES'
  | 'TOO_FEW_CUSTOMERS'
  | 'ZERO_OBSERVATION_TIME'
  | 'GG_Q_NOT_ABOVE_ONE'
  | 'NUMERICAL_FAILURE'
  | 'NOT_CONVERGED'
  | 'HYP2F1_NO_CONVERGENCE';

/** A model failure: `code` for programs, `message` (English) and `messageZh` (Chinese) for people. */
export interface ModelError {
  readonly code: ModelErrorCode;
  readonly message: string;
  readonly messageZh: string;
}

/** Success or typed failure. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ModelError };

/** Wrap a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Build a failure with both language messages. */
export function fail<T>(code: ModelErrorCode, message: string, messageZh: string): Result<T> {
  return { ok: false, error: { code, message, messageZh } };
}
