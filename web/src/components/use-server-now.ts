import { useEffect, useState } from 'react';
import { useSession } from '../session';

/** The server's clock now, read again every `everyMs`: countdowns and "waiting for" stay right though this machine's clock is off. */
export function useServerNow(everyMs: number): number {
  const session = useSession();
  const [now, setNow] = useState(() => session.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(session.now()), everyMs);
    return () => clearInterval(timer);
  }, [session, everyMs]);
  return now;
}
