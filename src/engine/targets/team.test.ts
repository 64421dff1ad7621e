import { describe, expect, it } from 'vitest';
import { decide, Roster, type Lead, type Team } from '../index.js';
import { candidate, config, NOW, offeredTo, rep, routeTrace, run, tally, team, teamConfig } from '../test-support.js';

describe('sticky', () => {
  const sticky = teamConfig('strategy: sticky');
  const abc = (overrides: Record<string, Parameters<typeof rep>[1]> = {}) =>
    new Roster(['a', 'b', 'c'].map((id) => rep(id, overrides[id])), [team('t', ['a', 'b', 'c'])]);
  const decideFor = (lead: Lead, roster = abc(), assign = sticky) => decide({ lead, config: assign, roster, now: NOW });

  it('picks the lead\'s previous owner when eligible', () => {
    expect(offeredTo(decideFor({ previousOwnerId: 'c' }))).toBe('c');
  });

  it('picks the account owner when eligible', () => {
    expect(offeredTo(decideFor({ account: { id: 'acme', ownerId: 'b' } }))).toBe('b');
  });

  it('notes the sticky owner in the explanation', () => {
    expect(candidate(decideFor({ previousOwnerId: 'c' }), 'c').note).toBe('sticky: the previous owner');
  });

  it('ranks the others after the owner, next in line first', () => {
    expect(decideFor({ previousOwnerId: 'c' }).ranked).toEqual(['c', 'a', 'b']);
  });

  it('a sticky pick does not advance the rotation', () => {
    expect(decideFor({ previousOwnerId: 'c' }).stateChanges).toEqual([]);
  });

  it('falls back to round-robin when the owner is not eligible', () => {
    const decision = decideFor({ previousOwnerId: 'c' }, abc({ c: { active: false } }));
    expect([offeredTo(decision), decision.stateChanges.map((s) => s.scope)]).toEqual(['a', ['round-robin:t']]);
  });

  it('falls back to its then strategy when the owner is not eligible', () => {
    const roster = abc({ a: { openLeads: 9, maxOpenLeads: 10 }, b: { openLeads: 1, maxOpenLeads: 10 }, c: { active: false } });
    expect(offeredTo(decideFor({ previousOwnerId: 'c' }, roster, teamConfig('strategy: sticky, then: load-balanced')))).toBe('b');
  });

  it('falls back when the owner is not a member of the team', () => {
    expect(offeredTo(decideFor({ previousOwnerId: 'zoe' }))).toBe('a');
  });

  it('falls back when the lead has no owner', () => {
    expect(offeredTo(decideFor({}))).toBe('a');
  });

  it('picks the account owner when the previous owner is not eligible', () => {
    const decision = decideFor({ previousOwnerId: 'b', account: { id: 'acme', ownerId: 'c' } }, abc({ b: { active: false } }));
    expect(offeredTo(decision)).toBe('c');
  });
});

