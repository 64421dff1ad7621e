import { describe, expect, it } from 'vitest';
import { decide, Roster, type Rep } from '../index.js';
import { candidate, NOW, offeredTo, rep, team, teamConfig } from '../test-support.js';

const loadBalanced = teamConfig('strategy: load-balanced');

function decideAmong(reps: Rep[]) {
  return decide({ lead: {}, config: loadBalanced, roster: new Roster(reps, [team('t', reps.map((r) => r.id))]), now: NOW });
}

describe('load-balanced', () => {
  it('picks the rep with the lowest open leads relative to capacity', () => {
    const decision = decideAmong([
      rep('a', { openLeads: 5, maxOpenLeads: 10 }),
      rep('b', { openLeads: 3, maxOpenLeads: 5 }),
      rep('c', { openLeads: 4, maxOpenLeads: 20 }),
    ]);
    expect(offeredTo(decision)).toBe('c');
  });

  it('ranks the others by load, least loaded first', () => {
    const decision = decideAmong([
      rep('a', { openLeads: 5, maxOpenLeads: 10 }),
      rep('b', { openLeads: 3, maxOpenLeads: 5 }),
      rep('c', { openLeads: 4, maxOpenLeads: 20 }),
    ]);
    expect(decision.ranked).toEqual(['c', 'a', 'b']);
  });

  it('a rep with fewer open leads but a much smaller capacity is the more loaded one', () => {
    const decision = decideAmong([rep('small', { openLeads: 2, maxOpenLeads: 3 }), rep('big', { openLeads: 10, maxOpenLeads: 30 })]);
    expect(offeredTo(decision)).toBe('big');
  });

  it('a rep without a capacity is measured against the largest capacity among the candidates', () => {
    const decision = decideAmong([rep('a', { openLeads: 4 }), rep('b', { openLeads: 3, maxOpenLeads: 10 }), rep('c', { openLeads: 5, maxOpenLeads: 20 })]);
    // a: 4/20 = 0.2, b: 3/10 = 0.3, c: 5/20 = 0.25
    expect(decision.ranked).toEqual(['a', 'c', 'b']);
  });

  it('among equal loads the rep with fewer open leads goes first', () => {
    const decision = decideAmong([rep('a', { openLeads: 5, maxOpenLeads: 10 }), rep('b', { openLeads: 2, maxOpenLeads: 4 })]);
    expect(offeredTo(decision)).toBe('b');
  });

  it('among equal loads and counts the rep who waited longest goes first', () => {
    const decision = decideAmong([rep('a', { lastAssignedAt: '2026-03-11T14:00:00Z' }), rep('b', { lastAssignedAt: '2026-03-11T09:00:00Z' })]);
    expect(offeredTo(decision)).toBe('b');
  });

  it('scores each candidate by its spare capacity in the explanation', () => {
    const decision = decideAmong([rep('a', { openLeads: 5, maxOpenLeads: 10 }), rep('b', { openLeads: 0, maxOpenLeads: 10 })]);
    expect(candidate(decision, 'a').score).toBeCloseTo(0.5, 4);
  });

  it('keeps no state between decisions', () => {
    expect(decideAmong([rep('a'), rep('b')]).stateChanges).toEqual([]);
  });
});
