import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, Roster, type DecideInput, type Lead, type Rep, type StrategyState, type Team } from './index.js';
import { config, team } from './test-support.js';

/**
 * Random rosters with random reasons to be excluded, random strategies and targets. Reps are on
 * UTC and the instant is fixed (Wednesday 2026-03-11 15:00 UTC), so whether a rep can take the
 * lead is easy to say independently of the engine.
 */
const NOW = Date.UTC(2026, 2, 11, 15, 0);
const LANGUAGES = ['en', 'es', 'de'];
const SKILLS = ['health', 'auto', 'life'];
const STRATEGIES = ['round-robin', 'load-balanced', 'performance', 'best-match', 'sticky'] as const;
const BRANCHING = [null, 'territory', 'round-robin', 'load-balanced', 'performance'] as const;
const ABSENCES = {
  none: null,
  now: { from: '2026-03-01T00:00:00Z', until: '2026-04-01T00:00:00Z' },
  past: { from: '2026-02-01T00:00:00Z', until: '2026-02-10T00:00:00Z' },
  future: { from: '2026-03-20T00:00:00Z', until: '2026-03-30T00:00:00Z' },
} as const;
const HOURS = { always: null, working: { wed: ['09:00-17:00'] }, off: { wed: ['18:00-20:00'] } } as const;

const often = <T>(usual: T, rare: T) => fc.oneof({ arbitrary: fc.constant(usual), weight: 4 }, { arbitrary: fc.constant(rare), weight: 1 });

const repSpec = fc.record({
  active: often(true, false),
  absence: fc.oneof(
    { arbitrary: fc.constant('none' as const), weight: 6 },
    { arbitrary: fc.constantFrom('past' as const, 'future' as const), weight: 2 },
    { arbitrary: fc.constant('now' as const), weight: 2 },
  ),
  presence: fc.oneof({ arbitrary: fc.constant('online' as const), weight: 4 }, { arbitrary: fc.constantFrom('away' as const, 'offline' as const), weight: 2 }),
  languages: fc.subarray(LANGUAGES),
  skills: fc.subarray(SKILLS),
  seniority: fc.integer({ min: 0, max: 4 }),
  maxOpenLeads: fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: fc.integer({ min: 0, max: 8 }), weight: 1 }),
  openLeads: fc.integer({ min: 0, max: 6 }),
  hours: fc.oneof({ arbitrary: fc.constantFrom('always' as const, 'working' as const), weight: 6 }, { arbitrary: fc.constant('off' as const), weight: 1 }),
  dailyCap: fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 1 }),
  daily: fc.option(fc.record({ today: fc.boolean(), count: fc.integer({ min: 0, max: 4 }) }), { nil: null }),
  won: fc.nat(20),
  lost: fc.nat(20),
  weight: fc.integer({ min: 1, max: 3 }),
  timezone: fc.constantFrom('UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe'),
});
type RepSpec = typeof repSpec extends fc.Arbitrary<infer T> ? T : never;

const sometimes = <T>(none: T, some: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(none), weight: 3 }, { arbitrary: some, weight: 1 });
const requirements = fc.record({
  languages: sometimes<string[]>([], fc.subarray(LANGUAGES, { minLength: 1, maxLength: 1 })),
  skills: sometimes<string[]>([], fc.subarray(SKILLS, { minLength: 1, maxLength: 1 })),
  seniority: sometimes(0, fc.integer({ min: 1, max: 3 })),
  online: sometimes(false, fc.constant(true)),
});
type Requirements = typeof requirements extends fc.Arbitrary<infer T> ? T : never;