describe('hierarchical routing', () => {
  const territories = `
territories:
  north: { country: US, postalCode: { prefix: ["0", "1"] } }
  south: { country: US, postalCode: { range: ["30000", "39999"] } }
  west: { country: US, region: [CA, OR, WA] }
`;
  const byTerritory = config(`${territories}
routes:
  - name: franchise
    assign: { team: franchise, branch: { by: territory }, strategy: round-robin }
`);
  const byRotation = config(`${territories}
routes:
  - name: franchise
    assign: { team: franchise, branch: { by: round-robin }, strategy: round-robin }
`);
  const branches = (extra: Partial<Record<'north' | 'south' | 'west', Partial<Team>>> = {}, reps = ['n1', 'n2', 's1', 's2', 'w1'].map((id) => rep(id))) =>
    new Roster(reps, [
      team('franchise', [], { subTeams: [{ key: 'north' }, { key: 'south' }, { key: 'west' }] }),
      team('north', ['n1', 'n2'], { territories: ['north'], ...extra.north }),
      team('south', ['s1', 's2'], { territories: ['south'], ...extra.south }),
      team('west', ['w1'], { territories: ['west'], ...extra.west }),
    ]);

  it('branch by territory picks an agent in the branch serving the lead\'s postal-code territory', () => {
    expect(offeredTo(decide({ lead: { country: 'US', postalCode: '35201' }, config: byTerritory, roster: branches(), now: NOW }))).toBe('s1');
  });

  it('the outcome names the branch the agent belongs to', () => {
    const decision = decide({ lead: { country: 'US', postalCode: '35201' }, config: byTerritory, roster: branches(), now: NOW });
    expect(decision.outcome).toMatchObject({ type: 'offer', team: 'south' });
  });

  it('branches that do not serve the lead\'s territory are not considered', () => {
    const decision = decide({ lead: { country: 'US', postalCode: '35201' }, config: byTerritory, roster: branches(), now: NOW });
    expect(routeTrace(decision, 'franchise').branches).toEqual([{ key: 'south', rank: 1 }]);
  });

  it('agents are traced with the branch they were considered in', () => {
    const decision = decide({ lead: { country: 'US', postalCode: '35201' }, config: byTerritory, roster: branches(), now: NOW });
    expect(candidate(decision, 's2')).toMatchObject({ branch: 'south', rank: 2 });
  });

  it('agents rotate within the branch', () => {
    const { picks } = run(4, () => ({ lead: { country: 'US', postalCode: '02139' }, config: byTerritory, roster: branches(), now: NOW }));
    expect(picks).toEqual(['n1', 'n2', 'n1', 'n2']);
  });

  it('a lead in several branches\' territories ranks the agents of every serving branch', () => {
    const roster = branches({ west: { territories: ['west', 'south'] } });
    const decision = decide({ lead: { country: 'US', postalCode: '35201' }, config: byTerritory, roster, now: NOW });
    expect(decision.ranked).toEqual(['s1', 's2', 'w1']);
  });

  it('a serving branch with nobody eligible is traced as skipped', () => {
    const reps = ['n1', 'n2', 's1', 's2', 'w1'].map((id) => rep(id, id.startsWith('s') ? { active: false } : {}));
    const decision = decide({ lead: { country: 'US', postalCode: '35201' }, config: byTerritory, roster: branches({}, reps), now: NOW });
    expect(routeTrace(decision, 'franchise').branches).toEqual([{ key: 'south', skipped: 'no-eligible-member' }]);
  });

  it('a lead outside every branch\'s territory finds no candidate', () => {
    const decision = decide({ lead: { country: 'GB', postalCode: 'SW1A 1AA' }, config: byTerritory, roster: branches(), now: NOW });
    expect([decision.outcome.type, routeTrace(decision, 'franchise').result]).toEqual(['hold', 'no-candidate']);
  });

  it('branch by round-robin rotates among branches', () => {
    const { picks } = run(6, () => ({ lead: {}, config: byRotation, roster: branches(), now: NOW }));
    expect(picks.map((id) => id[0])).toEqual(['n', 's', 'w', 'n', 's', 'w']);
  });

  it('branch by round-robin also rotates the agents within each branch', () => {
    const { picks } = run(6, () => ({ lead: {}, config: byRotation, roster: branches(), now: NOW }));
    expect(picks).toEqual(['n1', 's1', 'w1', 'n2', 's2', 'w1']);
  });

  it('branch by round-robin honours branch weights', () => {
    const roster = new Roster(
      ['n1', 's1'].map((id) => rep(id)),
      [team('franchise', [], { subTeams: [{ key: 'north', weight: 2 }, { key: 'south' }] }), team('north', ['n1']), team('south', ['s1'])],
    );
    expect(tally(run(30, () => ({ lead: {}, config: byRotation, roster, now: NOW })).picks)).toEqual({ n1: 20, s1: 10 });
  });

  it('branch by round-robin passes over a branch with nobody eligible', () => {
    const reps = ['n1', 'n2', 's1', 's2', 'w1'].map((id) => rep(id, id.startsWith('n') ? { active: false } : {}));
    const { picks } = run(4, () => ({ lead: {}, config: byRotation, roster: branches({}, reps), now: NOW }));
    expect(picks.map((id) => id[0])).toEqual(['s', 'w', 's', 'w']);
  });

  it('branch and agent rotations are persisted under their own scopes', () => {
    const decision = decide({ lead: {}, config: byRotation, roster: branches(), now: NOW });
    expect(decision.stateChanges.map((s) => s.scope)).toEqual(['branches/round-robin:franchise', 'round-robin:north']);
  });
});

describe('teams', () => {
  it('a team that is not in the roster yields no candidate', () => {
    const decision = decide({ lead: {}, config: teamConfig(), roster: new Roster([rep('a')], []), now: NOW });
    expect(decision.outcome).toEqual({ type: 'hold', reason: 'unroutable', route: null });
  });

  it('a member id that is not in the roster is left out', () => {
    const decision = decide({ lead: {}, config: teamConfig(), roster: new Roster([rep('a')], [team('t', ['ghost', 'a'])]), now: NOW });
    expect(decision.ranked).toEqual(['a']);
  });

  it('the outcome names the team', () => {
    const decision = decide({ lead: {}, config: teamConfig(), roster: new Roster([rep('a')], [team('t', ['a'])]), now: NOW });
    expect(decision.outcome).toEqual({ type: 'offer', repId: 'a', team: 't', autoAccept: false });
  });
});
