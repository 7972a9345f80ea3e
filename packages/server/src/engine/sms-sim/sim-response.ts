/** The answer a protocol handler gives: status, headers, JSON body, and how long to hold it back. */
export interface SimResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly delayMs: number;
}

/** A JSON answer sent now. */
export function jsonResponse(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}, delayMs = 0): SimResponse {
  return { status, headers, body, delayMs };
}
