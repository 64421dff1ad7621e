/**
 * The data the engine decides on. Everything here is plain, serialisable data
 * that the store can load and the CLI can read from files.
 */

export interface Lead {
  id?: string;
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
  /** The account this lead matched (by email domain or company), if any. */
  account?: { id: string; ownerId?: string | null } | null;
  /** The rep who owned this lead (or its earlier duplicate) before, if any. */
  previousOwnerId?: string | null;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Per weekday, a list of `HH:MM-HH:MM` spans in the rep's own time zone. Absent means always working. */
export type WorkingHours = Partial<Record<Weekday, string[]>>;

export type Presence = 'online' | 'away' | 'offline';

export interface Rep {
  id: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  active: boolean;
  /** IANA time zone, e.g. `America/New_York`. */
  timezone: string;
  workingHours?: WorkingHours | null;
  presence?: Presence;
  outOfOffice?: { from: string; until: string } | null;
  languages?: string[];
  skills?: string[];
  seniority?: number;
  maxOpenLeads?: number | null;
  dailyCap?: number | null;
  /** How the rep is told of a new lead; null: the routing configuration's default. */
  channels?: ('email' | 'sms')[] | null;
  /** Leads currently open (offered, assigned or contacted) for this rep. */
  openLeads?: number;
  /** Leads assigned on the rep's local day `date` (YYYY-MM-DD); a count for an earlier day counts as zero. */
  daily?: { date: string; count: number } | null;
  /** Closed outcomes, for the performance strategy. */
  won?: number;
  lost?: number;
  /** ISO instant of the last lead assigned, for tie-breaks among equals. */
  lastAssignedAt?: string | null;
}

export interface TeamMember {
  repId: string;
  weight?: number;
}

export interface SubTeam {
  key: string;
  weight?: number;
}

export interface Team {
  key: string;
  name: string;
  members: TeamMember[];
  subTeams?: SubTeam[];
  /** Territory keys of the routing configuration that this team (as a branch) serves. */
  territories?: string[];
  managerIds?: string[];
}

/** Persisted per-scope strategy state (e.g. round-robin credits per rep). */
export type StrategyState = Record<string, number>;
