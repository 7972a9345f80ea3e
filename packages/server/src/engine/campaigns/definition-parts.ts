/** Shared by the parsers of a campaign definition's parts: how an issue is reported, and the object test. */

/** Reports one issue at `path` in English and Chinese. */
export type Add = (path: string, message: string, messageZh: string) => void;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
