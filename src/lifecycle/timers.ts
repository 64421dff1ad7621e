import type { LeadStatus } from './statuses.js';
import type { LeadAction } from './transitions.js';

/** The lifecycle's deadlines, each kept as a timer row until it fires or is moot. */
export type TimerKind = 'offer-expiry' | 'first-contact' | 'hold-recheck';

/** What each timer does when it fires, and the status it is set for. */
export const TIMERS: Readonly<Record<TimerKind, { action: LeadAction; status: LeadStatus }>> = {
  'offer-expiry': { action: 'expire', status: 'offered' },
  'first-contact': { action: 'breach-sla', status: 'assigned' },
  'hold-recheck': { action: 'release', status: 'held' },
};

/**
 * Whether a timer still stands: its lead is in the status it was set for, at the same offer. One
 * left from an earlier offer or status (the offer was accepted, the lead contacted) is moot.
 */
export function timerStands(timer: { kind: TimerKind; attempt: number }, lead: { status: LeadStatus; attempts: number }): boolean {
  return lead.status === TIMERS[timer.kind].status && lead.attempts === timer.attempt;
}
