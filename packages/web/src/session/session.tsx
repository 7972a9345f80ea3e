/**
 * The signed-in user, the CSRF token, the shops and the current shop. Starts from GET /auth/me; a 401 from
 * any request shows the login page again.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { onUnauthenticated, setCsrfToken } from '../api/client.ts';
import { auth, shops as shopsApi } from '../api/endpoints.ts';
import type { Role, SessionResponse, SessionUser, ShopView } from '../api/types.ts';

const SHOP_KEY = 'huitou.shop';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out' }
  | { readonly status: 'signed-in'; readonly user: SessionUser; readonly shops: readonly ShopView[]; readonly shop: string | null };

export interface Session {
  readonly state: SessionState;
  signedIn(response: SessionResponse): Promise<void>;
  logout(): Promise<void>;
  selectShop(name: string): void;
}

const SessionContext = createContext<Session | null>(null);

function pickShop(list: readonly ShopView[]): string | null {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(SHOP_KEY);
  } catch {
    stored = null;
  }
  return list.find((s) => s.name === stored)?.name ?? list[0]?.name ?? null;
}

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback(async (response: SessionResponse) => {
    setCsrfToken(response.csrfToken);
    const list = await shopsApi.list().then((r) => r.rows, () => []);
    setState({ status: 'signed-in', user: response.user, shops: list, shop: pickShop(list) });
  }, []);

  useEffect(() => {
    auth.me().then(signedIn, () => setState({ status: 'signed-out' }));
    return onUnauthenticated(() => {
      setCsrfToken(null);
      setState({ status: 'signed-out' });
    });
  }, [signedIn]);

  const logout = useCallback(async () => {
    await auth.logout().catch(() => undefined);
    setCsrfToken(null);
    setState({ status: 'signed-out' });
  }, []);

  const selectShop = useCallback((name: string) => {
    try {
      localStorage.setItem(SHOP_KEY, name);
    } catch {
      // not stored; the choice lasts for this page
    }
    setState((s) => (s.status === 'signed-in' ? { ...s, shop: name } : s));
  }, []);

  const value = useMemo<Session>(() => ({ state, signedIn, logout, selectShop }), [state, signedIn, logout, selectShop]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (s === null) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user and current shop, for pages (which only render when signed in with a shop). */
export interface ShopContext {
  readonly user: SessionUser;
  readonly shop: string;
  readonly role: Role;
  /** Operators and owners may import, create and launch campaigns; analysts only read. */
  readonly canWrite: boolean;
}

export const ShopContextValue = createContext<ShopContext | null>(null);

export function useShop(): ShopContext {
  const s = useContext(ShopContextValue);
  if (s === null) throw new Error('useShop outside a shop page');
  return s;
}
