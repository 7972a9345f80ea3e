/**
 * Routes are declared once, with their access rule and Zod schemas for params, query, body and response; the
 * registry mounts them on Hono (validating input, checking access, returning JSON) and describes them in
 * OpenAPI. A handler returns the response value (validated in development and tests) or throws HttpError.
 */
import type { Hono } from 'hono';
import type { z } from 'zod';
import { allows } from './access.ts';
import type { Access } from './access.ts';
import type { ApiContext, ApiEnv } from './api-env.ts';
import { HttpError } from './http-error.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
}

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  readonly method: Method;
  /** Hono path, e.g. /api/shops/:shop/customers/:id */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  /** 'public' routes skip authentication (login, the opt-out webhook checks its own token). */
  readonly access: Access | 'public';
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly response: R;
  /** Status for a successful response (default 200). */
  readonly status?: 200 | 201 | 202;
  handler(c: ApiContext, input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>): Promise<z.infer<R> | Response>;
}

export interface RegisteredRoute {
  readonly method: Method;
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly access: Access | 'public';
  readonly params: z.ZodType | undefined;
  readonly query: z.ZodType | undefined;
  readonly body: z.ZodType | undefined;
  readonly response: z.ZodType;
  readonly status: number;
}

/** Maximum JSON request body (uploads have their own limit). */
export const MAX_JSON_BYTES = 1024 * 1024;

export class RouteRegistry {
  readonly routes: RegisteredRoute[] = [];
  readonly #app: Hono<ApiEnv>;
  readonly #checkResponses: boolean;

  constructor(app: Hono<ApiEnv>, options: { checkResponses: boolean }) {
    this.#app = app;
    this.#checkResponses = options.checkResponses;
  }

  add<P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined, R extends z.ZodType = z.ZodType>(
    spec: RouteSpec<P, Q, B, R>,
  ): void {
    const status = spec.status ?? 200;
    this.routes.push({
      method: spec.method, path: spec.path, tag: spec.tag, summary: spec.summary, access: spec.access,
      params: spec.params, query: spec.query, body: spec.body, response: spec.response, status,
    });
    this.#app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      if (spec.access !== 'public') {
        const principal = c.get('principal');
        if (!allows(principal, spec.access)) {
          throw new HttpError('forbidden', `this needs the ${spec.access.role} role and the ${spec.access.scope} scope`, `此操作需要 ${spec.access.role} 角色和 ${spec.access.scope} 权限`);
        }
      }
      const params = parseInput(spec.params, c.req.param(), 'params');
      const query = parseInput(spec.query, c.req.query(), 'query');
      const body = spec.body === undefined ? undefined : parseInput(spec.body, await readJson(c), 'body');
      const result = await spec.handler(c, { params, query, body } as RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>);
      if (result instanceof Response) return result;
      if (this.#checkResponses) {
        const checked = spec.response.safeParse(result);
        if (!checked.success) throw new Error(`response of ${spec.method.toUpperCase()} ${spec.path} does not match its schema: ${checked.error.message}`);
      }
      return c.json(result as object, status);
    });
  }
}

/** Parses params, query or body with its schema; a mismatch is a 400 validation_failed naming each path. */
export function parseInput(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (schema === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new HttpError(
    'validation_failed',
    `invalid ${where}`,
    `${where === 'body' ? '请求内容' : where === 'query' ? '查询参数' : '路径参数'}无效`,
    parsed.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message })),
  );
}

/** Reads a JSON body with a size cap and a clear error for anything that is not JSON. */
export async function readJson(c: ApiContext): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError('unsupported_media_type', 'send the body as application/json', '请求内容必须是 application/json');
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_JSON_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > MAX_JSON_BYTES) throw tooLarge();
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HttpError('validation_failed', 'the body is not valid UTF-8 JSON', '请求内容不是有效的 UTF-8 JSON');
  }
}

function tooLarge(): HttpError {
  return new HttpError('payload_too_large', `JSON bodies are limited to ${MAX_JSON_BYTES} bytes`, `JSON 请求内容不能超过 ${MAX_JSON_BYTES} 字节`);
}