const scenario = fc
  .record({
    reps: fc.array(repSpec, { minLength: 1, maxLength: 8 }),
    strategy: fc.constantFrom(...STRATEGIES),
    then: fc.constantFrom('round-robin', 'load-balanced', 'performance', 'best-match'),
    branch: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom(...BRANCHING.slice(1)), weight: 4 }),
    require: requirements,
    postalCode: fc.constantFrom('10001', '30301', null),
    language: fc.constantFrom('en', 'es', 'de', null),
    product: fc.constantFrom('health', 'auto', 'life', null),
    credits: fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 8, maxLength: 8 }),
    owner: fc.integer({ min: -1, max: 7 }),
    excludedMask: fc.array(often(false, true), { minLength: 8, maxLength: 8 }),
  })
  .map((s) => ({ ...s, excluded: s.reps.map((_, i) => `r${i}`).filter((_, i) => s.excludedMask[i]) }));
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function toRep(spec: RepSpec, i: number, timezone: string): Rep {
  return {
    id: `r${i}`,
    name: `Rep ${i}`,
    active: spec.active,
    timezone,
    presence: spec.presence,
    outOfOffice: ABSENCES[spec.absence],
    workingHours: HOURS[spec.hours] as Rep['workingHours'],
    languages: spec.languages,
    skills: spec.skills,
    seniority: spec.seniority,
    maxOpenLeads: spec.maxOpenLeads,
    openLeads: spec.openLeads,
    dailyCap: spec.dailyCap,
    daily: spec.daily && { date: spec.daily.today ? '2026-03-11' : '2026-03-10', count: spec.daily.count },
    won: spec.won,
    lost: spec.lost,
  };
}

/** Team t holds everyone; franchise branches into north (even reps) and south (odd reps). */
function teamsOf(specs: readonly RepSpec[]): Team[] {
  const members = specs.map((s, i) => [`r${i}`, s.weight] as const);
  return [
    team('t', members),
    team('franchise', [], { subTeams: [{ key: 'north' }, { key: 'south', weight: 2 }] }),
    team('north', members.filter((_, i) => i % 2 === 0), { territories: ['north'] }),
    team('south', members.filter((_, i) => i % 2 === 1), { territories: ['south'] }),
  ];
}

function yamlOf(s: Scenario): string {
  const list = (xs: string[]) => `[${xs.join(', ')}]`;
  const require = `{ languages: ${list(s.require.languages)}, skills: ${list(s.require.skills)}, seniority: ${s.require.seniority}, online: ${s.require.online} }`;
  const target = s.branch ? `team: franchise, branch: { by: ${s.branch} }` : 'team: t';
  const then = s.strategy === 'sticky' ? `, then: ${s.then}` : '';
  return `
territories:
  north: { country: US, postalCode: { prefix: ["1"] } }
  south: { country: US, postalCode: { prefix: ["3"] } }
offer: { maxAttempts: 100 }
fallback:
  assign: { ${target}, strategy: ${s.strategy}${then}, require: ${require} }
`;
}

function leadOf(s: Scenario): Lead {
  const owner = s.owner >= 0 && s.owner < s.reps.length ? `r${s.owner}` : null;
  return { country: 'US', postalCode: s.postalCode, language: s.language, product: s.product, previousOwnerId: owner, account: owner ? { id: 'acme', ownerId: owner } : null };
}

function stateOf(s: Scenario): Record<string, StrategyState> {
  const credits: StrategyState = Object.fromEntries(s.reps.map((_, i) => [`r${i}`, s.credits[i]!]));
  const branchCredits = { north: s.credits[0]!, south: s.credits[1]! };
  return Object.fromEntries([
    ...['round-robin', 'performance'].flatMap((name) => [
      [`${name}:t`, credits],
      [`${name}:north`, credits],
      [`${name}:south`, credits],
      [`branches/${name}:franchise`, branchCredits],
    ]),
  ]);
}

function inputOf(s: Scenario, timezone?: (spec: RepSpec) => string, now = NOW): DecideInput {
  const reps = s.reps.map((spec, i) => toRep(spec, i, timezone ? timezone(spec) : 'UTC'));
  return { lead: leadOf(s), config: config(yamlOf(s), { version: 1 }), roster: new Roster(reps, teamsOf(s.reps)), state: stateOf(s), now, excluded: s.excluded };
}

