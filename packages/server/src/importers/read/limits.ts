/** Read limits: the defaults from the contract, overridden per call. */
import { DEFAULT_READ_LIMITS } from './table-source.ts';
import type { ReadLimits } from './table-source.ts';

/** Fills in every limit the caller did not set with the default. */
export function resolveLimits(limits: Partial<ReadLimits> = {}): ReadLimits {
  return Object.freeze({ ...DEFAULT_READ_LIMITS, ...limits });
}
