import type { Outcome } from '../decision.js';
import type { Roster } from '../roster.js';

/** One line saying what happened to the lead. */
export function summarize(outcome: Outcome, route: string | null, roster: Roster): string {
  const via = route ? ` by route ${route}` : '';
  switch (outcome.type) {
    case 'offer': {
      const name = roster.reps.get(outcome.repId)?.name ?? outcome.repId;
      return `${outcome.autoAccept ? 'Assigned' : 'Offered'} to ${name}${outcome.team ? ` (${outcome.team})` : ''}${via}`;
    }
    case 'queue':
      return `Queued in ${outcome.queue}${via}`;
    case 'hold':
      return outcome.reason === 'unavailable'
        ? `Held until someone eligible is available${via}`
        : `Held: no rep can take this lead${via}; a manager must route it`;
    case 'unqualified':
      return 'Unqualified: score below the qualification threshold; not routed';
  }
}
