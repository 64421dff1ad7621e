/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import routingYaml from '../../examples/insurance/routing.yaml?raw';
import peopleYaml from '../../examples/insurance/people.yaml?raw';
import { decide, formatExplanation, Roster, type Lead } from './index.js';
import { config, NOW, offeredTo, peopleFrom, rep, routeTrace, team } from './test-support.js';

describe('the insurance example (PRODUCT.md section 10)', () => {
  const { roster, teamKeys } = peopleFrom(peopleYaml);
  const example = config(routingYaml, { version: 1, context: { teams: teamKeys } });
  // Tuesday 2026-11-24 18:00 UTC: 13:00 in New York, 10:00 in Los Angeles; everyone is at work.
  const tuesday = Date.UTC(2026, 10, 24, 18, 0);
  const route = (lead: Lead, now = tuesday) => decide({ lead, config: example, roster, now });

  it('a lead from an existing account goes to the account owner', () => {
    const decision = route({ phone: '+12125550100', account: { id: 'acme', ownerId: 'ben' } });
    expect([decision.route, offeredTo(decision)]).toEqual(['existing-account', 'ben']);
  });

  it('a large US deal goes to the enterprise desk', () => {
    expect(route({ value: 80000, country: 'US', region: 'NY', phone: '+12125550100' }).outcome).toMatchObject({ type: 'offer', team: 'enterprise' });
  });

  it('a west-coast health lead goes to the west team', () => {
    const decision = route({ country: 'US', region: 'CA', product: 'health', phone: '+14155550100' });
    expect([decision.route, decision.outcome]).toMatchObject(['west-health', { type: 'offer', team: 'west' }]);
  });

  it('a Spanish-speaking lead goes to a Spanish speaker on the inbound team', () => {
    const decision = route({ country: 'MX', language: 'es', phone: '+525555550100' });
    expect([decision.route, roster.reps.get(offeredTo(decision))?.languages.has('es')]).toEqual(['spanish-speakers', true]);
  });

  it('a partner lead is queued for partners', () => {
    expect(route({ country: 'US', source: 'partner' }).outcome).toEqual({ type: 'queue', queue: 'partners' });
  });

  it('a lead scoring below 10 is unqualified', () => {
    expect(route({ country: 'US', source: 'web' }).outcome).toEqual({ type: 'unqualified' });
  });

  it('any other qualified lead falls back to the inbound team', () => {
    const decision = route({ country: 'US', region: 'NY', phone: '+12125550100' });
    expect([decision.route, decision.outcome]).toMatchObject(['fallback', { type: 'offer', team: 'inbound' }]);
  });

  it('at night, with every rep outside working hours, the lead is held until someone is available', () => {
    // 06:00 UTC: 01:00 in New York, 22:00 the evening before in Los Angeles.
    expect(route({ country: 'US', region: 'NY', phone: '+12125550100' }, Date.UTC(2026, 10, 25, 6, 0)).outcome).toEqual({
      type: 'hold',
      reason: 'unavailable',
      route: null,
    });
  });

  it('every decision records the configuration version that made it', () => {
    expect(route({ country: 'US', source: 'partner' }).explanation.configVersion).toBe(1);
  });
});

const abc = new Roster([rep('a'), rep('b'), rep('c')], [team('t', ['a', 'b', 'c'])]);
const decideOn = (yaml: string, lead: Lead = {}, people = abc, extra: { excluded?: string[]; attempts?: number; now?: number } = {}) =>
  decide({ lead, config: config(yaml), roster: people, now: extra.now ?? NOW, ...extra });

