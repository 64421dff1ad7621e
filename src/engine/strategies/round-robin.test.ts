import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, Roster, type Rep } from '../index.js';
import { config, NOW, offeredTo, persist, rep, run, tally, team, teamConfig } from '../test-support.js';

const abc = () => new Roster([rep('a'), rep('b'), rep('c')], [team('t', ['a', 'b', 'c'])]);
const roundRobin = teamConfig('strategy: round-robin');

/** Ava, Ben and Cat (a, b, c), with b out of office for the first `away` leads. */
function bAwayFor(away: number) {
  const present = abc();
  const absent = new Roster(
    [rep('a'), rep('b', { outOfOffice: { from: '2026-01-01T00:00:00Z', until: '2027-01-01T00:00:00Z' } }), rep('c')],
    [team('t', ['a', 'b', 'c'])],
  );
  return (i: number) => (i < away ? absent : present);
}

describe('rotation', () => {
  it('equal members take turns in team order', () => {
    expect(run(6, () => ({ lead: {}, config: roundRobin, roster: abc(), now: NOW })).picks).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('over a run every equal member gets the same number of leads', () => {
    expect(tally(run(30, () => ({ lead: {}, config: roundRobin, roster: abc(), now: NOW })).picks)).toEqual({ a: 10, b: 10, c: 10 });
  });

  it('weighted members get shares proportional to their weights', () => {
    const roster = new Roster([rep('a'), rep('b'), rep('c')], [team('t', [['a', 1], ['b', 2], ['c', 3]])]);
    expect(tally(run(60, () => ({ lead: {}, config: roundRobin, roster, now: NOW })).picks)).toEqual({ a: 10, b: 20, c: 30 });
  });

  it('the ranked list is the pick followed by the others, next in line first', () => {
    const first = decide({ lead: {}, config: roundRobin, roster: abc(), now: NOW });
    const second = decide({ lead: {}, config: roundRobin, roster: abc(), now: NOW, state: persist({}, first) });
    expect(second.ranked).toEqual(['b', 'c', 'a']);
  });

  it('a decision without state starts the rotation at the first member', () => {
    expect(offeredTo(decide({ lead: {}, config: roundRobin, roster: abc(), now: NOW }))).toBe('a');
  });
});

describe('a rep who was skipped', () => {
  it('keep-share (the default): a rep skipped while out of office catches up on return', () => {
    const roster = bAwayFor(3);
    const { picks } = run(12, (i) => ({ lead: {}, config: roundRobin, roster: roster(i), now: NOW }));
    expect(tally(picks)).toEqual({ a: 4, b: 4, c: 4 });
  });

  it('keep-share: the returning rep gets the next lead', () => {
    const roster = bAwayFor(3);
    const { picks } = run(4, (i) => ({ lead: {}, config: roundRobin, roster: roster(i), now: NOW }));
    expect(picks[3]).toBe('b');
  });

  it('keep-share owes a rep back from a long absence no more than maxOwed leads', () => {
    const capped = teamConfig('strategy: round-robin, roundRobin: { maxOwed: 2 }');
    const roster = bAwayFor(30);
    const { picks } = run(42, (i) => ({ lead: {}, config: capped, roster: roster(i), now: NOW }));
    // An equal share of the 12 leads after the return is 4; at most 2 more are owed.
    expect(tally(picks.slice(30)).b).toBeLessThanOrEqual(4 + 2);
  });

  it('forfeit: a rep skipped while out of office does not catch up', () => {
    const forfeit = teamConfig('strategy: round-robin, roundRobin: { whenSkipped: forfeit }');
    const roster = bAwayFor(3);
    const { picks } = run(12, (i) => ({ lead: {}, config: forfeit, roster: roster(i), now: NOW }));
    expect(tally(picks)).toEqual({ a: 5, b: 3, c: 4 });
  });

  it('a rep passed over for lacking a required skill is not owed those leads', () => {
    // Both routes rotate team t, so they share one rotation.
    const skills = config(`
routes:
  - name: health
    when: { product: health }
    assign: { team: t, strategy: round-robin, require: { skills: [health] } }
fallback:
  assign: { team: t, strategy: round-robin }
`);
    const roster = new Roster([rep('a', { skills: ['health'] }), rep('b'), rep('c', { skills: ['health'] })], [team('t', ['a', 'b', 'c'])]);
    const { picks } = run(12, (i) => ({ lead: i < 3 ? { product: 'health' } : {}, config: skills, roster, now: NOW }));
    expect(tally(picks).b).toBe(3);
  });
});

describe('state', () => {
  it('the state is plain JSON-serialisable data: a number per member', () => {
    const decision = decide({ lead: {}, config: roundRobin, roster: abc(), now: NOW });
    expect(JSON.parse(JSON.stringify(decision.stateChanges))).toEqual([
      { scope: 'round-robin:t', state: { a: expect.any(Number), b: expect.any(Number), c: expect.any(Number) } },
    ]);
  });

  it('the state survives a JSON round trip unchanged', () => {
    const decision = decide({ lead: {}, config: roundRobin, roster: abc(), now: NOW });
    expect(JSON.parse(JSON.stringify(decision.stateChanges))).toEqual(decision.stateChanges);
  });

  it('feeding decision.stateChanges back as state continues the rotation', () => {
    const first = decide({ lead: {}, config: roundRobin, roster: abc(), now: NOW });
    const second = decide({ lead: {}, config: roundRobin, roster: abc(), now: NOW, state: persist({}, first) });
    expect([offeredTo(first), offeredTo(second)]).toEqual(['a', 'b']);
  });

  it('the rotation continues after a restart: new roster and configuration objects, state read back from JSON', () => {
    const before = run(4, () => ({ lead: {}, config: roundRobin, roster: abc(), now: NOW }));
    const stored = JSON.stringify(before.state);
    const after = run(2, () => ({ lead: {}, config: teamConfig('strategy: round-robin'), roster: abc(), now: NOW }), JSON.parse(stored));
    expect([...before.picks, ...after.picks]).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('a decision does not change the state it was given', () => {
    const state = { 'round-robin:t': { a: 1, b: 0, c: -1 } };
    decide({ lead: {}, config: roundRobin, roster: abc(), now: NOW, state });
    expect(state).toEqual({ 'round-robin:t': { a: 1, b: 0, c: -1 } });
  });

  it('credit of someone no longer in the team is kept as it was', () => {
    const decision = decide({ lead: {}, config: roundRobin, roster: abc(), now: NOW, state: { 'round-robin:t': { gone: 5 } } });
    expect(decision.stateChanges[0]?.state.gone).toBe(5);
  });
});

/** Decides `n` leads for a team weighted as given, everyone always eligible; counts per member after each lead. */
function countsAlongTheWay(weights: readonly number[], n: number): number[][] {
  const reps: Rep[] = weights.map((_, i) => rep(`r${i}`));
  const roster = new Roster(reps, [team('t', weights.map((w, i) => [`r${i}`, w] as const))]);
  const counts = weights.map(() => 0);
  const prefixes: number[][] = [];
  run(n, () => ({ lead: {}, config: roundRobin, roster, now: NOW })).picks.forEach((id) => {
    counts[Number(id.slice(1))]! += 1;
    prefixes.push([...counts]);
  });
  return prefixes;
}

describe('fairness (property)', () => {
  const integerWeights = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 8 });
  const leads = fc.integer({ min: 1, max: 120 });

  it('every member stays within one lead per weight unit of its share at every point of a run', () => {
    fc.assert(
      fc.property(integerWeights, leads, (weights, n) => {
        const total = weights.reduce((s, w) => s + w, 0);
        countsAlongTheWay(weights, n).forEach((counts, k) => {
          // |count - (k+1)·w/W| <= w, in integers: |count·W - (k+1)·w| <= w·W.
          weights.forEach((w, i) => expect(Math.abs(counts[i]! * total - (k + 1) * w)).toBeLessThanOrEqual(w * total));
        });
      }),
    );
  });

  it('every member stays strictly within one lead of its share at every point of a run', () => {
    fc.assert(
      fc.property(integerWeights, leads, (weights, n) => {
        const total = weights.reduce((s, w) => s + w, 0);
        countsAlongTheWay(weights, n).forEach((counts, k) => {
          // |count - (k+1)·w/W| < 1, in integers: |count·W - (k+1)·w| < W.
          weights.forEach((w, i) => expect(Math.abs(counts[i]! * total - (k + 1) * w)).toBeLessThan(total));
        });
      }),
      // Picking the member with the largest credit (smooth weighted round robin) reaches a whole lead here.
      { numRuns: 300, examples: [[[1, 10, 10, 10, 1], 64]] },
    );
  });

  it('fractional weights keep every member strictly within one lead of its share', () => {
    const quarters = fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(quarters, leads, (fourths, n) => {
        const total = fourths.reduce((s, w) => s + w, 0);
        countsAlongTheWay(
          fourths.map((q) => q / 4),
          n,
        ).forEach((counts, k) => {
          fourths.forEach((q, i) => expect(Math.abs(counts[i]! * total - (k + 1) * q)).toBeLessThan(total));
        });
      }),
    );
  });
});
