/**
 * POST /shops/:shop/consent records a consent event (append-only; the latest event per channel is the
 * customer's state). POST /webhooks/optout/:shop is called by other systems (a helpdesk, a sign-up form)
 * with a bearer token that has the `consent` scope: the address is suppressed and every customer with it
 * gets a revoked consent event, idempotently. Both are audited.
 */
import { applyOptOut } from '../../engine/optout/apply-opt-out.ts';
import { normalizePhone } from '../../importers/cells/phone.ts';
import { getOneOrThrow } from '../../store/database.ts';
import { allows } from '../access.ts';
import type { Principal } from '../access.ts';
import type { ApiDeps } from '../api-deps.ts';
import { audit } from '../auth/audit.ts';
import { findActiveToken } from '../auth/tokens.ts';
import { isoInstant } from '../contract/common.ts';
import { consentBodySchema, consentEventSchema, optOutBodySchema, optOutParamsSchema, optOutResponseSchema } from '../contract/consent.ts';
import { shopParamsSchema } from '../contract/shops.ts';
import { HttpError, notFound } from '../http-error.ts';
import type { RouteRegistry } from '../route-registry.ts';
import { shopOrThrow } from '../shop-param.ts';

const CONSENT = { role: 'operator', scope: 'consent' } as const;

export function registerConsentRoutes(registry: RouteRegistry, deps: ApiDeps): void {
  registry.add({
    method: 'post', path: '/api/shops/:shop/consent', tag: 'consent', summary: 'Records a consent event (granted or revoked) for a customer on a channel',
    access: CONSENT, params: shopParamsSchema, body: consentBodySchema, response: consentEventSchema, status: 201,
    handler: async (c, { params, body }) =>
      deps.pool.use(async (db) => {
        const shop = await shopOrThrow(db, params.shop);
        const found = await db.all(`SELECT 1 FROM customers WHERE shop_id = $1 AND customer_id = $2`, [shop.shopId, body.customerId]);
        if (found.length === 0) throw notFound(`customer ${body.customerId}`, `客户 ${body.customerId}`);
        const now = deps.now();
        const event = await db.transaction(async () => {
          const { id } = await getOneOrThrow<{ id: number }>(db, `SELECT nextval('consent_event_id_seq') AS id`);
          await db.run(
            `INSERT INTO consent_events (event_id, shop_id, customer_id, channel, status, source, wording, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8 / 1000.0))`,
            [id, shop.shopId, body.customerId, body.channel, body.status, body.source, body.wording ?? null, now],
          );
          await audit(db, c.get('principal'), 'consent.change', `shop:${shop.name}/customer:${body.customerId}`, { channel: body.channel, status: body.status, source: body.source, eventId: Number(id) }, c, now);
          return Number(id);
        });
        return { eventId: event, customerId: body.customerId, channel: body.channel, status: body.status, source: body.source, wording: body.wording ?? null, recordedAt: isoInstant(now) };
      }),
  });

  registry.add({
    method: 'post', path: '/api/webhooks/optout/:shop', tag: 'consent',
    summary: 'Opt-out webhook (Authorization: Bearer token with the consent scope): suppresses the address and revokes consent, idempotently',
    access: 'public', params: optOutParamsSchema, body: optOutBodySchema, response: optOutResponseSchema,
    handler: async (c, { params, body }) =>
      deps.pool.use(async (db) => {
        const principal = await webhookPrincipal(db, c.req.header('authorization'), deps.now());
        if (!allows(principal, CONSENT)) throw new HttpError('forbidden', 'this token needs the consent scope (and an operator or owner role)', '此令牌需要 consent 权限（以及操作员或所有者角色）');
        const shop = await shopOrThrow(db, params.shop);
        const address = body.channel === 'sms' ? normalizePhone(body.address).phone : body.address.toLowerCase();
        if (address === null || (body.channel === 'email' && !/^[^\s@]+@[^\s@]+$/.test(address))) {
          throw new HttpError('validation_failed', `not a ${body.channel === 'sms' ? 'phone number' : 'e-mail address'}`, body.channel === 'sms' ? '不是有效的手机号' : '不是有效的邮箱地址', [
            { path: 'body.address', message: body.channel === 'sms' ? 'a phone number' : 'an e-mail address' },
          ]);
        }
        const applied = await applyOptOut(db, { shopId: shop.shopId, channel: body.channel, address, reason: body.reason, source: `webhook:${principal.username}` });
        const column = body.channel === 'sms' ? 'phone' : 'email';
        const { n } = await getOneOrThrow<{ n: number }>(db, `SELECT count(*) AS n FROM customers WHERE shop_id = $1 AND ${column} = $2`, [shop.shopId, address]);
        await audit(db, principal, 'optout.webhook', `shop:${shop.name}`, { channel: body.channel, applied, customers: Number(n), reason: body.reason }, c, deps.now());
        return { applied, channel: body.channel, customers: Number(n) };
      }),
  });
}

async function webhookPrincipal(db: Parameters<typeof findActiveToken>[0], authorization: string | undefined, nowMs: number): Promise<Principal> {
  const match = authorization === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const token = match === null ? undefined : await findActiveToken(db, match[1]!, nowMs);
  if (token === undefined) throw new HttpError('unauthenticated', 'send a valid API token with the consent scope (Authorization: Bearer hut_…)', '请提供带 consent 权限的有效 API 令牌（Authorization: Bearer hut_…）');
  return { userId: null, username: `token:${token.name}`, role: token.role, scopes: token.scopes, via: 'token', sessionId: null, tokenId: token.tokenId };
}
