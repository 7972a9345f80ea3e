/** The shared harness works: users of each role log in, tokens authenticate, a seeded shop is analysed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../support/api-harness.ts';
import type { TestApi } from '../support/api-harness.ts';

describe('api harness', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in each role and answers /api/auth/me', async () => {
    for (const role of ['owner', 'operator', 'analyst'] as const) {
      const client = await t.login(role);
      const me = await client.get<{ user: { role: string; via: string }; csrfToken: string }>('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({ role, via: 'session' });
      expect(me.body.csrfToken).toBe(client.csrfToken);
    }
  });

  it('authenticates bearer tokens', async () => {
    const token = await t.tokenClient('operator', ['read']);
    const me = await token.get<{ user: { via: string; tokenId: number } }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ via: 'token', tokenId: token.tokenId });
  });

  it('seeds a shop through the importer and the analysis', async () => {
    const seeded = await t.seedShop();
    expect(seeded.report.totals.ordersNew).toBe(7);
    expect(seeded.analysis.summary.customers).toBe(4);
  });
});
