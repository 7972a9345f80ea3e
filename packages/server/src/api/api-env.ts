/** Hono's per-request variables for the API: the authenticated principal and a request id for logs. */
import type { Context } from 'hono';
import type { Principal } from './access.ts';

export interface ApiEnv {
  Variables: {
    principal: Principal;
    requestId: string;
  };
}

export type ApiContext = Context<ApiEnv>;
