/** The API's answers as the console reads them (the server's zod schemas and /openapi.json are the reference). */

export type Role = 'admin' | 'manager' | 'rep' | 'capture';

export type LeadStatus = 'new' | 'unqualified' | 'held' | 'queued' | 'offered' | 'assigned' | 'contacted' | 'won' | 'lost';

export interface WorkingHours {
  [day: string]: string[] | undefined;
}

export interface Rep {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  timezone: string;
  workingHours?: unknown;
  presence: string;
  outOfOffice?: { from: string | null; until: string | null } | null;
  languages: string[];
  skills: string[];
  seniority?: number;
  maxOpenLeads?: number | null;
  dailyCap?: number | null;
  channels?: string[] | null;
  openLeads?: number;
  [field: string]: unknown;
}

export interface WhoAmI {
  role: Role;
  keyId: string;
  rep: Rep | null;
  serverTime: string;
}

export interface Lead {
  id: string;
  status: LeadStatus;
  [field: string]: unknown;
}

export interface TimelineEvent {
  type: string;
  at: string;
  actor: string | null;
  /** Who acted, when an API key did: the rep of a rep key, else the key's name. */
  actorName?: string | null;
  data?: Record<string, unknown> | null;
  [field: string]: unknown;
}
