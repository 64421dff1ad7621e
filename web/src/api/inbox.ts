/** The rep's inbox as the API serves it: their own leads, the lifecycle actions on them, and the pull queues. */
import { api, type Page } from './client';
import type { LeadChange } from './leads';
import type { Lead, LeadStatus } from './types';

/** A lead as a rep's inbox reads it (deadlines come with reads of leads, not with every answer). */
export type InboxLead = Lead;

export const PAGE_SIZE = 20;

/** The rep's leads of one status, newest first (a rep key lists only its own leads whatever the filter says). */
export function myLeads(ownerId: string, status: LeadStatus, cursor: string | undefined): Promise<Page<InboxLead>> {
  return api<Page<InboxLead>>('/v1/leads', { query: { ownerId, status, cursor, limit: PAGE_SIZE } });
}

export function readLead(id: string): Promise<InboxLead> {
  return api<InboxLead>(`/v1/leads/${encodeURIComponent(id)}`);
}

const action = (id: string, verb: string, body: unknown) =>
  api<LeadChange>(`/v1/leads/${encodeURIComponent(id)}/${verb}`, { method: 'POST', body });

export const acceptLead = (id: string) => action(id, 'accept', {});
export const rejectLead = (id: string, reason: string) => action(id, 'reject', { reason });
export const logContact = (id: string, note: string) => action(id, 'activities', { type: 'contacted', ...(note.trim() && { note: note.trim() }) });
export const markWon = (id: string, revenue: number | undefined) => action(id, 'outcome', { outcome: 'won', ...(revenue !== undefined && { revenue }) });
export const markLost = (id: string, reason: string) => action(id, 'outcome', { outcome: 'lost', ...(reason.trim() && { reason: reason.trim() }) });

/** The next lead of the queue, now assigned to the rep; undefined when the queue is empty (204). */
export async function pullNext(queue: string): Promise<InboxLead | undefined> {
  const answer = await api<{ lead: InboxLead } | undefined>(`/v1/queues/${encodeURIComponent(queue)}/pull`, { method: 'POST', body: {} });
  return answer?.lead;
}

/** A lead as a person names it: their name, else their email, company or phone, else its id. */
export function leadName(lead: Pick<InboxLead, 'id' | 'firstName' | 'lastName' | 'email' | 'company' | 'phone'>): string {
  const name = [lead.firstName, lead.lastName].filter((part) => part && part.trim()).join(' ');
  return name || lead.email || lead.company || lead.phone || `Lead ${lead.id}`;
}
