/** Leads, decisions and timeline events in words, for the board, the leads list and the lead page. */
import type { Decision, Exclusion, LeadView, RouteTrace } from '../api/leads';
import type { TimelineEvent } from '../api/types';
import { formatInstant, formatMoney } from './format';

/** A rep's name by id ("Emma Lee"), or the id when the name is not known. */
export type NameOf = (repId: string | null | undefined) => string;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null);

/** The lead's name as people read it; its email or company when it has no name. */
export function leadName(lead: Pick<LeadView, 'firstName' | 'lastName' | 'email' | 'company' | 'phone'>): string {
  const name = [text(lead.firstName), text(lead.lastName)].filter(Boolean).join(' ');
  return name || text(lead.email) || text(lead.company) || text(lead.phone) || 'Unnamed lead';
}

/** A code this console does not know (a decision stored by another version), in words as best it can. */
const unknownCode = (code: unknown) => String(code).replace(/-/g, ' ');

/** Why a rep was passed over (src/engine/explain/exclusion-text.ts, in full sentences). */
export function exclusionText(exclusion: Exclusion): string {
  switch (exclusion.code) {
    case 'inactive':
      return 'Inactive';
    case 'out-of-office':
      return `Out of office until ${formatInstant(new Date(exclusion.until).toISOString())}`;
    case 'outside-hours':
      return `Outside working hours (${WEEKDAYS[exclusion.weekday] ?? `day ${exclusion.weekday}`} ${hhmm(exclusion.minute)} in ${exclusion.timezone})`;
    case 'offline':
      return `Presence is ${exclusion.presence}; the route requires reps online`;
    case 'at-capacity':
      return `At capacity (${exclusion.open} of ${exclusion.max} open leads)`;
    case 'daily-cap':
      return `Daily cap reached (${exclusion.count} of ${exclusion.cap} today)`;
    case 'missing-language':
      return `Does not speak ${exclusion.missing.join(', ')}`;
    case 'missing-skill':
      return `Lacks the skill ${exclusion.missing.join(', ')}`;
    case 'seniority':
      return `Seniority ${exclusion.has} is below the ${exclusion.needs} required`;
    case 'already-tried':
      return 'Already rejected this lead or let its offer expire';
    case 'not-found':
      return 'No such rep';
    default:
      return unknownCode((exclusion as { code: unknown }).code);
  }
}

/** What a route did with the lead. */
export function routeResultText(route: RouteTrace): string {
  switch (route.result) {
    case 'no-match':
      return 'Did not match';
    case 'no-candidate':
      return 'Matched, but nobody could take the lead';
    case 'offered':
      return 'Matched and picked a rep';
    case 'queued':
      return 'Matched: put in a queue';
    case 'held':
      return 'Matched: held until someone is available';
    default:
      return unknownCode(route.result);
  }
}

/** Why a route did or did not place the lead. */
export function routeWhyText(route: RouteTrace): string {
  if (route.result === 'no-match') return route.failed ? `Condition not met: ${route.failed}` : 'Its conditions were not met';
  const excluded = (route.candidates ?? []).filter((c) => c.excluded).length;
  const total = (route.candidates ?? []).length;
  if (route.result === 'no-candidate') {
    if (route.note) return route.note;
    return total > 0 ? `All ${total} candidates were excluded` : 'It has no candidates';
  }
  if (route.result === 'offered') return total > 0 ? `${total - excluded} of ${total} candidates eligible` : 'Its target took the lead';
  return route.note ?? 'Its conditions were met';
}

/** Why a lead is held, from its decision. */
export function holdText(decision: Decision): string {
  const outcome = decision.outcome;
  if (outcome.type !== 'hold') return decision.summary;
  return decision.summary || (outcome.reason === 'unavailable' ? 'Waiting until someone eligible is available' : 'No rep can take this lead; a manager must route it');
}

/** The reason a `held` timeline event names, in words. */
export function heldReasonText(reason: unknown): string {
  if (reason === 'unavailable') return 'nobody eligible is available now; it is routed as soon as someone is';
  if (reason === 'unroutable') return 'no rep can take this lead; a manager must route it';
  if (reason === 'no active routing configuration') return 'no routing configuration is active';
  return text(reason) ?? 'no reason recorded';
}

