/** Unsubscribe links for marketing email, signed with the database's secret (see optout/unsubscribe-token.ts). */
import { unsubscribeToken } from '../optout/unsubscribe-token.ts';

export function unsubscribeLinks(publicUrl: string | null, secret: string): (shopId: number, address: string) => string | null {
  if (publicUrl === null) return () => null;
  const base = publicUrl.replace(/\/+$/, '');
  return (shopId, address) => `${base}/u/${encodeURIComponent(unsubscribeToken(secret, shopId, address))}`;
}
