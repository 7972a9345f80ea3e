/**
 * The OpenAPI 3.1 document, built from the route registry (every route declared there appears, with its
 * parameters, query, body and response schemas from Zod, the error shape, the security schemes and the
 * route's role and scope as `x-huitou-access`), served at GET /api/openapi.json and rendered as a plain
 * server-side HTML page at GET /api/docs (no script; every value escaped).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ApiEnv } from './api-env.ts';
import { CSRF_HEADER } from './auth/authenticate.ts';
import { SESSION_COOKIE } from './auth/sessions.ts';
import { ErrorBodySchema } from './contract/common.ts';
import type { RegisteredRoute, RouteRegistry } from './route-registry.ts';

type JsonObject = Record<string, unknown>;

export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: JsonObject;
  readonly servers: readonly JsonObject[];
  readonly tags: readonly JsonObject[];
  readonly paths: Record<string, Record<string, JsonObject>>;
  readonly components: { schemas: Record<string, unknown>; securitySchemes: JsonObject; responses: JsonObject };
}

/** `/api/shops/:shop/customers/:id` → `/api/shops/{shop}/customers/{id}`. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)(\{[^}]*\})?/g, '{$1}');
}

const ERROR_RESPONSES: Readonly<Record<string, { readonly status: string; readonly description: string }>> = {
  validation: { status: '400', description: 'validation_failed: the parameters, query or body are invalid' },
  unauthenticated: { status: '401', description: 'unauthenticated: no valid session cookie or bearer token' },
  forbidden: { status: '403', description: 'forbidden (role or scope too low) or csrf_failed (cookie session without a matching X-CSRF-Token)' },
  notFound: { status: '404', description: 'not_found' },
  tooLarge: { status: '413', description: 'payload_too_large' },
  mediaType: { status: '415', description: 'unsupported_media_type: send application/json' },
  rateLimited: { status: '429', description: 'rate_limited: too many failed logins (see Retry-After)' },
  internal: { status: '500', description: 'internal (never a stack trace)' },
};

class SchemaCollector {
  readonly schemas: Record<string, unknown> = {};

  /** JSON Schema 2020-12 of a Zod schema; named sub-schemas (`.meta({ id })`) go to components.schemas. */
  convert(schema: z.ZodType, io: 'input' | 'output'): unknown {
    let json: JsonObject;
    try {
      json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonObject;
    } catch (error) {
      return { description: `schema not representable: ${error instanceof Error ? error.message : String(error)}` };
    }
    const { $schema: _ignored, $defs, ...rest } = json;
    if (typeof $defs === 'object' && $defs !== null) {
      for (const [name, def] of Object.entries($defs)) this.schemas[name] = rewriteRefs(def);
    }
    return rewriteRefs(rest);
  }
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, '#/components/schemas/') : rewriteRefs(v);
  }
  return out;
}

function parametersOf(collector: SchemaCollector, schema: z.ZodType | undefined, where: 'path' | 'query'): JsonObject[] {
  if (schema === undefined) return [];
  const json = collector.convert(schema, 'input') as JsonObject;
  const properties = (json['properties'] ?? {}) as Record<string, JsonObject>;
  const required = new Set(Array.isArray(json['required']) ? (json['required'] as string[]) : []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
    ...(typeof property['description'] === 'string' ? { description: property['description'] } : {}),
  }));
}

function operationOf(collector: SchemaCollector, route: RegisteredRoute): JsonObject {
  const isPublic = route.access === 'public';
  const unsafe = route.method !== 'get';
  const parameters = [...parametersOf(collector, route.params, 'path'), ...parametersOf(collector, route.query, 'query')];
  const declared = new Set(parameters.filter((p) => p['in'] === 'path').map((p) => p['name']));
  for (const match of route.path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (!declared.has(match[1])) parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
  }
  if (!isPublic && unsafe) {
    parameters.push({ name: CSRF_HEADER, in: 'header', required: false, description: 'Required with the session cookie (the csrfToken from login or /api/auth/me); not needed with a bearer token.', schema: { type: 'string' } });
  }
  const errors: string[] = [];
  if (route.params !== undefined || route.query !== undefined || route.body !== undefined) errors.push('validation');
  if (!isPublic) errors.push('unauthenticated', 'forbidden');
  if (route.params !== undefined) errors.push('notFound');
  if (route.body !== undefined) errors.push('tooLarge', 'mediaType');
  if (route.path === '/api/auth/login') errors.push('unauthenticated', 'rateLimited');
  errors.push('internal');
  const responses: JsonObject = {
    [String(route.status)]: { description: 'success', content: { 'application/json': { schema: collector.convert(route.response, 'output') } } },
  };
  for (const key of new Set(errors)) {
    const e = ERROR_RESPONSES[key]!;
    responses[e.status] = { $ref: `#/components/responses/E${e.status}` };
  }
  return {
    operationId: operationId(route),
    tags: [route.tag],
    summary: route.summary,
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(route.body === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: collector.convert(route.body, 'input') } } } }),
    responses,
    security: isPublic ? [] : [{ sessionCookie: [] }, { bearerToken: [] }],
    'x-huitou-access': route.access,
  };
}

