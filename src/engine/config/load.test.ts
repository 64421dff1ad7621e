/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import routingYaml from '../../../examples/insurance/routing.yaml?raw';
import peopleYaml from '../../../examples/insurance/people.yaml?raw';
import { config, errorsOf, peopleFrom } from '../test-support.js';
import { loadConfig } from './load.js';

const { teamKeys } = peopleFrom(peopleYaml);

/** A route list with `count` harmless queue routes before the given one. */
const routesWith = (route: object, before = 0) => ({
  routes: [...Array.from({ length: before }, (_, i) => ({ name: `r${i}`, assign: { queue: 'q' } })), route],
});

describe('the PRODUCT.md section 10 example', () => {
  it('is accepted as written', () => {
    const result = loadConfig(routingYaml, { version: 1, context: { teams: teamKeys } });
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('keeps its routes in the order written, with the fallback last', () => {
    const compiled = config(routingYaml);
    expect(compiled.routes.map((r) => r.name)).toEqual(['existing-account', 'enterprise', 'west-health', 'spanish-speakers', 'partners']);
    expect(compiled.fallback?.target.text).toBe('team inbound (load-balanced)');
  });

  it('reads its offer policy: a five minute window, three attempts, then the managers queue', () => {
    expect(config(routingYaml).offer).toEqual({ timeoutMs: 5 * 60_000, maxAttempts: 3, onExhausted: 'managers' });
  });

  it('reads its first-contact SLA of fifteen minutes with reassignment on breach', () => {
    expect(config(routingYaml).sla).toEqual({ firstContactMs: 15 * 60_000, onBreach: 'reassign' });
  });

  it('is accepted as JSON too', () => {
    const json = JSON.stringify(parse(routingYaml));
    expect(loadConfig(json, { context: { teams: teamKeys } }).ok).toBe(true);
  });

  it('is accepted as an already parsed value', () => {
    expect(loadConfig(parse(routingYaml), { context: { teams: teamKeys } }).ok).toBe(true);
  });
});

describe('versions', () => {
  it('records the version the configuration was saved as', () => {
    expect(config('timezone: UTC', { version: 7 }).version).toBe(7);
  });

  it('records a draft as version null', () => {
    expect(config('timezone: UTC').version).toBeNull();
  });
});

describe('defaults', () => {
  it('an empty document is a valid configuration on UTC with no routes', () => {
    const compiled = config('');
    expect(compiled.timezone).toBe('UTC');
    expect(compiled.routes).toEqual([]);
    expect(compiled.fallback).toBeNull();
  });

  it('a team route without a strategy uses round-robin', () => {
    expect(config('fallback: { assign: { team: t } }').fallback?.target).toMatchObject({ kind: 'team', strategy: 'round-robin' });
  });
});

describe('YAML syntax', () => {
  const broken = ['routes:', '  - name: a', '    assign: { queue: q', '  - name: b', ''].join('\n');

  it('a syntax error is reported as an error, not thrown', () => {
    const result = loadConfig(broken);
    expect(result.ok).toBe(false);
    expect(result.errors[0]?.message).toMatch(/Flow map/);
  });

  it('a syntax error is reported with its line', () => {
    const result = loadConfig(broken);
    expect(result.errors[0]?.line).toBe(4);
  });

  it('a key written twice is an error', () => {
    expect(errorsOf('timezone: UTC\ntimezone: Europe/Berlin\n')).toEqual(['(root): Map keys must be unique (line 2)']);
  });
});

describe('every error is reported', () => {
  it('two bad fields give two errors', () => {
    expect(errorsOf({ offer: { maxAttempts: 0 }, sla: { firstContact: '15m', onBreach: 'ignore' } })).toEqual([
      'offer.maxAttempts: expected at least 1',
      'sla.onBreach: expected one of reassign, escalate',
    ]);
  });

  it('three bad references in one route give three errors', () => {
    const errors = errorsOf(routesWith({ name: 'a', when: { contry: 'US', territory: 'west' }, assign: { team: 'emea' } }), {
      context: { teams: new Set(['inbound']) },
    });
    expect(errors).toHaveLength(3);
  });

  it('a shape error does not hide an unknown team elsewhere', () => {
    const errors = errorsOf(
      { offer: { maxAttempts: 0 }, routes: [{ name: 'a', assign: { team: 'emea' } }] },
      { context: { teams: new Set(['inbound']) } },
    );
    expect(errors).toEqual(['offer.maxAttempts: expected at least 1', 'routes[0].assign.team: unknown team "emea"']);
  });
});

describe('references to teams and reps', () => {
  it('rejects an unknown team with its path', () => {
    expect(errorsOf(routesWith({ name: 'emea', assign: { team: 'emea' } }, 3), { context: { teams: teamKeys } })).toEqual([
      'routes[3].assign.team: unknown team "emea"',
    ]);
  });

  it('rejects an unknown team in the fallback', () => {
    expect(errorsOf({ fallback: { assign: { team: 'emea' } } }, { context: { teams: teamKeys } })).toEqual([
      'fallback.assign.team: unknown team "emea"',
    ]);
  });

  it('rejects unknown teams and reps among a queue’s pullers, each with its path', () => {
    const queues = { partners: { pullers: { teams: ['inbound', 'emea'], reps: ['zoe'] } } };
    expect(errorsOf({ queues }, { context: { teams: teamKeys, reps: new Set(['ava']) } })).toEqual([
      'queues.partners.pullers.teams[1]: unknown team "emea"',
      'queues.partners.pullers.reps[0]: unknown rep "zoe"',
    ]);
  });

  it('rejects a queue’s pullers that name nobody, pointing to `nobody`', () => {
    expect(errorsOf({ queues: { partners: { pullers: { teams: [] } } } })).toEqual(['queues.partners.pullers: expected at least one team or rep (or: nobody)']);
  });

  it('accepts any team name when the context lists no teams', () => {
    expect(loadConfig(routesWith({ name: 'emea', assign: { team: 'emea' } })).ok).toBe(true);
  });

  it('rejects an unknown rep when the context lists reps', () => {
    expect(errorsOf(routesWith({ name: 'vip', assign: { rep: 'zoe' } }), { context: { reps: new Set(['ava']) } })).toEqual([
      'routes[0].assign.rep: unknown rep "zoe"',
    ]);
  });

  it('rejects an assignment that is none of team, rep, owner or queue, naming the stray key', () => {
    expect(errorsOf(routesWith({ name: 'a', assign: { desk: 'x' } }))).toContain('routes[0].assign: unknown key "desk"');
  });

  it('rejects an unknown strategy, listing the known ones', () => {
    expect(errorsOf(routesWith({ name: 'a', assign: { team: 't', strategy: 'random' } }))).toEqual([
      'routes[0].assign.strategy: expected one of round-robin, load-balanced, performance, best-match, sticky',
    ]);
  });

  it('rejects then on a strategy other than sticky', () => {
    expect(errorsOf(routesWith({ name: 'a', assign: { team: 't', strategy: 'performance', then: 'round-robin' } }))).toEqual([
      'routes[0].assign.then: then applies only to strategy sticky',
    ]);
  });
});

describe('durations', () => {
  it('reads ms, s, m, h and d', () => {
    const timeouts = ['250ms', '90s', '5m', '2h', '1d'].map((t) => config(`offer: { timeout: ${t} }`).offer.timeoutMs);
    expect(timeouts).toEqual([250, 90_000, 300_000, 7_200_000, 86_400_000]);
  });

  it('reads 0 as no window (auto-accept)', () => {
    expect(config('offer: { timeout: 0 }').offer.timeoutMs).toBe(0);
  });

  it('offer.timeout that is not a duration says what a duration looks like', () => {
    expect(errorsOf({ offer: { timeout: '5 minutes' } })).toEqual(['offer.timeout: expected a duration such as 90s, 5m or 2h']);
  });

  it('offer.timeout given as a bare number says what a duration looks like', () => {
    expect(errorsOf({ offer: { timeout: 5 } })).toEqual(['offer.timeout: expected a duration such as 90s, 5m or 2h']);
  });
});

describe('conditions', () => {
  const when = (condition: object) => routesWith({ name: 'a', when: condition, assign: { queue: 'q' } });

  it('rejects an unknown operator, naming it and the known ones', () => {
    expect(errorsOf(when({ value: { gtee: 5 } }))).toContain(
      'routes[0].when.value: unknown operator "gtee" (expected one of eq, in, not, gte, gt, lte, lt, prefix, regex, exists)',
    );
  });

  it('an unknown operator is reported once, without a second complaint about the same matcher', () => {
    expect(errorsOf(when({ value: { gtee: 5 } }))).toHaveLength(1);
  });

  it('rejects an unknown field name (a typo), listing what is expected', () => {
    expect(errorsOf(when({ contry: 'US' }))).toEqual([
      'routes[0].when.contry: unknown field "contry" (expected a lead field such as firstName, lastName, email, phone, company, title, custom.<name>, or one of score, grade, territory, account, time, day)',
    ]);
  });

  it('rejects an unknown field inside all, any and not, each at its own path', () => {
    expect(errorsOf(when({ all: [{ countr: 'US' }], any: [{ regin: 'CA' }], not: { cty: 'x' } })).map((e) => e.split(':')[0])).toEqual([
      'routes[0].when.all[0].countr',
      'routes[0].when.any[0].regin',
      'routes[0].when.not.cty',
    ]);
  });

  it('accepts custom fields by name', () => {
    expect(loadConfig(when({ 'custom.income': { gte: 50000 } })).ok).toBe(true);
  });

  it('rejects a condition on a territory that is not defined', () => {
    expect(errorsOf(when({ territory: 'emea' }))).toEqual(['routes[0].when.territory: unknown territory "emea"']);
  });

  it('rejects an unknown territory in a list at its index', () => {
    expect(errorsOf({ territories: { west: { country: 'US' } }, ...when({ territory: ['west', 'east'] }) })).toEqual([
      'routes[0].when.territory[1]: unknown territory "east"',
    ]);
  });

  it('rejects an invalid regular expression', () => {
    expect(errorsOf(when({ email: { regex: '(ab' } }))).toEqual([
      'routes[0].when.email.regex: invalid regular expression: error parsing regexp: missing closing ): `(ab`',
    ]);
  });

  it('rejects a time of day that is not a span', () => {
    expect(errorsOf(when({ time: '9am' }))).toEqual(['routes[0].when.time: expected a time span such as 09:00-17:00, or a list of them']);
  });

  it('rejects a day that is not a weekday name', () => {
    expect(errorsOf(when({ day: 'someday' }))).toEqual([
      'routes[0].when.day: expected a day (mon, tue, wed, thu, fri, sat, sun, weekdays or weekend), or a list of them',
    ]);
  });

  it('rejects an account condition other than matched or unmatched', () => {
    expect(errorsOf(when({ account: 'maybe' }))).toEqual(['routes[0].when.account: expected matched or unmatched']);
  });
});

describe('scoring rules', () => {
  it('rejects score inside a scoring rule', () => {
    expect(errorsOf({ scoring: { rules: [{ when: { score: { gte: 5 } }, points: 1 }] } })).toEqual([
      'scoring.rules[0].when.score: score cannot be used in scoring rules: it is what they compute',
    ]);
  });

  it('rejects grade inside a scoring rule', () => {
    expect(errorsOf({ scoring: { rules: [{ when: { any: [{ grade: 'A' }] }, points: 1 }] } })).toEqual([
      'scoring.rules[0].when.any[0].grade: grade cannot be used in scoring rules: it is what they compute',
    ]);
  });

  it('allows score and grade in route conditions', () => {
    expect(loadConfig(routesWith({ name: 'hot', when: { score: { gte: 50 }, grade: 'A' }, assign: { queue: 'q' } })).ok).toBe(true);
  });
});

describe('routes and the document', () => {
  it('rejects duplicate route names, pointing at the second', () => {
    expect(
      errorsOf({
        routes: [
          { name: 'a', assign: { queue: 'q' } },
          { name: 'a', assign: { queue: 'r' } },
        ],
      }),
    ).toEqual(['routes[1].name: duplicate route name "a" (also routes[0])']);
  });

  it('rejects an unknown time zone', () => {
    expect(errorsOf({ timezone: 'Mars/Olympus' })).toEqual([
      'timezone: unknown time zone "Mars/Olympus" (expected an IANA name such as America/New_York)',
    ]);
  });

  it('rejects an unknown top-level key', () => {
    expect(errorsOf({ routs: [] })).toEqual(['(root): unknown key "routs"']);
  });

  it('rejects an empty list, which could never match', () => {
    expect(errorsOf({ routes: [{ name: 'a', when: { source: [] }, assign: { queue: 'q' } }] })).toEqual([
      'routes[0].when.source: expected at least 1 item',
    ]);
  });

  it('rejects operators a territory test does not have', () => {
    expect(errorsOf({ territories: { west: { country: 'US' } }, routes: [{ name: 'a', when: { territory: { in: ['west'], gte: 3 } }, assign: { queue: 'q' } }] })).toEqual([
      'routes[0].when.territory: expected a territory name, a list of them, { in: [...] } or { not: ... }',
    ]);
  });

  it('asks for a postal code written as a number to be quoted', () => {
    expect(errorsOf({ territories: { boston: { postalCode: 2110 } } })).toEqual([
      'territories.boston.postalCode: expected text (quote numbers such as "02134"), a list of text, or { prefix: …, range: … }',
    ]);
  });

  it('calls a fractional attempt count what it is', () => {
    expect(errorsOf({ offer: { maxAttempts: 2.5 } })).toEqual(['offer.maxAttempts: expected a whole number, got 2.5']);
  });

  it('accepts a $schema key, so editors can find the JSON Schema', () => {
    expect(loadConfig({ $schema: '../docs/routing.schema.json' }).ok).toBe(true);
  });

  it('rejects an empty territory value instead of matching leads that lack the field', () => {
    expect(errorsOf({ territories: { nowhere: { region: '' } } })).toEqual(['territories.nowhere.region: must not be empty']);
  });

  it('rejects strategy options the route\'s strategy does not use', () => {
    expect(errorsOf({ fallback: { assign: { team: 't', strategy: 'load-balanced', roundRobin: { whenSkipped: 'forfeit' } } } })).toEqual([
      'fallback.assign.roundRobin: roundRobin applies only to strategy round-robin, not load-balanced',
    ]);
  });

  it('accepts round-robin options on a sticky route whose fallback strategy is round-robin', () => {
    expect(loadConfig({ fallback: { assign: { team: 't', strategy: 'sticky', then: 'round-robin', roundRobin: { maxOwed: 2 } } } }).ok).toBe(true);
  });

  it('says which strategy a sticky route falls back to', () => {
    expect(config('fallback: { assign: { team: t, strategy: sticky, then: load-balanced } }').fallback?.target.text).toBe(
      'team t (sticky, else load-balanced)',
    );
  });

  it('rejects a document that is a list', () => {
    expect(errorsOf('- a\n')).toEqual(['(root): expected an object, got a list (line 1)']);
  });
});

describe('line numbers', () => {
  const text = [
    'timezone: America/New_York', // 1
    'routes:', // 2
    '  - name: enterprise', // 3
    '    when: { contry: US }', // 4
    '    assign: { team: enterprise }', // 5
    '  - name: emea', // 6
    '    assign: { team: emea }', // 7
    'offer:', // 8
    '  maxAttempts: 0', // 9
  ].join('\n');

  it('a semantic error from text carries the line of its value', () => {
    const errors = errorsOf(text.replace('  maxAttempts: 0', '  maxAttempts: 2'), { context: { teams: new Set(['enterprise']) } });
    expect(errors).toEqual([
      expect.stringMatching(/^routes\[0\]\.when\.contry: unknown field "contry" .*\(line 4\)$/),
      'routes[1].assign.team: unknown team "emea" (line 7)',
    ]);
  });

  it('a shape error from text carries the line of its value, and the cross-reference errors come with it', () => {
    expect(errorsOf(text)).toEqual([
      'offer.maxAttempts: expected at least 1 (line 9)',
      expect.stringMatching(/^routes\[0\]\.when\.contry: unknown field "contry" .*\(line 4\)$/),
    ]);
  });

  it('an error carries its column as well as its line', () => {
    const result = loadConfig('offer:\n  maxAttempts: 0\n');
    expect(result.errors[0]).toMatchObject({ line: 2, column: 16 });
  });

  it('an error in an already parsed value has no line', () => {
    const result = loadConfig({ offer: { maxAttempts: 0 } });
    expect(result.errors[0]?.line).toBeUndefined();
  });
});
