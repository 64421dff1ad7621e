/** A rep's own profile: GET and PATCH /v1/me (a rep key), in the shapes of the server's Rep and ProfilePatch schemas. */
import { api } from './client';
import type { z } from 'zod';
import type { Weekday, WorkingHours } from '../../../src/engine/model';
import type { MePatch } from '../../../src/http/schemas/people';
import type { Rep } from './types';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const satisfies readonly Weekday[];
export type { Weekday };

/** Spans such as `09:00-17:00` per weekday; a day left out is a day off. Null: always at work. */
export type { WorkingHours };

export const PRESENCES = ['online', 'away', 'offline'] as const satisfies readonly Presence[];
export type Presence = Profile['presence'];

export const CHANNELS = ['email', 'sms'] as const satisfies readonly Channel[];
export type Channel = NonNullable<Profile['channels']>[number];

export type Profile = Rep;

/** What a rep may change of their own profile; the rest (email, capacity, seniority, active) is the managers'. */
export type ProfilePatch = z.input<typeof MePatch>;

export const readProfile = () => api<Profile>('/v1/me');
export const saveProfile = (patch: ProfilePatch) => api<Profile>('/v1/me', { method: 'PATCH', body: patch });
