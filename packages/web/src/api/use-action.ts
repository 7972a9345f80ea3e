/**
 * Runs a change against the API from a view: a busy flag while it runs (to disable its buttons), the error it
 * ended with, and `onDone` (if any) after it succeeded, e.g. to reload what it changed. The twin of use-api.ts for writes.
 */
import { useState } from 'react';
import type { ApiError } from './api-error.ts';
import { toApiError } from './use-api.ts';

export interface Action {
  readonly busy: boolean;
  readonly error: ApiError | null;
  /** Runs `call`; on success `after` gets its result, then `onDone` runs. Resolves whether it succeeded. */
  run<T>(call: () => Promise<T>, after?: (result: T) => void): Promise<boolean>;
}

export function useAction(onDone?: () => void): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async <T,>(call: () => Promise<T>, after?: (result: T) => void): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      after?.(result);
      onDone?.();
      return true;
    } catch (e) {
      setError(toApiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
