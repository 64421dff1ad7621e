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

  it('explains that a rep ranks lower because of the share cap', () => {
    const config = teamConfig('strategy: performance, performance: { maxShare: 0.5 }');
    const roster = rosterOf(STAR_MID_LOW);
    const { state } = run(1, () => ({ lead: {}, config, roster, now: NOW }));
    expect(candidate(decide({ lead: {}, config, roster, state, now: NOW }), 'star').note).toBe('share cap: 100% of recent leads would pass 50%');
  });

  it('maxShare stops the best performer taking everything', () => {
    expect(shares(0.5, 20).star).toBeLessThan(20);
  });

  it('with the default maxShare of one half the best performer never takes more than half the leads', () => {
    expect(shares(0.5, 20)).toEqual({ star: 9, mid: 9, low: 2 });
  });

  it('the best performer still takes the largest share', () => {
    const got = shares(0.34, 21);
    expect(got.star).toBeGreaterThanOrEqual(Math.max(got.mid ?? 0, got.low ?? 0));
  });

  it('with maxShare 1 the best performer takes every lead', () => {
    expect(shares(1, 20)).toEqual({ star: 20 });
  });

  it('a stricter maxShare never gives the best performer a larger share', () => {
    expect(shares(0.25, 21).star).toBeLessThanOrEqual(shares(0.34, 21).star!);
  });

  it('keeps its recent shares as JSON-serialisable state per team', () => {
    const decision = decideAmong(STAR_MID_LOW);
    expect(JSON.parse(JSON.stringify(decision.stateChanges))).toEqual([{ scope: 'performance:t', state: { star: 1 } }]);
  });
});
