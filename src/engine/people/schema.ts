import { z } from 'zod';
import { WEEKDAYS } from '../model.js';
import { isValidSpan } from '../time/weekly-hours.js';
import { isValidZone } from '../time/zone-clock.js';

/** Reps and teams as files and API bodies carry them; validated before a roster is built. */

const Span = z.string().refine(isValidSpan, 'expected a span such as 09:00-17:00');
export const WorkingHoursSchema = z.partialRecord(z.enum(WEEKDAYS), z.array(Span));
const Instant = z.iso.datetime({ offset: true });

export const RepSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.email().nullish(),
  phone: z.string().nullish(),
  active: z.boolean().default(true),
  timezone: z.string().default('UTC').refine(isValidZone, 'unknown time zone (expected an IANA name such as Europe/Berlin)'),
  workingHours: WorkingHoursSchema.nullish(),
  presence: z.enum(['online', 'away', 'offline']).default('online'),
  outOfOffice: z.strictObject({ from: Instant, until: Instant }).nullish(),
  languages: z.array(z.string()).default([]),
  skills: z.array(z.string()).default([]),
  seniority: z.number().min(0).default(0),
  maxOpenLeads: z.number().int().min(0).nullish(),
  dailyCap: z.number().int().min(0).nullish(),
  channels: z
    .array(z.enum(['email', 'sms']))
    .nullish()
    .describe("how the rep is told of a new lead; none given: the routing configuration's notify.rep"),
  openLeads: z.number().int().min(0).default(0),
  daily: z.strictObject({ date: z.iso.date(), count: z.number().int().min(0) }).nullish(),
  won: z.number().int().min(0).default(0),
  lost: z.number().int().min(0).default(0),
  lastAssignedAt: Instant.nullish(),
});

export const TeamSchema = z.strictObject({
  key: z.string().min(1),
  name: z.string().min(1),
  members: z.array(z.strictObject({ repId: z.string().min(1), weight: z.number().positive().default(1) })).default([]),
  subTeams: z.array(z.strictObject({ key: z.string().min(1), weight: z.number().positive().default(1) })).default([]),
  territories: z.array(z.string()).default([]),
  managerIds: z.array(z.string()).default([]),
});

export const PeopleSchema = z.strictObject({
  reps: z.array(RepSchema).default([]),
  teams: z.array(TeamSchema).default([]),
});

export type PeopleDoc = z.output<typeof PeopleSchema>;

