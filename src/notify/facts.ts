import type { Lead } from '../engine/index.js';

/**
 * The lead a notice tells of: its fields and where routing put it. A stored lead already has this
 * shape; `summary` is the decision's one line of explanation ("Offered to Ava Thompson by route
 * enterprise"), for the rep to see why the lead is theirs.
 */
export interface NoticeLead {
  id: string;
  fields: Lead;
  score?: number | null;
  grade?: string | null;
  route?: string | null;
  summary?: string | null;
}

/** The rep a notice is for or about; times are shown on their own clock (an IANA zone). */
export interface NoticeRep {
  id: string;
  name: string;
  timezone?: string | null;
}

/** What to call a lead: their name, else how to reach them, since a lead may give only one of these. */
export function leadName(fields: Lead): string {
  const name = [fields.firstName, fields.lastName].filter(Boolean).join(' ').trim();
  return name || fields.email || fields.phone || fields.company || 'a lead without a name';
}