describe('routes', () => {
  const twoRoutes = `
routes:
  - name: big
    when: { all: [ { value: { gte: 50000 } }, { country: US } ] }
    assign: { rep: a }
  - name: us
    when: { country: US }
    assign: { rep: b }
fallback:
  assign: { rep: c }
`;

  it('the first route whose condition holds and which yields a candidate wins', () => {
    expect(decideOn(twoRoutes, { value: 60000, country: 'US' }).route).toBe('big');
  });

  it('a route whose condition fails is passed over for the next', () => {
    expect(decideOn(twoRoutes, { value: 100, country: 'US' }).route).toBe('us');
  });

  it('the fallback takes the leads no route took', () => {
    expect(decideOn(twoRoutes, { country: 'CA' }).route).toBe('fallback');
  });

  it('a route passed over records the condition that failed', () => {
    expect(routeTrace(decideOn(twoRoutes, { value: 100, country: 'US' }), 'big')).toEqual({ name: 'big', failed: 'value >= 50000', result: 'no-match' });
  });

  it('the failed condition named is the innermost one that did not hold', () => {
    expect(routeTrace(decideOn(twoRoutes, { value: 60000, country: 'CA' }), 'big').failed).toBe('country = US');
  });

  it('a failing any is named as a whole', () => {
    const yaml = 'routes:\n  - name: r\n    when: { any: [ { country: US }, { source: [partner, referral] } ] }\n    assign: { rep: a }\n';
    expect(routeTrace(decideOn(yaml, { country: 'CA' }), 'r').failed).toBe('any of (country = US; source in [partner, referral])');
  });

  it('a route that matches with nobody eligible passes the lead on to the next route', () => {
    const people = new Roster([rep('a', { active: false }), rep('b'), rep('c')], []);
    expect(decideOn(twoRoutes, { value: 60000, country: 'US' }, people).route).toBe('us');
  });

  it('onNoCandidate: hold keeps the lead on the route while its rep is away', () => {
    const yaml = twoRoutes.replace('assign: { rep: a }', 'assign: { rep: a }\n    onNoCandidate: hold');
    const people = new Roster([rep('a', { workingHours: { mon: ['09:00-17:00'] } }), rep('b'), rep('c')], []);
    expect(decideOn(yaml, { value: 60000, country: 'US' }, people).outcome).toEqual({ type: 'hold', reason: 'unavailable', route: 'big' });
  });

  it('onNoCandidate: hold passes the lead on when nobody on the route could ever take it', () => {
    const yaml = twoRoutes.replace('assign: { rep: a }', 'assign: { rep: a }\n    onNoCandidate: hold');
    const people = new Roster([rep('a', { active: false }), rep('b'), rep('c')], []);
    expect(decideOn(yaml, { value: 60000, country: 'US' }, people).route).toBe('us');
  });

  it('a queue route queues the lead', () => {
    expect(decideOn('fallback:\n  assign: { queue: partners }\n').outcome).toEqual({ type: 'queue', queue: 'partners' });
  });

  it('a queued lead ranks nobody and changes no state', () => {
    const decision = decideOn('fallback:\n  assign: { queue: partners }\n');
    expect([decision.ranked, decision.stateChanges]).toEqual([[], []]);
  });
});

