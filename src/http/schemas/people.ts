import { z } from 'zod';
import { named } from './registry.js';
import { RepSchema, TeamSchema } from '../../engine/index.js';
import { InstantInput, page } from './common.js';

const R = RepSchema.shape;

/** A rep as the API answers: the profile and the live counters the store keeps. */
export const Rep = named(RepSchema.clone(), 'Rep');

/** A new rep: the profile; counters start at zero. */
export const RepCreate = named(RepSchema.omit({ openLeads: true, daily: true, won: true, lost: true, lastAssignedAt: true }), 'RepCreate');

const Presence = z.enum(['online', 'away', 'offline']);
const OutOfOffice = z.strictObject({ from: InstantInput, until: InstantInput }).nullish().describe('a range when the rep takes no leads; null clears it');

/** The fields given change, the others stay. Each field is checked again with the whole rep. */
export const RepPatch = named(z
  .strictObject({
    name: z.string().min(1).optional(),
    email: R.email,
    phone: R.phone,
    active: z.boolean().optional(),
    timezone: z.string().optional().describe('IANA time zone, e.g. America/New_York'),
    workingHours: R.workingHours,
    presence: Presence.optional(),
    outOfOffice: OutOfOffice,
    languages: z.array(z.string()).optional(),
    skills: z.array(z.string()).optional(),
    seniority: z.number().min(0).optional(),
    maxOpenLeads: R.maxOpenLeads,
    dailyCap: R.dailyCap,
    channels: R.channels,
  }), 'RepPatch');

/** What a rep may change of their own profile. */
export const MePatch = named(RepPatch.pick({
  name: true,
  phone: true,
  timezone: true,
  workingHours: true,
  presence: true,
  outOfOffice: true,
  languages: true,
  skills: true,
  channels: true,
}), 'ProfilePatch');

export const Availability = named(z.strictObject({ presence: Presence, outOfOffice: OutOfOffice }), 'Availability');

export const RepParams = z.strictObject({ id: z.string().min(1) });
export const RepPage = page(Rep);

export const Team = named(TeamSchema.clone(), 'Team');
export const TeamCreate = named(TeamSchema.clone(), 'TeamCreate');

const T = TeamSchema.shape;
export const TeamPatch = named(z
  .strictObject({
    name: z.string().min(1).optional(),
    members: T.members.unwrap().optional().describe('replaces the members'),
    subTeams: T.subTeams.unwrap().optional().describe('replaces the sub-teams'),
    territories: z.array(z.string()).optional(),
    managerIds: z.array(z.string()).optional(),
  }), 'TeamPatch');

export const TeamParams = z.strictObject({ key: z.string().min(1) });
export const TeamPage = page(Team);

export const WhoAmI = z.object({
  role: z.enum(['admin', 'manager', 'rep', 'capture']),
  keyId: z.string(),
  /** The rep a rep key acts as; null for other keys. */
  rep: Rep.nullable(),
  /** The server's clock: the console counts offers down by it, not by a laptop's clock that may be off. */
  serverTime: z.iso.datetime(),
});
