import type { CompiledTarget } from '../config/compile.js';
import type { CandidateTrace } from '../decision.js';
import { exclusionOf, isTemporary } from '../eligibility.js';
import type { Lead } from '../model.js';
import type { Roster } from '../roster.js';
import { nobody, type Resolution, type ResolveInput } from './pool.js';

/** The rep an owner target points at: the account's owner, or whoever owned the lead before. */
export function ownerOf(lead: Lead, owner: 'account' | 'previous'): string | null {
  return (owner === 'account' ? lead.account?.ownerId : lead.previousOwnerId) ?? null;
}

/** `assign: { rep: … }` and `assign: { owner: … }`: one named person, if they can take the lead. */
export function resolvePerson(
  target: Extract<CompiledTarget, { kind: 'rep' | 'owner' }>,
  roster: Roster,
  input: ResolveInput,
): Resolution {
  const id = target.kind === 'rep' ? target.rep : ownerOf(input.lead, target.owner);
  if (id === null) return nobody();
  const rep = roster.rep(id);
  if (!rep) return nobody({ candidates: [{ repId: id, name: id, excluded: { code: 'not-found' } }] });
  const excluded = exclusionOf(rep, target.require, input.eligibility);
  const trace: CandidateTrace = { repId: rep.id, name: rep.name };
  if (excluded) {
    trace.excluded = excluded;
    return nobody({ candidates: [trace], waitable: isTemporary(excluded) });
  }
  trace.rank = 1;
  return { ranked: [{ rep, weight: 1, order: 0 }], candidates: [trace], stateChanges: [], waitable: false, team: null };
}
