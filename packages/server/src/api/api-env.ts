/** Hono's per-request variables for the API: the authenticated principal, a request id for logs, the client's address. */
import type { Context } from 'hono';
import type { Principal } from './access.ts';

export interface ApiEnv {
  Variables: {
    principal: Principal;
    requestId: string;
    /** The peer, or the client a trusted proxy forwarded (auth/request-info.ts). */
    clientAddress: string;
  };
}

export type ApiContext = Context<ApiEnv>;
