import type { Lead } from '../engine/index.js';
import type { Db } from '../store/database.js';
import type { LeadState, StoredLead } from '../store/repositories/leads.js';
import { timerStands, TIMERS, type TimerKind } from '../lifecycle/timers.js';
import { timersOf } from '../store/repositories/timers.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/**
 * A lead as integrations see it — in API answers and in webhook deliveries alike: its fields
 * flat, where it stands, instants as ISO text. (The HTTP layer's Lead schema documents it.)
 */
type Instants = 'offeredAt' | 'assignedAt' | 'contactedAt' | 'closedAt';

export type PublicLead = Omit<Lead, 'id' | 'account' | 'previousOwnerId'> &
  Omit<LeadState, Instants> &
  Record<Instants, string | null> & { id: string; accountId: string | null; isTest: boolean; createdAt: string; updatedAt: string } & Partial<
    Record<keyof Deadlines, string | null>
  >;

/** What the lead's holder must do by when: accept the offer, log the first contact. */
export interface Deadlines {
  offerExpiresAt: number | null;
  contactDueAt: number | null;
}

/** The timers a reader sees as deadlines, and where each shows. */
const DEADLINES: Readonly<Partial<Record<TimerKind, keyof Deadlines>>> = { 'offer-expiry': 'offerExpiresAt', 'first-contact': 'contactDueAt' };

/**
 * The deadlines of these leads, from their pending timers. A timer left from an earlier offer or
 * status is not a deadline (the timer worker would find it moot), so it is not shown as one.
 */
export async function deadlinesOf(db: Db, leads: readonly StoredLead[]): Promise<Map<string, Deadlines>> {
  const kinds = Object.keys(DEADLINES) as TimerKind[];
  const waiting = leads.filter((l) => kinds.some((kind) => TIMERS[kind].status === l.status));
  const timers = await timersOf(db, waiting.map((l) => l.id), kinds);
  const byId = new Map(leads.map((l) => [l.id, l]));
  const deadlines = new Map<string, Deadlines>(leads.map((l) => [l.id, { offerExpiresAt: null, contactDueAt: null }]));
  for (const timer of timers) {
    const lead = byId.get(timer.leadId)!;
    const shown = DEADLINES[timer.kind];
    if (shown && timerStands(timer, lead)) deadlines.get(lead.id)![shown] = timer.runAt;
  }
  return deadlines;
}

/** Lead fields an integration does not see as they are: the id is the lead's, the account shows as `accountId`. */
const UNSHOWN: ReadonlySet<string> = new Set(['id', 'account', 'previousOwnerId']);

/** The lead with its deadlines (reads of leads show them; webhook payloads and capture answers do not look them up). */
export function publicLead(lead: StoredLead, deadlines?: Deadlines): PublicLead {
  // Built by copying into one object: a literal spreading the fields before twenty more
  // properties ({ ...fields, id, status, … }) took V8 some 50 µs per lead, against 3 µs for this —
  // on every answer and webhook payload.
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(lead.fields)) if (!UNSHOWN.has(key)) view[key] = value;
  return Object.assign(view as Omit<Lead, 'id' | 'account' | 'previousOwnerId'>, {
    id: lead.id,
    status: lead.status,
    ownerId: lead.ownerId,
    team: lead.team,
    queue: lead.queue,
    score: lead.score,
    grade: lead.grade,
    route: lead.route,
    configVersion: lead.configVersion,
    accountId: lead.accountId,
    isTest: lead.isTest,
    attempts: lead.attempts,
    triedReps: lead.triedReps,
    offeredAt: isoOrNull(lead.offeredAt),
    assignedAt: isoOrNull(lead.assignedAt),
    contactedAt: isoOrNull(lead.contactedAt),
    closedAt: isoOrNull(lead.closedAt),
    revenue: lead.revenue,
    lostReason: lead.lostReason,
    createdAt: iso(lead.createdAt),
    updatedAt: iso(lead.updatedAt),
    ...(deadlines && { offerExpiresAt: isoOrNull(deadlines.offerExpiresAt), contactDueAt: isoOrNull(deadlines.contactDueAt) }),
  });
}
