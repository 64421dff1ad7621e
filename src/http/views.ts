import type { z } from 'zod';
import type { Decision as EngineDecision, Rep as EngineRep, Team as EngineTeam } from '../engine/index.js';
import type { StoredApiKey } from '../service/api-keys.js';
import type { StoredForm } from '../service/forms.js';
import type { QueueSummary } from '../service/queues.js';
import type { RejectedSubmission as StoredSubmission } from '../service/rejected-submissions.js';
import type { ConfigVersion as StoredVersion } from '../service/routing-config.js';
import type { LeadEvent as StoredEvent } from '../store/repositories/lead-events.js';
import { deadlinesOf, publicLead } from '../service/lead-view.js';
import type { Db } from '../store/database.js';
import type { StoredLead } from '../store/repositories/leads.js';
import type { StoredNotification } from '../store/repositories/notifications.js';
import type { Webhook as StoredWebhook } from '../store/repositories/webhooks.js';
import type { Notification, Webhook } from './schemas/notifications.js';
import type { ApiKey } from './schemas/api-keys.js';
import type { FormSource } from './schemas/forms.js';
import type { Decision, Lead, LeadEvent } from './schemas/leads.js';
import type { Rep, Team } from './schemas/people.js';
import type { Queue } from './schemas/queues.js';
import type { RejectedSubmission } from './schemas/rejected-submissions.js';
import type { ConfigVersion } from './schemas/routing.js';

/** How stored things look in responses: instants as ISO text, leads flat. */

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** The lead as integrations see it: the same shape in answers and in webhook deliveries. */
export const leadView = (lead: StoredLead): z.output<typeof Lead> => publicLead(lead);

/** Leads as reads show them: with their deadlines (offer expiry, first contact due), looked up together. */
export async function leadViews(db: Db, leads: readonly StoredLead[]): Promise<z.output<typeof Lead>[]> {
  const deadlines = await deadlinesOf(db, leads);
  return leads.map((lead) => publicLead(lead, deadlines.get(lead.id)));
}

export function decisionView(decision: Pick<EngineDecision, 'outcome' | 'ranked' | 'explanation'>): z.output<typeof Decision> {
  const { explanation } = decision;
  return {
    configVersion: explanation.configVersion,
    outcome: decision.outcome,
    summary: explanation.summary,
    ranked: decision.ranked,
    explanation: explanation as unknown as z.output<typeof Decision>['explanation'],
    decidedAt: iso(explanation.at),
  };
}

export const eventView = (event: StoredEvent): z.output<typeof LeadEvent> => ({ ...event, at: iso(event.at) });

export const repView = (rep: EngineRep): z.output<typeof Rep> => rep as z.output<typeof Rep>;
export const teamView = (team: EngineTeam): z.output<typeof Team> => team as z.output<typeof Team>;

export const apiKeyView = (key: StoredApiKey): z.output<typeof ApiKey> => ({
  ...key,
  createdAt: iso(key.createdAt),
  lastUsedAt: isoOrNull(key.lastUsedAt),
  revokedAt: isoOrNull(key.revokedAt),
});

export const configVersionView = (version: Omit<StoredVersion, 'source'> & { source?: string }): z.output<typeof ConfigVersion> => ({
  ...version,
  createdAt: iso(version.createdAt),
});

/** A form source without its Google key: only whether it has one. */
export const formView = ({ googleKey, ...form }: StoredForm): z.output<typeof FormSource> => ({
  ...form,
  googleAds: googleKey !== null,
  createdAt: iso(form.createdAt),
  updatedAt: iso(form.updatedAt),
});

export const rejectedSubmissionView = (submission: StoredSubmission): z.output<typeof RejectedSubmission> => ({
  ...submission,
  receivedAt: iso(submission.receivedAt),
});

export const queueView = (queue: QueueSummary): z.output<typeof Queue> => ({
  ...queue,
  oldestAt: isoOrNull(queue.oldestAt),
  pullers: typeof queue.pullers === 'string' ? queue.pullers : { teams: [...queue.pullers.teams], reps: [...queue.pullers.reps] },
});

export const notificationView = (n: StoredNotification): z.output<typeof Notification> => ({
  id: n.id,
  kind: n.kind,
  channel: n.channel as z.output<typeof Notification>['channel'],
  recipient: n.recipient,
  leadId: n.leadId,
  status: n.status,
  attempts: n.attempts,
  nextAttemptAt: n.status === 'pending' ? iso(n.nextAttemptAt) : null,
  lastError: n.lastError,
  createdAt: iso(n.createdAt),
  sentAt: isoOrNull(n.sentAt),
});

export const webhookView = ({ secret: _secret, ...webhook }: StoredWebhook): z.output<typeof Webhook> => ({ ...webhook, createdAt: iso(webhook.createdAt) });
