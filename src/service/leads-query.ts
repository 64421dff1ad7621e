import type { Db } from '../store/database.js';
import { keyHolders } from '../store/repositories/api-keys.js';
import { latestDecision, type StoredDecision } from '../store/repositories/decisions.js';
import { timeline, type LeadEvent } from '../store/repositories/lead-events.js';
import { getLead, listLeads, type LeadFilter, type StoredLead } from '../store/repositories/leads.js';
import { ServiceError } from './errors.js';
import { readPage, type Page } from './page.js';

/** Who is looking: a rep sees only the leads they own; everyone else with access sees all. */
export interface Viewer {
  role: string;
  repId: string | null;
}

const ownOnly = (viewer: Viewer) => viewer.role === 'rep';

export type LeadPage = Page<StoredLead, { createdAt: number; id: string }>;

/** Newest first. A rep's list is their own leads, whatever owner the filter names. */
export async function findLeads(
  db: Db,
  viewer: Viewer,
  filter: LeadFilter,
  page: { limit: number; after?: { createdAt: number; id: string } },
): Promise<LeadPage> {
  if (ownOnly(viewer)) {
    if (!viewer.repId || (filter.ownerId !== undefined && filter.ownerId !== viewer.repId)) return { items: [], next: null };
    filter = { ...filter, ownerId: viewer.repId };
  }
  return readPage(page.limit, (limit) => listLeads(db, filter, { ...page, limit }), (last) => ({ createdAt: last.createdAt, id: last.id }));
}

/** A lead the viewer may see; any other is not found (a rep does not learn that others' leads exist). */
export async function findLead(db: Db, viewer: Viewer, id: string): Promise<StoredLead> {
  const lead = await getLead(db, id);
  if (!lead || (ownOnly(viewer) && lead.ownerId !== viewer.repId)) throw new ServiceError('not_found', `no lead "${id}"`);
  return lead;
}

/** The lead's events, oldest first, each with who acted by name when an API key did. */
export async function leadTimeline(db: Db, viewer: Viewer, id: string): Promise<(LeadEvent & { actorName: string | null })[]> {
  await findLead(db, viewer, id);
  const events = await timeline(db, id);
  const names = await keyHolders(db, [...new Set(events.map((e) => e.actor).filter((a): a is string => a !== null))]);
  return events.map((event) => ({ ...event, actorName: (event.actor && names.get(event.actor)) ?? null }));
}

/** The lead's latest routing decision, with its explanation. */
export async function leadDecision(db: Db, viewer: Viewer, id: string): Promise<StoredDecision> {
  await findLead(db, viewer, id);
  const decision = await latestDecision(db, id);
  if (!decision) throw new ServiceError('not_found', `lead "${id}" has no routing decision (it was held while no routing configuration was active)`);
  return decision;
}

/** The latest decision of a lead, if any, for answering a replayed capture. */
export async function decisionOf(db: Db, leadId: string): Promise<StoredDecision | undefined> {
  return latestDecision(db, leadId);
}
