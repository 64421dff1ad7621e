import type { Outcome } from '../decision.js';
import type { Recheck } from '../recheck.js';
import type { Roster } from '../roster.js';
import { localText } from './exclusion-text.js';

/** When a held lead is decided again, in the local time of the rep it waits for. */
function recheckText(recheck: Recheck | null, roster: Roster): string {
  if (!recheck) return '';
  const { rep, at } = recheck;
  const local = roster.clock.localAhead(rep.timezone, at);
  return `; ${rep.name} may be available from ${localText(local.weekday, local.minute, rep.timezone)}`;
}

/** One line saying what happened to the lead. */
export function summarize(outcome: Outcome, route: string | null, roster: Roster, recheck: Recheck | null = null): string {
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
        ? `Held until someone eligible is available${via}${recheckText(recheck, roster)}`
        : `Held: no rep can take this lead${via}; a manager must route it`;
    case 'unqualified':
      return 'Unqualified: score below the qualification threshold; not routed';
  }
}
