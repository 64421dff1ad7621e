/** The manager's lead pages and the lead page: the API calls they make and the shapes they read (src/http/schemas/leads.ts is the reference). */
import type { z } from 'zod';
import type { BranchTrace, CandidateTrace, Explanation, Outcome, RouteResult, RouteTrace } from '../../../src/engine/decision';
import type { Exclusion } from '../../../src/engine/eligibility';
import type { Decision as DecisionSchema } from '../../../src/http/schemas/leads';
import { allPages, api, type Page } from './client';
import type { Lead, LeadStatus, Rep, Team, TimelineEvent } from './types';

export const LEAD_STATUSES: readonly LeadStatus[] = ['new', 'unqualified', 'held', 'queued', 'offered', 'assigned', 'contacted', 'won', 'lost'];

/** Statuses a manager may reassign a lead from (src/lifecycle/transitions.ts, `reassign`). */
export const REASSIGNABLE: readonly LeadStatus[] = ['held', 'queued', 'offered', 'assigned', 'contacted'];

/** A lead as reads of leads show it. */
export type LeadView = Lead;

/** The explanation is the engine's own record (the API schema leaves its routes open). */
export type Decision = Omit<z.output<typeof DecisionSchema>, 'explanation'> & { explanation: Explanation };

export type { BranchTrace, CandidateTrace, Exclusion, Explanation, Outcome, RouteResult, RouteTrace };

export interface LeadChange {
  lead: LeadView;
  decision: Decision | null;
}

/** The filters of the leads list, as `GET /v1/leads` takes them. */
export interface LeadFilter {
  q?: string;
  status?: string;
  ownerId?: string;
  team?: string;
  source?: string;
  createdFrom?: string;
  createdTo?: string;
}

const path = (id: string) => `/v1/leads/${encodeURIComponent(id)}`;

export function listLeads(filter: LeadFilter, cursor: string | undefined, limit = 50): Promise<Page<LeadView>> {
  return api<Page<LeadView>>('/v1/leads', { query: { ...filter, cursor, limit } });
}

/**
 * Every lead in a status (up to `cap`), following the cursor: the board sorts them by deadline,
 * which the API's newest-first order cannot do page by page.
 */
export async function allLeadsIn(status: LeadStatus, cap = 1000): Promise<{ leads: LeadView[]; capped: boolean }> {
  const { items, capped } = await allPages<LeadView>('/v1/leads', { status }, cap);
  return { leads: items, capped };
}

export const getLead = (id: string) => api<LeadView>(path(id));

export const getTimeline = (id: string, cursor: string | undefined) => api<Page<TimelineEvent>>(`${path(id)}/timeline`, { query: { cursor } });

export const getDecision = (id: string) => api<Decision>(`${path(id)}/decision`);

/** To the rep named (assigned at once), or without one back through routing without its current owner. */
export function reassignLead(id: string, body: { repId?: string; reason?: string }): Promise<LeadChange> {
  return api<LeadChange>(`${path(id)}/reassign`, { method: 'POST', body });
}

export const allReps = async () => (await allPages<Rep>('/v1/reps')).items;
export const allTeams = async () => (await allPages<Team>('/v1/teams')).items;
