/** The OpenAPI document covers every registered route; /api/docs is a script-free page that escapes everything. */
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiPath } from '../../../src/api/openapi.ts';
import { createTestApi } from '../support/api-harness.ts';
import type { TestApi } from '../support/api-harness.ts';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { summary: string; security: unknown[]; 'x-huitou-access': unknown; parameters?: { name: string; in: string }[]; requestBody?: unknown; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

const HOSTILE = `<script>alert("x")</script><img src=x onerror='alert(1)'>&amp;`;

describe('OpenAPI and the docs page', () => {
  let t: TestApi;
  let doc: Doc;
  beforeAll(async () => {
    t = await createTestApi();
    t.api.registry.add({
      method: 'post',
      path: '/api/test/shops/:shop/things/:id',
      tag: HOSTILE,
      summary: HOSTILE,
      access: { role: 'operator', scope: 'campaigns' },
      params: z.object({ shop: z.string(), id: z.coerce.number().int() }),
      query: z.object({ q: z.string().describe(HOSTILE).optional() }),
      body: z.object({ [HOSTILE]: z.string() }),
      response: z.object({ ok: z.boolean() }),
      handler: async () => ({ ok: true }),
    });
    const res = await t.anonymous.get<Doc>('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every registered route with its access rule, without authentication', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(t.api.registry.routes.length).toBeGreaterThan(8);
    for (const route of t.api.registry.routes) {
      const op = doc.paths[openApiPath(route.path)]?.[route.method];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op!['x-huitou-access']).toEqual(route.access);
      expect(op!.security).toEqual(route.access === 'public' ? [] : [{ sessionCookie: [] }, { bearerToken: [] }]);
      expect(op!.responses[String(route.status)]).toBeDefined();
      expect(op!.responses['500']).toBeDefined();
    }
    const count = Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(count).toBe(t.api.registry.routes.length);
  });

  it('describes parameters, bodies, the error shape and the security schemes', () => {
    const op = doc.paths['/api/test/shops/{shop}/things/{id}']!['post']!;
    expect(op.parameters!.map((p) => `${p.in}:${p.name}`)).toEqual(['path:shop', 'path:id', 'query:q', 'header:X-CSRF-Token']);
    expect(op.requestBody).toBeDefined();
    expect(doc.components.schemas['Error']).toBeDefined();
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerToken', 'sessionCookie']);
    expect(doc.paths['/api/auth/login']!['post']!.responses['429']).toBeDefined();
    expect(doc.paths['/api/users/{id}']!['patch']!.parameters!.some((p) => p.name === 'id' && p.in === 'path')).toBe(true);
  });

  it('renders /api/docs as HTML with no script and every value escaped', async () => {
    const res = await t.anonymous.get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-eval|https?:/);
    expect(res.text).not.toMatch(/<script/i);
    expect(res.text).not.toMatch(/<img/i);
    expect(res.text).not.toContain(`onerror='`);
    expect(res.text).toContain('&#60;script&#62;');
    expect(res.text).toContain('&#38;amp;');
    expect(res.text).not.toMatch(/\bsrc=["']?https?:/);
    for (const route of t.api.registry.routes) expect(res.text).toContain(openApiPath(route.path).replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`));
  });
});
