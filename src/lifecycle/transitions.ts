import type { LeadStatus } from './statuses.js';

/** What can happen to a lead after routing, by a person or by a timer. */
export type LeadAction =
  /** The offered rep takes the lead. */
  | 'accept'
  /** The offered rep declines it: it goes to the next best rep. */
  | 'reject'
  /** The offer's window passed without an answer: it goes to the next best rep. */
  | 'expire'
  /** The owner logs a contact with the lead (a call, an email, a meeting). */
  | 'contact'
  /** Someone adds a note to the lead's timeline. */
  | 'note'
  | 'win'
  | 'lose'
  /** A manager gives the lead to someone else, or routes it again. */
  | 'reassign'
  /** A rep takes the next lead from a queue. */
  | 'pull'
  /** Someone eligible may be available now: a held lead is routed again. */
  | 'release'
  /** The first-contact deadline passed. */
  | 'breach-sla';

/**
 * The one table of legal moves: each action and the statuses it may start from. Where the lead
 * ends up is the action's business (an accept ends `assigned`; a reject ends wherever routing
 * puts it next); that it may start here at all is decided here and nowhere else.
 */
export const TRANSITIONS: Readonly<Record<LeadAction, readonly LeadStatus[]>> = {
  accept: ['offered'],
  reject: ['offered'],
  expire: ['offered'],
  contact: ['assigned', 'contacted'],
  note: ['new', 'unqualified', 'held', 'queued', 'offered', 'assigned', 'contacted', 'won', 'lost'],
  win: ['assigned', 'contacted'],
  lose: ['offered', 'assigned', 'contacted', 'queued', 'held'],
  reassign: ['held', 'queued', 'offered', 'assigned', 'contacted'],
  pull: ['queued'],
  release: ['held'],
  'breach-sla': ['assigned'],
};

/** Actions people take through the API, in the order the 409 lists them. */
const PERSON_ACTIONS: readonly LeadAction[] = ['accept', 'reject', 'contact', 'note', 'win', 'lose', 'reassign', 'pull'];

export function allows(status: LeadStatus, action: LeadAction): boolean {
  return TRANSITIONS[action].includes(status);
}

/** What a person may still do with a lead in this status (for the 409 that refuses anything else). */
export function allowedActions(status: LeadStatus): LeadAction[] {
  return PERSON_ACTIONS.filter((action) => allows(status, action));
}
