/** A rep's own profile: GET and PATCH /v1/me (a rep key), in the shapes of the server's Rep and ProfilePatch schemas. */
import { api } from './client';
import type { Rep } from './types';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Spans such as `09:00-17:00` per weekday; a day left out is a day off. Null: always at work. */
export type WorkingHours = Partial<Record<Weekday, string[]>>;

export const PRESENCES = ['online', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Profile extends Rep {
  workingHours?: WorkingHours | null;
  presence: Presence;
  outOfOffice?: { from: string; until: string } | null;
  channels?: Channel[] | null;
}

/** What a rep may change of their own profile; the rest (email, capacity, seniority, active) is the managers'. */
export interface ProfilePatch {
  name?: string;
  phone?: string | null;
  timezone?: string;
  workingHours?: WorkingHours | null;
  presence?: Presence;
  outOfOffice?: { from: string; until: string } | null;
  languages?: string[];
  skills?: string[];
  channels?: Channel[] | null;
}

export const readProfile = () => api<Profile>('/v1/me');
export const saveProfile = (patch: ProfilePatch) => api<Profile>('/v1/me', { method: 'PATCH', body: patch });
