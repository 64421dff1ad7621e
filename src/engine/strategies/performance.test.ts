import { describe, expect, it } from 'vitest';
import { decide, Roster, type Rep } from '../index.js';
import { candidate, NOW, offeredTo, rep, run, tally, team, teamConfig } from '../test-support.js';

function rosterOf(reps: Rep[]) {
  return new Roster(reps, [team('t', reps.map((r) => r.id))]);
}

function decideAmong(reps: Rep[], options = '') {
  return decide({ lead: {}, config: teamConfig(`strategy: performance${options}`), roster: rosterOf(reps), now: NOW });
}

const STAR_MID_LOW = [rep('star', { won: 90, lost: 10 }), rep('mid', { won: 50, lost: 50 }), rep('low', { won: 10, lost: 90 })];

function shares(maxShare: number, leads: number) {
  const config = teamConfig(`strategy: performance, performance: { maxShare: ${maxShare} }`);
  const roster = rosterOf(STAR_MID_LOW);
  return tally(run(leads, () => ({ lead: {}, config, roster, now: NOW })).picks);
}

describe('performance', () => {
  it('prefers the rep with the higher conversion rate', () => {
    expect(offeredTo(decideAmong([rep('a', { won: 30, lost: 70 }), rep('b', { won: 60, lost: 40 })]))).toBe('b');
  });

  it('a brand-new rep is not scored 0: they start at the pool\'s rate', () => {
    const decision = decideAmong([rep('a', { won: 8, lost: 2 }), rep('b', { won: 2, lost: 8 }), rep('new')]);
    expect(candidate(decision, 'new').score).toBeCloseTo(0.5, 10);
  });

  it('a brand-new rep ranks above a proven poor performer', () => {
    const decision = decideAmong([rep('a', { won: 8, lost: 2 }), rep('b', { won: 2, lost: 8 }), rep('new')]);
    expect(decision.ranked).toEqual(['a', 'new', 'b']);
  });

  it('a short lucky streak is not taken at face value: 2 wins of 2 scores well below 100%', () => {
    const decision = decideAmong([rep('lucky', { won: 2, lost: 0 }), rep('steady', { won: 70, lost: 30 })]);
    // Smoothed with 10 imaginary outcomes at the pool rate 72/102: (2 + 10·72/102) / 12.
    expect(candidate(decision, 'lucky').score).toBeCloseTo((2 + (10 * 72) / 102) / 12, 10);
  });

  it('priorWeight 0 takes conversion rates at face value', () => {
    const decision = decideAmong([rep('lucky', { won: 2, lost: 0 }), rep('steady', { won: 70, lost: 30 })], ', performance: { priorWeight: 0 }');
    expect(candidate(decision, 'lucky').score).toBe(1);
  });

  it('maxShare stops the best performer taking everything', () => {
    expect(shares(0.5, 20).star).toBeLessThan(20);
  });

  it('with the default maxShare of one half the best performer takes half the leads', () => {
    expect(shares(0.5, 20)).toEqual({ star: 10, mid: 10 });
  });

  it('the best performer still takes the largest share', () => {
    const got = shares(0.34, 21);
    expect(got.star).toBeGreaterThanOrEqual(Math.max(got.mid ?? 0, got.low ?? 0));
  });

  // BUG: performance.ts caps a member when recent share >= maxShare. With maxShare 1 (no cap)
  // the first pick has a share of exactly 1 and is capped, so the second lead goes elsewhere.
  it.fails('with maxShare 1 the best performer takes every lead', () => {
    expect(shares(1, 20)).toEqual({ star: 20 });
  });

  // BUG: when every eligible member is capped (always so when maxShare < 1/team size), the -2
  // penalty in performance.ts applies to all of them and the ranking falls back to the raw rate,
  // so the best performer takes every such lead: with maxShare 0.25 it gets 10 of 21, more than
  // with 0.34 (7 of 21) or the default 0.5. A stricter cap should never raise the top share.
  it.fails('a stricter maxShare never gives the best performer a larger share', () => {
    expect(shares(0.25, 21).star).toBeLessThanOrEqual(shares(0.34, 21).star!);
  });

  it('keeps its recent shares as JSON-serialisable state per team', () => {
    const decision = decideAmong(STAR_MID_LOW);
    expect(JSON.parse(JSON.stringify(decision.stateChanges))).toEqual([{ scope: 'performance:t', state: { star: 1 } }]);
  });
});
