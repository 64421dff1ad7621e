import { describe, expect, it } from 'vitest';
import { pullRefusal, pullsFrom, Roster, type Rep } from './index.js';
import { config, NOW, rep, team } from './test-support.js';

/** Ana and Ben in inbound, whose sub-team spanish holds Carla; Dan in no team. Ana speaks Spanish. */
const people = (overrides: Partial<Record<string, Partial<Rep>>> = {}) =>
  new Roster(
    ['ana', 'ben', 'carla', 'dan'].map((id) => rep(id, { languages: id === 'ana' ? ['en', 'es'] : ['en'], ...overrides[id] })),
    [team('inbound', ['ana', 'ben'], { subTeams: [{ key: 'spanish' }] }), team('spanish', ['carla'])],
  );

const queues = config(`
queues:
  partners: { pullers: { teams: [inbound], reps: [dan] } }
  spanish: { require: { languages: [es] } }
  managers: { pullers: nobody }
`).queues;

const refusal = (roster: Roster, repId: string, queue: string) => pullRefusal(roster, repId, queue, queues.get(queue), NOW);

describe('who may pull from a queue', () => {
  it('lets every rep pull from a queue the configuration does not list', () => {
    expect(['ana', 'ben', 'carla', 'dan'].map((id) => refusal(people(), id, 'walk-ins'))).toEqual([null, null, null, null]);
  });

  it('lets the members of a puller team pull, sub-teams included, and the reps it names', () => {
    expect(['ana', 'ben', 'carla', 'dan'].map((id) => refusal(people(), id, 'partners'))).toEqual([null, null, null, null]);
  });

  it('refuses a rep the queue does not name, saying which queue', () => {
    const roster = new Roster([rep('eve')], []);
    expect(refusal(roster, 'eve', 'partners')).toEqual({ code: 'not-a-puller', queue: 'partners' });
  });

  it('lets nobody pull from a queue left to nobody', () => {
    expect(refusal(people(), 'ana', 'managers')).toEqual({ code: 'not-a-puller', queue: 'managers' });
  });

  it('refuses a puller without what the queue requires', () => {
    expect(refusal(people(), 'ben', 'spanish')).toEqual({ code: 'missing-language', missing: ['es'] });
    expect(refusal(people(), 'ana', 'spanish')).toBeNull();
  });

  it('does not stop a rep who pulls outside working hours or while out of office', () => {
    const away = people({ ana: { workingHours: { sat: ['09:00-10:00'] }, outOfOffice: { from: new Date(NOW - 1000).toISOString(), until: new Date(NOW + 1000).toISOString() } } });
    expect(refusal(away, 'ana', 'spanish')).toBeNull();
  });

  it('refuses a rep at capacity now, yet counts them among those who pull from the queue', () => {
    const busy = people({ ana: { maxOpenLeads: 2, openLeads: 2 } });
    expect(refusal(busy, 'ana', 'spanish')).toEqual({ code: 'at-capacity', open: 2, max: 2 });
    expect(pullsFrom(busy, 'ana', 'spanish', queues.get('spanish'), NOW)).toBe(true);
  });

  it('does not count an inactive rep among those who pull from any queue', () => {
    expect(pullsFrom(people({ ana: { active: false } }), 'ana', 'spanish', queues.get('spanish'), NOW)).toBe(false);
  });
});