/** Who did it: the signed-in key, a form, the clock, or another key. */
export function actorText({ actor, actorName }: Pick<TimelineEvent, 'actor' | 'actorName'>, ownKeyId: string): string | null {
  if (actor === null || actor === '') return null;
  if (actor === ownKeyId) return 'you';
  if (actor === 'timer') return 'the clock';
  if (actor === 'demo') return 'the demo';
  if (actor.startsWith('form:')) return `the form ${actor.slice(5)}`;
  if (actor.startsWith('google-ads:')) return `Google Ads (form ${actor.slice(11)})`;
  return actorName ? actorName : `an API key (${actor.slice(0, 8)}…)`;
}

const MANAGER_REASONS: Record<string, string> = {
  expired: 'an offer expired unanswered',
  'sla-breached': 'the first-contact deadline was missed',
  reassigned: 'the lead was reassigned',
  unroutable: 'no rep can take the lead',
};

const ACTIVITIES: Record<string, string> = { contacted: 'Contact', call: 'Call', email: 'Email', meeting: 'Meeting', note: 'Note' };

/** One timeline event as a sentence. */
export function eventText(event: TimelineEvent, nameOf: NameOf): string {
  const d = event.data ?? {};
  const rep = (key = 'repId') => nameOf(text(d[key]));
  const reason = text(d.reason);
  switch (event.type) {
    case 'captured':
      return `Captured${text(d.source) ? ` from ${text(d.source)}` : ''}${d.test ? ' (a test lead)' : ''}`;
    case 'account-matched':
      return `Matched to an existing account${text(d.ownerId) ? `, owned by ${rep('ownerId')}` : ''}`;
    case 'duplicate-received':
      return `Submitted again${text(d.source) ? ` from ${text(d.source)}` : ''}; linked to this lead instead of routed twice`;
    case 'scored':
      return `Scored ${text(d.score) ?? '—'}${text(d.grade) ? ` (grade ${text(d.grade)})` : ''}`;
    case 'routed':
      return `Routed: ${text(d.summary) ?? (text(d.route) ? `by route ${text(d.route)}` : 'decision recorded')}`;
    case 'offered':
      return `Offered to ${rep()}${text(d.team) ? ` (team ${text(d.team)})` : ''}${typeof d.attempt === 'number' ? `, offer ${d.attempt}` : ''}`;
    case 'assigned':
      return `Assigned to ${rep()}`;
    case 'accepted':
      return `Accepted by ${rep()}`;
    case 'rejected':
      return `Rejected by ${rep()}${reason ? `: “${reason}”` : ''}`;
    case 'expired':
      return `The offer to ${rep()} expired unanswered`;
    case 'queued':
      return `Put in the queue ${text(d.queue) ?? ''}`.trim();
    case 'pulled':
      return `Pulled from the queue ${text(d.queue) ?? ''} by ${rep()}`;
    case 'held':
      return `Held: ${heldReasonText(d.reason)}`;
    case 'released':
      return 'Released from hold to be routed again';
    case 'unqualified':
      return `Unqualified: score ${text(d.score) ?? '—'} is below the qualification threshold`;
    case 'reassigned':
      return `Reassigned${text(d.from) ? ` from ${rep('from')}` : ''} ${text(d.to) ? `to ${rep('to')}` : 'back to routing'}${reason ? `: “${reason}”` : ''}`;
    case 'sla-breached':
      return `First contact not logged in time by ${rep()}; ${d.onBreach === 'reassign' ? 'the lead is reassigned' : 'escalated to the managers'}`;
    case 'manager-alerted':
      return `Managers alerted: ${MANAGER_REASONS[String(d.reason)] ?? text(d.reason) ?? 'see above'}`;
    case 'contacted':
    case 'note': {
      const kind = ACTIVITIES[String(d.activity ?? event.type)] ?? 'Activity';
      const note = text(d.note);
      return event.type === 'note' ? `Note${note ? `: “${note}”` : ''}` : `${kind} logged${note ? `: “${note}”` : ''}`;
    }
    case 'won':
      return `Won${typeof d.revenue === 'number' ? ` with revenue ${formatMoney(d.revenue)}` : ''}`;
    case 'lost':
      return `Lost${reason ? `: “${reason}”` : ''}`;
    default: {
      const details = Object.entries(d)
        .filter(([, value]) => text(value) !== null)
        .map(([key, value]) => `${key} ${text(value)}`)
        .join(', ');
      const what = event.type.replace(/-/g, ' ');
      return `${what.charAt(0).toUpperCase()}${what.slice(1)}${details ? ` (${details})` : ''}`;
    }
  }
}