/** Whether rep i may take the lead, decided from the scenario alone (reps on UTC, at NOW). */
function canTake(s: Scenario, i: number, require: Requirements = s.require): boolean {
  const spec = s.reps[i]!;
  const daily = spec.daily?.today ? spec.daily.count : 0;
  return (
    spec.active &&
    !s.excluded.includes(`r${i}`) &&
    require.languages.every((l) => spec.languages.includes(l)) &&
    require.skills.every((k) => spec.skills.includes(k)) &&
    spec.seniority >= require.seniority &&
    spec.absence !== 'now' &&
    (!require.online || spec.presence === 'online') &&
    (spec.maxOpenLeads === null || spec.openLeads < spec.maxOpenLeads) &&
    spec.hours !== 'off' &&
    (spec.dailyCap === null || daily < spec.dailyCap)
  );
}

/** The reps the route's target draws from: everyone, or the branch serving the lead's postal code. */
function pool(s: Scenario): number[] {
  const all = s.reps.map((_, i) => i);
  if (s.branch !== 'territory') return all;
  if (s.postalCode === '10001') return all.filter((i) => i % 2 === 0);
  if (s.postalCode === '30301') return all.filter((i) => i % 2 === 1);
  return [];
}

describe('eligibility is never bypassed (property)', () => {
  it('no strategy ever picks a rep who cannot take the lead', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const decision = decide(inputOf(s));
        if (decision.outcome.type === 'offer') expect(canTake(s, Number(decision.outcome.repId.slice(1)))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('every rep in the ranked list can take the lead', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const ranked = decide(inputOf(s)).ranked.map((id) => Number(id.slice(1)));
        expect(ranked.filter((i) => !canTake(s, i))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('every rep of the target who can take the lead is ranked', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const ranked = decide(inputOf(s)).ranked.map((id) => Number(id.slice(1)));
        expect([...ranked].sort()).toEqual(pool(s).filter((i) => canTake(s, i)));
      }),
      { numRuns: 400 },
    );
  });

  it('a rep who already rejected the lead is never ranked', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(decide(inputOf(s)).ranked.filter((id) => s.excluded.includes(id))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('a candidate traced as excluded is never ranked', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const decision = decide(inputOf(s));
        const excluded = decision.explanation.routes.flatMap((r) => r.candidates ?? []).filter((c) => c.excluded).map((c) => c.repId);
        expect(decision.ranked.filter((id) => excluded.includes(id))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the lead is offered exactly when someone in the target can take it, and held otherwise', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const someone = pool(s).some((i) => canTake(s, i));
        expect(decide(inputOf(s)).outcome.type).toBe(someone ? 'offer' : 'hold');
      }),
      { numRuns: 400 },
    );
  });
});

describe('decisions are deterministic (property)', () => {
  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) });

  it('the same input twice gives deep-equal decisions', () => {
    fc.assert(
      fc.property(scenario, instant, (s, now) => {
        const input = inputOf(s, (spec) => spec.timezone, now);
        expect(decide(input)).toEqual(decide(input));
      }),
      { numRuns: 300 },
    );
  });

  it('a fresh roster and configuration give the same decision as reused ones', () => {
    fc.assert(
      fc.property(scenario, instant, (s, now) => {
        const reused = inputOf(s, (spec) => spec.timezone, now);
        decide({ ...reused, now: now - 3_600_000 });
        expect(decide(reused)).toEqual(decide(inputOf(s, (spec) => spec.timezone, now)));
      }),
      { numRuns: 300 },
    );
  });

  it('deciding leaves the input untouched', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const input = inputOf(s);
        const before = JSON.stringify({ lead: input.lead, state: input.state, excluded: input.excluded });
        decide(input);
        expect(JSON.stringify({ lead: input.lead, state: input.state, excluded: input.excluded })).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
