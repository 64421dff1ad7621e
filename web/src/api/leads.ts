/** The manager's lead pages and the lead page: the API calls they make and the shapes they read (src/http/schemas/leads.ts is the reference). */
import { allPages, api, type Page } from './client';
import type { Lead, LeadStatus, Rep, TimelineEvent } from './types';

export const LEAD_STATUSES: readonly LeadStatus[] = ['new', 'unqualified', 'held', 'queued', 'offered', 'assigned', 'contacted', 'won', 'lost'];

/** Statuses a manager may reassign a lead from (src/lifecycle/transitions.ts, `reassign`). */
export const REASSIGNABLE: readonly LeadStatus[] = ['held', 'queued', 'offered', 'assigned', 'contacted'];

/** A lead as reads of leads show it. */
export interface LeadView extends Lead {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  title?: string | null;
  industry?: string | null;
  country?: string | null;
  region?: string | null;
  city?: string | null;
  postalCode?: string | null;
  language?: string | null;
  product?: string | null;
  value?: number | null;
  source?: string | null;
  externalId?: string | null;
  custom?: Record<string, unknown> | null;
  ownerId: string | null;
  team: string | null;
  queue: string | null;
  score: number | null;
  grade: string | null;
  route: string | null;
  configVersion: number | null;
  accountId: string | null;
  isTest: boolean;
  attempts: number;
  triedReps: string[];
  offeredAt: string | null;
  assignedAt: string | null;
  contactedAt: string | null;
  closedAt: string | null;
  revenue: number | null;
  lostReason: string | null;
  createdAt: string;
  updatedAt: string;
  /** When the current offer expires (offered leads). */
  offerExpiresAt?: string | null;
  /** When the first contact is due by the SLA (assigned leads). */
  contactDueAt?: string | null;
}

/** Why a rep could not take the lead (src/engine/eligibility.ts). */
export type Exclusion =
  | { code: 'inactive' }
  | { code: 'out-of-office'; until: number }
  | { code: 'outside-hours'; weekday: number; minute: number; timezone: string }
  | { code: 'offline'; presence: string }
  | { code: 'at-capacity'; open: number; max: number }
  | { code: 'daily-cap'; count: number; cap: number }
  | { code: 'missing-language'; missing: string[] }
  | { code: 'missing-skill'; missing: string[] }
  | { code: 'seniority'; has: number; needs: number }
  | { code: 'already-tried' }
  | { code: 'not-found' }
  | { code: string; [field: string]: unknown };

export interface CandidateTrace {
  repId: string;
  name: string;
  branch?: string;
  excluded?: Exclusion;
  score?: number;
  /** 1 is the pick. */
  rank?: number;
  note?: string;
}

export interface BranchTrace {
  key: string;
  skipped?: string;
  score?: number;
  rank?: number;
}

export type RouteResult = 'no-match' | 'no-candidate' | 'offered' | 'queued' | 'held';

export interface RouteTrace {
  name: string;
  /** The condition that failed, when the route did not match. */
  failed?: string;
  target?: string;
  result: RouteResult | string;
  note?: string;
  branches?: BranchTrace[];
  candidates?: CandidateTrace[];
}

export interface Explanation {
  configVersion: number | null;
  at: number;
  score: number;
  grade: string | null;
  qualified: boolean;
  scoringRules?: number[];
  territories: string[];
  exhausted?: { attempts: number; maxAttempts: number };
  routes: RouteTrace[];
  recheckAt?: number;
  summary: string;
}

export type Outcome =
  | { type: 'offer'; repId: string; team: string | null; autoAccept: boolean }
  | { type: 'queue'; queue: string }
  | { type: 'hold'; reason: 'unavailable' | 'unroutable'; route: string | null }
  | { type: 'unqualified' };

export interface Decision {
  configVersion: number | null;
  outcome: Outcome;
  summary: string;
  ranked: string[];
  explanation: Explanation;
  decidedAt: string;
}


export interface Team {
  key: string;
  name: string;
  [field: string]: unknown;
}

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