describe('holds', () => {
  const teamRoute = 'fallback:\n  assign: { team: t, strategy: round-robin }\n';

  it('a lead nobody can take now but someone could later is held as unavailable', () => {
    const people = new Roster([rep('a', { workingHours: { mon: ['09:00-17:00'] } }), rep('b', { active: false })], [team('t', ['a', 'b'])]);
    expect(decideOn(teamRoute, {}, people).outcome).toEqual({ type: 'hold', reason: 'unavailable', route: null });
  });

  it('a lead nobody could ever take is held as unroutable', () => {
    const people = new Roster([rep('a', { active: false }), rep('b', { active: false })], [team('t', ['a', 'b'])]);
    expect(decideOn(teamRoute, {}, people).outcome).toEqual({ type: 'hold', reason: 'unroutable', route: null });
  });

  it('a lead that only reps who already rejected it could take is held as unroutable', () => {
    expect(decideOn(teamRoute, {}, abc, { excluded: ['a', 'b', 'c'], attempts: 0 }).outcome).toEqual({ type: 'hold', reason: 'unroutable', route: null });
  });

  it('a lead no route matches, with no fallback, is held as unroutable', () => {
    expect(decideOn('routes:\n  - name: us\n    when: { country: US }\n    assign: { rep: a }\n', { country: 'CA' }).outcome).toEqual({
      type: 'hold',
      reason: 'unroutable',
      route: null,
    });
  });

  it('onNoCandidate: hold with someone temporarily away holds as unavailable on that route', () => {
    const yaml = 'routes:\n  - name: vip\n    assign: { rep: a }\n    onNoCandidate: hold\nfallback:\n  assign: { queue: inbox }\n';
    const people = new Roster([rep('a', { presence: 'away', outOfOffice: { from: '2026-03-10T00:00:00Z', until: '2026-03-12T00:00:00Z' } })], []);
    expect(decideOn(yaml, {}, people).outcome).toEqual({ type: 'hold', reason: 'unavailable', route: 'vip' });
  });

  it('a held lead says so in the summary', () => {
    const people = new Roster([rep('a', { active: false })], [team('t', ['a'])]);
    expect(decideOn(teamRoute, {}, people).explanation.summary).toBe('Held: no rep can take this lead; a manager must route it');
  });
});

describe('offers and attempts', () => {
  const withOffer = (offer: string) => `offer: ${offer}\nfallback:\n  assign: { team: t, strategy: round-robin }\n`;

  it('the ranked list puts the pick first and the rest next best', () => {
    const people = new Roster(
      [rep('a', { openLeads: 5, maxOpenLeads: 10 }), rep('b', { openLeads: 1, maxOpenLeads: 10 }), rep('c', { openLeads: 3, maxOpenLeads: 10 })],
      [team('t', ['a', 'b', 'c'])],
    );
    const decision = decideOn('fallback:\n  assign: { team: t, strategy: load-balanced }\n', {}, people);
    expect([offeredTo(decision), decision.ranked]).toEqual(['b', ['b', 'c', 'a']]);
  });

  it('reps who already rejected the lead or let it expire are never picked', () => {
    const decision = decideOn(withOffer('{ maxAttempts: 5 }'), {}, abc, { excluded: ['a', 'b'] });
    expect(decision.ranked).toEqual(['c']);
  });

  it('once attempts reach offer.maxAttempts the lead goes to the onExhausted queue', () => {
    const decision = decideOn(withOffer('{ maxAttempts: 3, onExhausted: { queue: managers } }'), {}, abc, { excluded: ['a', 'b'], attempts: 3 });
    expect(decision.outcome).toEqual({ type: 'queue', queue: 'managers' });
  });

  it('the explanation says the attempts were used up', () => {
    const decision = decideOn(withOffer('{ maxAttempts: 3, onExhausted: { queue: managers } }'), {}, abc, { excluded: ['a', 'b', 'c'] });
    expect(decision.explanation.exhausted).toEqual({ attempts: 3, maxAttempts: 3 });
  });

  it('attempts default to the number of reps who already had the lead', () => {
    expect(decideOn(withOffer('{ maxAttempts: 2, onExhausted: { queue: managers } }'), {}, abc, { excluded: ['a', 'b'] }).outcome).toEqual({
      type: 'queue',
      queue: 'managers',
    });
  });

  it('below maxAttempts the lead is offered to the next best rep', () => {
    expect(offeredTo(decideOn(withOffer('{ maxAttempts: 3, onExhausted: { queue: managers } }'), {}, abc, { excluded: ['a', 'b'] }))).toBe('c');
  });

  it('exhausted attempts without an onExhausted queue hold the lead as unroutable', () => {
    expect(decideOn(withOffer('{ maxAttempts: 1 }'), {}, abc, { excluded: ['a'] }).outcome).toEqual({ type: 'hold', reason: 'unroutable', route: null });
  });

  it('an offer with a timeout waits for the rep to accept', () => {
    expect(decideOn(withOffer('{ timeout: 90s }')).outcome).toEqual({ type: 'offer', repId: 'a', team: 't', autoAccept: false });
  });

  it('a timeout of 0 assigns the lead without waiting for acceptance', () => {
    expect(decideOn(withOffer('{ timeout: 0 }')).outcome).toEqual({ type: 'offer', repId: 'a', team: 't', autoAccept: true });
  });
});

