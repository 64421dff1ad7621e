/** Administration: reps, teams, form sources, webhook subscriptions and API keys, as the API answers (src/http/schemas/). */
import { allPages, api, type Page } from './client';
import type { Rep, Role } from './types';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Presence = 'online' | 'away' | 'offline';
export type WeeklyHours = Partial<Record<Weekday, string[]>>;

/** A rep with the live counters the store keeps (`daily` is the count on the rep's own local day). */
export interface RepRecord extends Rep {
  email: string | null;
  phone: string | null;
  workingHours?: WeeklyHours | null;
  presence: Presence;
  outOfOffice?: { from: string; until: string } | null;
  seniority: number;
  maxOpenLeads?: number | null;
  dailyCap?: number | null;
  openLeads: number;
  daily?: { date: string; count: number } | null;
  won: number;
  lost: number;
  lastAssignedAt?: string | null;
}

export interface RepInput {
  name?: string;
  email?: string | null;
  phone?: string | null;
  active?: boolean;
  timezone?: string;
  workingHours?: WeeklyHours | null;
  languages?: string[];
  skills?: string[];
  seniority?: number;
  maxOpenLeads?: number | null;
  dailyCap?: number | null;
}

export interface Availability {
  presence: Presence;
  outOfOffice: { from: string; until: string } | null;
}

export interface Weighted {
  weight: number;
}
export interface Team {
  key: string;
  name: string;
  members: (Weighted & { repId: string })[];
  subTeams: (Weighted & { key: string })[];
  territories: string[];
  managerIds: string[];
}
export type TeamInput = Omit<Team, 'key'>;

export interface FormSource {
  key: string;
  name: string;
  mapping: Record<string, string>;
  honeypot: string | null;
  thankYouUrl: string | null;
  allowedRedirectHosts: string[];
  allowedOrigins: string[];
  googleAds: boolean;
  source: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FormInput {
  key: string;
  name: string;
  mapping?: Record<string, string>;
  honeypot?: string | null;
  thankYouUrl?: string | null;
  allowedRedirectHosts?: string[];
  allowedOrigins?: string[];
  source?: string | null;
  googleKey?: string | null;
}

export const WEBHOOK_EVENTS = ['lead.offered', 'lead.assigned', 'lead.reassigned', 'lead.sla-breached', 'lead.unroutable', 'lead.expired'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export type WebhookFormat = 'json' | 'slack';

export interface Webhook {
  id: string;
  url: string;
  events: WebhookEvent[];
  format: WebhookFormat;
  active: boolean;
  createdAt: string;
}
export interface CreatedWebhook extends Webhook {
  /** Signs every delivery; in this answer only. */
  secret: string;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  repId: string | null;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
export interface CreatedApiKey extends ApiKeyRecord {
  /** The secret: in this answer only. */
  key: string;
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

export const reps = {
  list: (cursor: string | undefined, limit = 25) => api<Page<RepRecord>>('/v1/reps', { query: { cursor, limit } }),
  create: (rep: RepInput & { id: string; name: string }) => api<RepRecord>('/v1/reps', { method: 'POST', body: rep }),
  update: (id: string, patch: RepInput) => api<RepRecord>(`/v1/reps/${path(id)}`, { method: 'PATCH', body: patch }),
  setAvailability: (id: string, availability: Availability) => api<RepRecord>(`/v1/reps/${path(id)}/availability`, { method: 'PUT', body: availability }),
  /** Every rep, page after page: for pickers and for names in place of ids. */
  all: async () => (await allPages<RepRecord>('/v1/reps')).items,
};

export const teams = {
  list: (cursor: string | undefined, limit = 25) => api<Page<Team>>('/v1/teams', { query: { cursor, limit } }),
  create: (team: Team) => api<Team>('/v1/teams', { method: 'POST', body: team }),
  update: (key: string, patch: Partial<TeamInput>) => api<Team>(`/v1/teams/${path(key)}`, { method: 'PATCH', body: patch }),
  all: async () => (await allPages<Team>('/v1/teams')).items,
};

export const forms = {
  list: (cursor: string | undefined) => api<Page<FormSource>>('/v1/forms', { query: { cursor } }),
  create: (form: FormInput) => api<FormSource>('/v1/forms', { method: 'POST', body: form }),
};

export const webhooks = {
  list: (cursor: string | undefined) => api<Page<Webhook>>('/v1/webhooks', { query: { cursor } }),
  create: (webhook: { url: string; events: WebhookEvent[]; format: WebhookFormat }) => api<CreatedWebhook>('/v1/webhooks', { method: 'POST', body: webhook }),
  remove: (id: string) => api<void>(`/v1/webhooks/${path(id)}`, { method: 'DELETE' }),
};

export const apiKeys = {
  list: (cursor: string | undefined, limit = 25) => api<Page<ApiKeyRecord>>('/v1/api-keys', { query: { cursor, limit } }),
  create: (key: { name: string; role: Role; repId?: string | null }) => api<CreatedApiKey>('/v1/api-keys', { method: 'POST', body: key }),
  revoke: (id: string) => api<void>(`/v1/api-keys/${path(id)}`, { method: 'DELETE' }),
};