function operationId(route: RegisteredRoute): string {
  const words = route.path.replace(/^\/api\//, '').split(/[/.-]/).filter((w) => w !== '').map((w) => (w.startsWith(':') ? `by_${w.slice(1)}` : w));
  return [route.method, ...words].join('_');
}

export function buildOpenApiDocument(routes: readonly RegisteredRoute[]): OpenApiDocument {
  const collector = new SchemaCollector();
  const errorSchema = collector.convert(ErrorBodySchema, 'output');
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method] = operationOf(collector, route);
  }
  const responses: JsonObject = {};
  for (const e of Object.values(ERROR_RESPONSES)) {
    responses[`E${e.status}`] = {
      description: e.description,
      content: { 'application/json': { schema: errorSchema } },
      ...(e.status === '429' ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds until a login may be tried again' } } } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'huitou 回头客 API',
      version: '0.1.0',
      description:
        'JSON API of huitou, the self-hosted repeat-customer CRM. Authenticate with the session cookie from POST /api/auth/login ' +
        `(unsafe requests also send ${CSRF_HEADER}) or with an API token (Authorization: Bearer hut_…). Every failure has one shape ` +
        '(components.schemas.Error). Analysts see phones and names masked. x-huitou-access gives the minimum role and, for tokens, the scope of each operation.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: collector.schemas,
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: `Browser session (HttpOnly, SameSite=Strict); unsafe methods also need the ${CSRF_HEADER} header.` },
        bearerToken: { type: 'http', scheme: 'bearer', description: 'API token hut_… created by an owner; carries a role and scopes.' },
      },
      responses,
    },
  };
}

/** Mounts GET /api/openapi.json and GET /api/docs; the document is built on first use, when every route is registered. */
export function mountOpenApi(app: Hono<ApiEnv>, registry: RouteRegistry): void {
  let document: OpenApiDocument | null = null;
  let page: string | null = null;
  const get = (): OpenApiDocument => (document ??= buildOpenApiDocument(registry.routes));
  app.get('/api/openapi.json', (c) => c.json(get()));
  app.get('/api/docs', (c) => c.html((page ??= renderDocsPage(get()))));
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete'];

/** The docs page: one section per tag, one block per operation; styles inline, no script, everything escaped. */
export function renderDocsPage(doc: OpenApiDocument): string {
  const ops: { tag: string; method: string; path: string; op: JsonObject }[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) ops.push({ tag: String((op['tags'] as string[] | undefined)?.[0] ?? ''), method, path, op });
  }
  ops.sort((a, b) => a.tag.localeCompare(b.tag) || a.path.localeCompare(b.path) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
  const json = (v: unknown): string => `<pre>${escapeHtml(JSON.stringify(v, null, 2))}</pre>`;
  const sections: string[] = [];
  let tag: string | null = null;
  for (const { tag: t, method, path, op } of ops) {
    if (t !== tag) {
      sections.push(`<h2 id="tag-${escapeHtml(t)}">${escapeHtml(t)}</h2>`);
      tag = t;
    }
    const access = op['x-huitou-access'];
    const accessText = access === 'public' ? 'public' : `role ≥ ${String((access as JsonObject)['role'])}, token scope ${String((access as JsonObject)['scope'])}`;
    const params = (op['parameters'] as JsonObject[] | undefined) ?? [];
    const body = op['requestBody'] as { content: Record<string, { schema: unknown }> } | undefined;
    const responses = op['responses'] as Record<string, JsonObject>;
    const success = Object.entries(responses).find(([status]) => status.startsWith('2'));
    sections.push(
      `<section class="op"><h3><span class="m m-${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>` +
        `<p>${escapeHtml(String(op['summary'] ?? ''))}</p><p class="access">${escapeHtml(accessText)}</p>` +
        (params.length === 0
          ? ''
          : `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${params
              .map((p) => `<tr><td><code>${escapeHtml(String(p['name']))}</code></td><td>${escapeHtml(String(p['in']))}</td><td>${p['required'] === true ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(p['schema']))}</code></td></tr>`)
              .join('')}</table>`) +
        (body === undefined ? '' : `<h4>request body (application/json)</h4>${json(body.content['application/json']?.schema)}`) +
        (success === undefined ? '' : `<h4>response ${escapeHtml(success[0])}</h4>${json((success[1]['content'] as Record<string, { schema: unknown }>)['application/json']?.schema)}`) +
        `<p class="errors">errors: ${Object.keys(responses).filter((s) => !s.startsWith('2')).map(escapeHtml).join(', ')}</p></section>`,
    );
  }
  const info = doc.info;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(info['title']))}</title>
<style>
body{font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1000px;padding:1rem 2rem;color:#1f2328}
h2{border-bottom:1px solid #d0d7de;margin-top:2rem}.op{border:1px solid #d0d7de;border-radius:6px;padding:.25rem 1rem;margin:1rem 0}
.m{display:inline-block;min-width:4.5em;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 6px}
.m-get{background:#0969da}.m-post{background:#1a7f37}.m-patch,.m-put{background:#9a6700}.m-delete{background:#cf222e}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;max-height:24rem}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:2px 6px;text-align:left;vertical-align:top}
.access,.errors{color:#57606a}
</style></head><body>
<h1>${escapeHtml(String(info['title']))} <small>${escapeHtml(String(info['version']))}</small></h1>
<p>${escapeHtml(String(info['description']))}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Error shape:</p>${json(doc.components.schemas['Error'])}
${sections.join('\n')}
</body></html>
`;
}
