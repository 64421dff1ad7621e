import { useCallback, useEffect, useRef, useState } from 'react';
import { myLeads, PAGE_SIZE, type InboxLead } from '../api/inbox';
import type { LeadStatus } from '../api/types';
import { usePager } from './pager';
import { useApi } from './use-api';

/** Newest first, as the API lists leads. */
const newestFirst = (a: InboxLead, b: InboxLead) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/**
 * One page of the rep's leads in one status, kept current by hand between loads: a lead that
 * reaches this status is put in (on the first page, in its place), one that leaves it is taken out.
 */
export function useLeadList(ownerId: string, status: LeadStatus) {
  const pager = usePager();
  const loaded = useApi(() => myLeads(ownerId, status, pager.cursor), [ownerId, status, pager.cursor]);
  const [items, setItems] = useState<InboxLead[]>([]);
  const firstPage = pager.page === 1;

  /** The list with the lead as it is now: in it if it is the owner's and in this status, out of it otherwise (null: gone). */
  const apply = useCallback(
    (list: InboxLead[], id: string, lead: InboxLead | null): InboxLead[] => {
      const at = list.findIndex((item) => item.id === id);
      if (!lead || lead.status !== status || lead.ownerId !== ownerId) return at < 0 ? list : list.filter((item) => item.id !== id);
      if (at >= 0) return list.map((item) => (item.id === id ? lead : item));
      if (!firstPage) return list;
      return [...list, lead].sort(newestFirst).slice(0, Math.max(PAGE_SIZE, list.length));
    },
    [status, ownerId, firstPage],
  );

  /** Changes heard since the last page arrived: laid over it, so an answer read before them does not undo them. */
  const heard = useRef(new Map<string, InboxLead | null>());
  useEffect(() => {
    if (!loaded.data) return;
    let list = loaded.data.data;
    for (const [id, lead] of heard.current) list = apply(list, id, lead);
    heard.current.clear();
    setItems(list);
  }, [loaded.data, apply]);

  const put = useCallback(
    (lead: InboxLead) => {
      heard.current.set(lead.id, lead);
      setItems((list) => apply(list, lead.id, lead));
    },
    [apply],
  );
  const drop = useCallback(
    (id: string) => {
      heard.current.set(id, null);
      setItems((list) => apply(list, id, null));
    },
    [apply],
  );

  return {
    status,
    items,
    /** Shown until the first answer; later loads keep the list on screen. */
    loading: loaded.loading && !loaded.data,
    error: loaded.error,
    nextCursor: loaded.data?.nextCursor ?? null,
    pager,
    reload: loaded.reload,
    put,
    drop,
    has: (id: string) => items.some((item) => item.id === id),
    find: (id: string) => items.find((item) => item.id === id),
  };
}

export type LeadList = ReturnType<typeof useLeadList>;
