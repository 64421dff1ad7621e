import { describe, expect, it } from 'vitest';
import { compareImpact, IMPACT_MAX_CHANGES, placementOf, type ImpactPlacement } from './config-impact.js';

const toRep = (id: string, route = 'r1'): ImpactPlacement => ({ route, target: { type: 'rep', id, name: id }, outcome: 'offer', team: 't' });
const leads = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `lead-${i}`, fields: { firstName: `Lead${i}` }, createdAt: i }));

describe('comparing where leads go under two configurations', () => {
  it('lists at most 100 changed leads but counts them all', () => {
    const result = compareImpact(leads(150), leads(150).map(() => toRep('a')), leads(150).map(() => toRep('b')), ['r1']);
    expect(result.changed).toBe(150);
    expect(result.changes).toHaveLength(IMPACT_MAX_CHANGES);
    expect(result.changes[0]).toMatchObject({ leadId: 'lead-0', name: 'Lead0' });
  });

  it('counts a lead as changed when only its route differs', () => {
    const result = compareImpact(leads(1), [toRep('a', 'r1')], [toRep('a', 'r2')], ['r1', 'r2']);
    expect(result.changed).toBe(1);
    expect(result.byTarget).toEqual([{ target: { type: 'rep', id: 'a', name: 'a' }, live: 1, draft: 1, delta: 0 }]);
  });

  it('orders the route counts as the configurations list the routes, leads placed by no route last', () => {
    const unqualified = placementOf({ outcome: { type: 'unqualified' }, route: null } as never, (id) => id);
    const result = compareImpact(leads(3), [unqualified, toRep('a', 'r2'), toRep('a', 'r1')], [unqualified, toRep('a', 'r2'), toRep('a', 'r1')], ['r1', 'r2']);
    expect(result.byRoute.map((r) => r.route)).toEqual(['r1', 'r2', null]);
  });

  it('orders the target counts by the size of the change', () => {
    const result = compareImpact(leads(3), [toRep('a'), toRep('a'), toRep('b')], [toRep('c'), toRep('c'), toRep('b')], ['r1']);
    expect(result.byTarget.map((r) => [r.target.id, r.delta])).toEqual([
      ['a', -2],
      ['c', 2],
      ['b', 0],
    ]);
  });

  it('places every lead on hold while no configuration is live', () => {
    expect(placementOf(null, (id) => id)).toEqual({ route: null, target: { type: 'hold', id: 'no-configuration', name: expect.any(String) }, outcome: 'hold', team: null });
  });
});