describe('explanations', () => {
  const yaml = `
scoring:
  rules:
    - { when: { phone: { exists: true } }, points: 10 }
  grades: { B: 10 }
territories:
  nyc: { country: US, postalCode: { prefix: ["100"] } }
routes:
  - name: spanish
    when: { language: es }
    assign: { team: t, strategy: round-robin, require: { languages: [es] } }
fallback:
  assign: { team: t, strategy: round-robin }
`;
  const people = new Roster([rep('a', { name: 'Ava', languages: ['es'] }), rep('b', { name: 'Ben', active: false }), rep('c', { name: 'Cat' })], [team('t', ['a', 'b', 'c'])]);
  const lead: Lead = { language: 'es', phone: '+12125550100', country: 'US', postalCode: '10001' };
  const explained = (version: number | null = 4) => decide({ lead, config: config(yaml, { version }), roster: people, now: NOW });

  it('records the configuration version', () => {
    expect(explained(4).explanation.configVersion).toBe(4);
  });

  it('records a draft configuration as version null', () => {
    expect(explained(null).explanation.configVersion).toBeNull();
  });

  it('records the decision instant', () => {
    expect(explained().explanation.at).toBe(NOW);
  });

  it('records the score, grade and the territories the lead lies in', () => {
    expect(explained().explanation).toMatchObject({ score: 10, grade: 'B', qualified: true, territories: ['nyc'] });
  });

  it('traces each candidate with why it was excluded or how it ranked', () => {
    expect(routeTrace(explained(), 'spanish').candidates).toEqual([
      { repId: 'a', name: 'Ava', score: expect.any(Number), rank: 1 },
      { repId: 'b', name: 'Ben', excluded: { code: 'inactive' } },
      { repId: 'c', name: 'Cat', excluded: { code: 'missing-language', missing: ['es'] } },
    ]);
  });

  it('names the route\'s target with its strategy and requirements', () => {
    expect(routeTrace(explained(), 'spanish').target).toBe('team t (round-robin, requires languages es)');
  });

  it('the summary names the pick, the team and the route', () => {
    expect(explained().explanation.summary).toBe('Offered to Ava (t) by route spanish');
  });

  it('the formatted explanation marks the pick', () => {
    expect(formatExplanation(explained()).filter((line) => line.endsWith('<- pick'))).toEqual([expect.stringMatching(/^ {4}Ava \(a\): rank 1\b/)]);
  });

  it('the formatted explanation says why an earlier route did not match', () => {
    const decision = decide({ lead: { phone: '+1' }, config: config(yaml, { version: 4 }), roster: people, now: NOW });
    expect(formatExplanation(decision)).toContain('  route spanish: no match (language = es is false)');
  });

  it('the same input twice gives deep-equal decisions', () => {
    expect(explained()).toEqual(explained());
  });

  it('a decision is plain data that survives a JSON round trip', () => {
    const decision = explained();
    expect(JSON.parse(JSON.stringify(decision))).toEqual(decision);
  });

  it('changing one decision does not change the next one', () => {
    const queued = config('fallback:\n  assign: { queue: inbox }\n');
    const first = decide({ lead: {}, config: queued, roster: abc, now: NOW });
    first.stateChanges.push({ scope: 'mine', state: {} });
    expect(decide({ lead: {}, config: queued, roster: abc, now: NOW }).stateChanges).toEqual([]);
  });
});
