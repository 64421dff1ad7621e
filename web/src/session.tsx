import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, useKey } from './api/client';
import type { Rep, WhoAmI } from './api/types';

const STORAGE = 'leadrouter.key';

export interface Session {
  key: string;
  who: WhoAmI;
  /** Server time minus this browser's, in ms: countdowns use the server's clock. */
  clockOffsetMs: number;
  /** Now by the server's clock. */
  now(): number;
  /** The signed-in rep as they are now (after they changed their profile), for the top bar. */
  showRep(rep: Rep): void;
  signOut(): void;
}

interface SessionState {
  session: Session | null;
  /** True while a remembered key is being checked. */
  checking: boolean;
  signIn(key: string, remember: boolean): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

function stored(): string | null {
  return sessionStorage.getItem(STORAGE) ?? localStorage.getItem(STORAGE);
}

/** Who is signed in: the API key (kept for the tab, or remembered on this device) and what the server says it is. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [checking, setChecking] = useState(() => stored() !== null);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE);
    localStorage.removeItem(STORAGE);
    useKey(null);
    setSession(null);
  }, []);

  const open = useCallback(
    async (key: string) => {
      useKey(key, signOut);
      const sentAt = Date.now();
      const who = await api<WhoAmI>('/v1/whoami');
      const clockOffsetMs = Date.parse(who.serverTime) - (sentAt + Date.now()) / 2;
      const showRep = (rep: Rep) => setSession((current) => current && { ...current, who: { ...current.who, rep } });
      setSession({ key, who, clockOffsetMs, now: () => Date.now() + clockOffsetMs, showRep, signOut });
    },
    [signOut],
  );

  const signIn = useCallback(
    async (key: string, remember: boolean) => {
      try {
        await open(key);
      } catch (error) {
        useKey(null);
        throw error;
      }
      (remember ? localStorage : sessionStorage).setItem(STORAGE, key);
    },
    [open],
  );

  useEffect(() => {
    const key = stored();
    if (!key) return;
    open(key)
      .catch(() => signOut())
      .finally(() => setChecking(false));
  }, [open, signOut]);

  const value = useMemo(() => ({ session, checking, signIn }), [session, checking, signIn]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSessionState outside SessionProvider');
  return state;
}

/** The signed-in session; only for pages behind sign-in. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession without a session');
  return session;
}
