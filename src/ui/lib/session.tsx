import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, setUnauthorizedHandler } from '../api/client.js';
import { authApi } from '../api/endpoints.js';
import type { Role, User } from '../api/types.js';

interface Session {
  /** undefined while we ask the server, null when signed out. */
  user: User | null | undefined;
  /** Why the last check failed when it was not simply "signed out" (server down, …). */
  error: unknown;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<Session | null>(null);

/**
 * A hint (never the token, which stays in the httpOnly cookie) that this browser signed in, so a
 * fresh visitor sees the sign-in page at once instead of a failing session check.
 */
export const SIGNED_IN_HINT = 'resonanz.signedIn';

function hint(value: boolean | null): boolean {
  try {
    if (value === true) window.localStorage.setItem(SIGNED_IN_HINT, '1');
    if (value === false) window.localStorage.removeItem(SIGNED_IN_HINT);
    return window.localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return true;
  }
}
const RANK: Record<Role, number> = { agent: 0, manager: 1, admin: 2 };

export function hasRole(user: { role: Role } | null | undefined, min: Role): boolean {
  return !!user && RANK[user.role] >= RANK[min];
}

/** The signed-in user, learned from GET /api/auth/me (the cookie is httpOnly, so we ask). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    if (!hint(null)) {
      setUser(null);
      return;
    }
    authApi
      .me()
      .then((me) => !cancelled && setUser(me))
      .catch((err: unknown) => {
        if (cancelled) return;
        if (err instanceof ApiError && err.status === 401) {
          hint(false);
          setUser(null);
        } else setError(err);
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      hint(false);
      setUser(null);
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await authApi.login(email, password);
    hint(true);
    setError(null);
    setUser(result.user);
  }, []);

  const signOut = useCallback(async () => {
    await authApi.logout().catch(() => undefined);
    hint(false);
    setUser(null);
  }, []);

  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ user, error, signIn, signOut, retry }),
    [user, error, signIn, signOut, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only call below the sign-in gate. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
