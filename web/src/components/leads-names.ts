import { useCallback, useMemo } from 'react';
import { allReps } from '../api/leads';
import type { Rep } from '../api/types';
import { useSession } from '../session';
import type { NameOf } from './leads-words';
import { useApi } from './use-api';

const FRESH_MS = 5 * 60_000;

/** One load shared by every page of the session, fetched again after a few minutes (reps are added, renamed). */
function cached<T>(load: () => Promise<T>) {
  let entry: { key: string; at: number; value: Promise<T> } | null = null;
  return (key: string): Promise<T> => {
    if (!entry || entry.key !== key || Date.now() - entry.at > FRESH_MS) {
      const value = load();
      entry = { key, at: Date.now(), value };
      value.catch(() => {
        if (entry?.value === value) entry = null;
      });
    }
    return entry.value;
  };
}

const repsOf = cached(allReps);

/**
 * Every rep (all pages of GET /v1/reps, once) and their names by id. A rep key may not list reps:
 * it knows its own name only.
 */
export function useReps(): { reps: Rep[]; nameOf: NameOf; error: unknown; loading: boolean } {
  const session = useSession();
  const manager = session.who.role === 'admin' || session.who.role === 'manager';
  const loaded = useApi(() => (manager ? repsOf(session.key) : Promise.resolve(session.who.rep ? [session.who.rep] : [])), [session.key, manager]);
  const reps = useMemo(() => loaded.data ?? [], [loaded.data]);
  const names = useMemo(() => new Map(reps.map((rep) => [rep.id, rep.name])), [reps]);
  const nameOf = useCallback<NameOf>((id) => (id ? (names.get(id) ?? id) : 'nobody'), [names]);
  return { reps, nameOf, error: loaded.error, loading: loaded.loading };
}
