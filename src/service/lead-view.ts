import type { Lead } from '../engine/index.js';
import type { LeadState, StoredLead } from '../store/repositories/leads.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/**
 * A lead as integrations see it — in API answers and in webhook deliveries alike: its fields
 * flat, where it stands, instants as ISO text. (The HTTP layer's Lead schema documents it.)
 */
type Instants = 'offeredAt' | 'assignedAt' | 'contactedAt' | 'closedAt';

export type PublicLead = Omit<Lead, 'id' | 'account' | 'previousOwnerId'> &
  Omit<LeadState, Instants> &
  Record<Instants, string | null> & { id: string; accountId: string | null; isTest: boolean; createdAt: string; updatedAt: string };

export function publicLead(lead: StoredLead): PublicLead {
  const { id: _id, account: _account, previousOwnerId: _previous, ...fields } = lead.fields;
  return {
    ...fields,
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
  };
}
