import { useEffect, useRef } from 'react';
import { withQuery } from '../api/client';
import type { Lead } from '../api/types';
import { useSession } from '../session';

/** One timeline event as `GET /v1/events` streams it, with the lead as it is after the event. */
export interface LeadEvent {
  eventId: number;
  leadId: string;
  type: string;
  at: string;
  actor: string | null;
  data: Record<string, unknown> | null;
  /** The lead as it is now; null when the event took it away from this rep (rejected, expired, reassigned). */
  lead: Lead | null;
}

/**
 * Calls `onEvent` for every lead event the key may see, live (server-sent events). EventSource
 * cannot send headers, so the key goes in the query; it reconnects by itself and resumes after the
 * last event it saw.
 */
export function useLeadEvents(onEvent: (event: LeadEvent) => void): void {
  const session = useSession();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const source = new EventSource(withQuery('/v1/events', { key: session.key }));
    source.addEventListener('lead', (message) => handler.current(JSON.parse((message as MessageEvent<string>).data) as LeadEvent));
    return () => source.close();
  }, [session.key]);
}
