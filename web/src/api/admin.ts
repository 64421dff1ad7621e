/** Administration: reps, teams, form sources, webhook subscriptions and API keys, as the API answers (src/http/schemas/). */
import { allPages, api, type Page } from './client';
import type { z } from 'zod';
import type { ApiKey as ApiKeySchema, CreatedApiKey as CreatedApiKeySchema } from '../../../src/http/schemas/api-keys';
import type { CreateFormBody, FormSource as FormSchema } from '../../../src/http/schemas/forms';
import type { CreatedWebhook as CreatedWebhookSchema, Webhook as WebhookSchema } from '../../../src/http/schemas/notifications';
import type { Availability as AvailabilitySchema, RepPatch, Team as TeamSchema, TeamCreate } from '../../../src/http/schemas/people';
import type { WorkingHours } from './profile';
import type { Rep, Role } from './types';

export { WEEKDAYS, type Weekday } from './profile';

export type Presence = RepRecord['presence'];
export type WeeklyHours = WorkingHours;

/** A rep with the live counters the store keeps (`daily` is the count on the rep's own local day). */
export type RepRecord = Rep;
export type RepInput = z.input<typeof RepPatch>;
export type Availability = z.input<typeof AvailabilitySchema>;

export type Team = z.output<typeof TeamSchema>;
export type TeamInput = Omit<z.input<typeof TeamCreate>, 'key'>;

export type FormSource = z.output<typeof FormSchema>;
export type FormInput = z.input<typeof CreateFormBody>;

export const WEBHOOK_EVENTS = ['lead.offered', 'lead.assigned', 'lead.reassigned', 'lead.sla-breached', 'lead.unroutable', 'lead.expired'] as const satisfies readonly Webhook['events'][number][];
export type Webhook = z.output<typeof WebhookSchema>;
export type WebhookEvent = Webhook['events'][number];
export type WebhookFormat = Webhook['format'];
/** With the secret that signs every delivery: in this answer only. */
export type CreatedWebhook = z.output<typeof CreatedWebhookSchema>;

export type ApiKeyRecord = z.output<typeof ApiKeySchema>;
/** With the secret: in this answer only. */
export type CreatedApiKey = z.output<typeof CreatedApiKeySchema>;

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
