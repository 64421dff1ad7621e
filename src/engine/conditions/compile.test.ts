import { describe, expect, it } from 'vitest';
import { decide, Roster, type Lead } from '../index.js';
import { config, NOW } from '../test-support.js';

const NOBODY = new Roster([], []);

/**
 * Whether a route's `when:` (YAML flow text) holds for the lead: the route sends to a queue, so
 * the lead is queued exactly when the condition holds.
 */
function holds(when: string, lead: Lead, options: { yaml?: string; now?: number } = {}): boolean {
  const compiled = config(`${options.yaml ?? ''}\nroutes:\n  - name: r\n    when: ${when}\n    assign: { queue: q }\n`);
  return decide({ lead, config: compiled, roster: NOBODY, now: options.now ?? NOW }).outcome.type === 'queue';
}

describe('equals', () => {
  it('a bare value equals the field, ignoring case', () => {
    expect(holds('{ country: us }', { country: 'US' })).toBe(true);
  });

  it('surrounding space in the lead value does not matter', () => {
    expect(holds('{ country: US }', { country: ' US ' })).toBe(true);
  });

  it('a different value does not equal', () => {
    expect(holds('{ country: US }', { country: 'CA' })).toBe(false);
  });

  it('a missing field equals nothing', () => {
    expect(holds('{ country: US }', {})).toBe(false);
  });

  it('the eq operator is the same as a bare value', () => {
    expect(holds('{ source: { eq: Web } }', { source: 'web' })).toBe(true);
  });

  it('a number equals the same number sent as a numeric string', () => {
    expect(holds('{ value: 50000 }', { value: '50000' as unknown as number })).toBe(true);
  });

  it('a number equals a numeric string that spells it differently', () => {
    expect(holds('{ value: 50000 }', { value: '50000.00' as unknown as number })).toBe(true);
  });
});

describe('in', () => {
  it('a list means any of its values, ignoring case', () => {
    expect(holds('{ source: [referral, partner] }', { source: 'Partner' })).toBe(true);
  });

  it('a value outside the list does not match', () => {
    expect(holds('{ source: [referral, partner] }', { source: 'web' })).toBe(false);
  });

  it('the in operator is the same as a list', () => {
    expect(holds('{ source: { in: [referral, partner] } }', { source: 'referral' })).toBe(true);
  });

  it('numbers in a list match numeric strings', () => {
    expect(holds('{ custom.tier: [1, 2] }', { custom: { tier: '2' } })).toBe(true);
  });
});

describe('not', () => {
  it('not of a value holds for any other value', () => {
    expect(holds('{ country: { not: US } }', { country: 'CA' })).toBe(true);
  });

  it('not of a value fails for that value in any case', () => {
    expect(holds('{ country: { not: US } }', { country: 'us' })).toBe(false);
  });

  it('not of a list fails for every value in it', () => {
    expect(holds('{ source: { not: [referral, partner] } }', { source: 'partner' })).toBe(false);
  });

  it('a missing field is not equal to a value', () => {
    expect(holds('{ country: { not: US } }', {})).toBe(true);
  });
});

describe('ranges', () => {
  it('gte holds at the bound', () => {
    expect(holds('{ value: { gte: 50000 } }', { value: 50000 })).toBe(true);
  });

  it('gte fails below the bound', () => {
    expect(holds('{ value: { gte: 50000 } }', { value: 49999 })).toBe(false);
  });

  it('gt fails at the bound', () => {
    expect(holds('{ value: { gt: 50000 } }', { value: 50000 })).toBe(false);
  });

  it('gt holds above the bound', () => {
    expect(holds('{ value: { gt: 50000 } }', { value: 50000.5 })).toBe(true);
  });

  it('lte holds at the bound', () => {
    expect(holds('{ value: { lte: 100 } }', { value: 100 })).toBe(true);
  });

  it('lt fails at the bound', () => {
    expect(holds('{ value: { lt: 100 } }', { value: 100 })).toBe(false);
  });

  it('a numeric string in the lead compares as a number, not as text', () => {
    expect(holds('{ value: { gte: 10 } }', { value: '9' as unknown as number })).toBe(false);
  });

  it('a numeric string above the bound holds', () => {
    expect(holds('{ value: { gte: 50000 } }', { value: ' 60000 ' as unknown as number })).toBe(true);
  });

  it('a value that is not a number is outside every numeric range', () => {
    expect(holds('{ value: { gte: 0 } }', { value: 'lots' as unknown as number })).toBe(false);
  });

  it('a missing value is outside every numeric range', () => {
    expect(holds('{ value: { lt: 100 } }', { value: null })).toBe(false);
  });

  it('two operators on one field must both hold', () => {
    expect([150, 250].map((value) => holds('{ value: { gte: 100, lt: 200 } }', { value }))).toEqual([true, false]);
  });

  it('a string bound compares ISO dates as text', () => {
    expect(holds('{ custom.since: { gte: "2026-01-01" } }', { custom: { since: '2026-03-01' } })).toBe(true);
  });

  it('a numeric bound written as text does not hold for text that is not a number', () => {
    expect(holds('{ custom.income: { gte: "1000" } }', { custom: { income: 'n/a' } })).toBe(false);
  });

  it('a text bound ignores case, like every other comparison', () => {
    expect(holds('{ custom.tier: { gte: "b" } }', { custom: { tier: 'C' } })).toBe(true);
  });

  it('a numeric string bound still compares numbers numerically', () => {
    expect(holds('{ custom.income: { gte: "50000" } }', { custom: { income: 100000 } })).toBe(true);
  });
});

describe('prefix', () => {
  it('matches the start of the value', () => {
    expect(holds('{ postalCode: { prefix: "100" } }', { postalCode: '10001' })).toBe(true);
  });

  it('does not match the same digits elsewhere in the value', () => {
    expect(holds('{ postalCode: { prefix: "100" } }', { postalCode: '11001' })).toBe(false);
  });

  it('ignores case', () => {
    expect(holds('{ company: { prefix: ACME } }', { company: 'acme corp' })).toBe(true);
  });

  it('a list of prefixes of different lengths matches any of them', () => {
    const when = '{ postalCode: { prefix: ["9", "100"] } }';
    expect(['94105', '10001', '20001'].map((postalCode) => holds(when, { postalCode }))).toEqual([true, true, false]);
  });
});

describe('regex', () => {
  it('matches anywhere in the value', () => {
    expect(holds(String.raw`{ email: { regex: '@acme\.com$' } }`, { email: 'jo@acme.com' })).toBe(true);
  });

  it('does not match a value without the pattern', () => {
    expect(holds(String.raw`{ email: { regex: '@acme\.com$' } }`, { email: 'jo@acme.co' })).toBe(false);
  });

  it('ignores case, like every other comparison', () => {
    expect(holds('{ company: { regex: "^ACME" } }', { company: 'acme' })).toBe(true);
  });

  it('tests a number by its digits', () => {
    expect(holds('{ value: { regex: "^5" } }', { value: 50000 })).toBe(true);
  });

  it('a catastrophic pattern gives the right answer on a long input that does not match (RE2 is linear)', () => {
    expect(holds('{ company: { regex: "(a+)+$" } }', { company: `${'a'.repeat(50_000)}!` })).toBe(false);
  });

  it('a catastrophic pattern gives the right answer on a long input that matches', () => {
    expect(holds('{ company: { regex: "(a+)+$" } }', { company: `!${'a'.repeat(50_000)}` })).toBe(true);
  });
});

describe('exists', () => {
  it('exists: true holds for a value', () => {
    expect(holds('{ phone: { exists: true } }', { phone: '+12125550100' })).toBe(true);
  });

  it('exists: true fails for a blank value', () => {
    expect(holds('{ phone: { exists: true } }', { phone: '   ' })).toBe(false);
  });

  it('exists: true fails for a missing value', () => {
    expect(holds('{ phone: { exists: true } }', { phone: null })).toBe(false);
  });

  it('exists: false holds for a missing value', () => {
    expect(holds('{ phone: { exists: false } }', {})).toBe(true);
  });
});

describe('custom fields', () => {
  it('custom.income: { gte: 50000 } holds for a custom income above it', () => {
    expect(holds('{ custom.income: { gte: 50000 } }', { custom: { income: 60000 } })).toBe(true);
  });

  it('custom.income: { gte: 50000 } fails for a custom income below it', () => {
    expect(holds('{ custom.income: { gte: 50000 } }', { custom: { income: 40000 } })).toBe(false);
  });

  it('a custom field fails when the lead has no custom data', () => {
    expect(holds('{ custom.income: { gte: 0 } }', {})).toBe(false);
  });

  it('a dotted path reads nested custom data', () => {
    expect(holds('{ custom.vehicle.make: Volvo }', { custom: { vehicle: { make: 'volvo' } } })).toBe(true);
  });
});

describe('emailDomain', () => {
  it('is the part of the email after the @, ignoring case', () => {
    expect(holds('{ emailDomain: acme.com }', { email: 'Jo@ACME.com' })).toBe(true);
  });

  it('does not match another domain', () => {
    expect(holds('{ emailDomain: acme.com }', { email: 'jo@acme.co' })).toBe(false);
  });

  it('is missing when the lead has no email', () => {
    expect(holds('{ emailDomain: { exists: false } }', {})).toBe(true);
  });
});

describe('score and grade', () => {
  const scoring = 'scoring:\n  rules:\n    - { when: { value: { gte: 50000 } }, points: 40 }\n  grades: { A: 40, B: 10 }\n';

  it('score compares with the score the scoring rules gave the lead', () => {
    expect(holds('{ score: { gte: 40 } }', { value: 60000 }, { yaml: scoring })).toBe(true);
  });

  it('score fails when the rules gave fewer points', () => {
    expect(holds('{ score: { gte: 40 } }', { value: 100 }, { yaml: scoring })).toBe(false);
  });

  it('grade equals the grade the lead reached, ignoring case', () => {
    expect(holds('{ grade: a }', { value: 60000 }, { yaml: scoring })).toBe(true);
  });

  it('a lead below every grade has no grade', () => {
    expect(holds('{ grade: { exists: false } }', { value: 100 }, { yaml: scoring })).toBe(true);
  });
});

describe('territory', () => {
  const territories = 'territories:\n  west: { country: US, region: [CA, OR] }\n  nyc: { country: US, postalCode: { prefix: ["100"] } }\n';

  it('holds for a lead inside the territory', () => {
    expect(holds('{ territory: west }', { country: 'US', region: 'CA' }, { yaml: territories })).toBe(true);
  });

  it('fails for a lead outside the territory', () => {
    expect(holds('{ territory: west }', { country: 'US', region: 'NY' }, { yaml: territories })).toBe(false);
  });

  it('a list of territories holds for a lead in any of them', () => {
    expect(holds('{ territory: [west, nyc] }', { country: 'US', postalCode: '10001' }, { yaml: territories })).toBe(true);
  });

  it('territory: { not: west } holds for a lead outside west', () => {
    expect(holds('{ territory: { not: west } }', { country: 'US', region: 'NY' }, { yaml: territories })).toBe(true);
  });

  it('territory: { not: west } fails for a lead inside west', () => {
    expect(holds('{ territory: { not: west } }', { country: 'US', region: 'OR' }, { yaml: territories })).toBe(false);
  });
});

describe('account', () => {
  it('account: matched holds when the lead matched an account', () => {
    expect(holds('{ account: matched }', { account: { id: 'acme', ownerId: 'ava' } })).toBe(true);
  });

  it('account: matched fails when the lead matched no account', () => {
    expect(holds('{ account: matched }', {})).toBe(false);
  });

  it('account: unmatched holds when the lead matched no account', () => {
    expect(holds('{ account: unmatched }', { account: null })).toBe(true);
  });
});

describe('time of day and day of week, in the configuration time zone', () => {
  const newYork = 'timezone: America/New_York\n';
  // New York is on EDT (UTC-4) from 2026-03-08.
  const wed = (h: number, m = 0) => Date.UTC(2026, 2, 11, h, m);

  it('time holds inside the span in the configuration time zone (13:30 UTC is 09:30 in New York)', () => {
    expect(holds('{ time: 09:00-17:00 }', {}, { yaml: newYork, now: wed(13, 30) })).toBe(true);
  });

  it('time fails before the span in the configuration time zone (12:30 UTC is 08:30 in New York)', () => {
    expect(holds('{ time: 09:00-17:00 }', {}, { yaml: newYork, now: wed(12, 30) })).toBe(false);
  });

  it('the end of a time span is exclusive', () => {
    expect([wed(20, 59), wed(21, 0)].map((now) => holds('{ time: 09:00-17:00 }', {}, { yaml: newYork, now }))).toEqual([true, false]);
  });

  it('time without a configured time zone is UTC', () => {
    expect(holds('{ time: 09:00-17:00 }', {}, { now: wed(12, 30) })).toBe(true);
  });

  it('an overnight span holds late in the evening', () => {
    expect(holds('{ time: 22:00-06:00 }', {}, { yaml: newYork, now: wed(3, 0) })).toBe(true);
  });

  it('an overnight span holds early in the morning', () => {
    expect(holds('{ time: 22:00-06:00 }', {}, { yaml: newYork, now: wed(9, 59) })).toBe(true);
  });

  it('an overnight span fails in the day', () => {
    expect(holds('{ time: 22:00-06:00 }', {}, { yaml: newYork, now: wed(10, 0) })).toBe(false);
  });

  it('a list of spans holds in any of them', () => {
    expect(holds('{ time: [08:00-09:00, 12:00-13:00] }', {}, { yaml: newYork, now: wed(16, 30) })).toBe(true);
  });

  it('day is the local weekday: Friday 23:30 in New York is Saturday in UTC but still Friday', () => {
    const fridayNight = Date.UTC(2026, 2, 14, 3, 30);
    expect([holds('{ day: fri }', {}, { yaml: newYork, now: fridayNight }), holds('{ day: sat }', {}, { yaml: newYork, now: fridayNight })]).toEqual([
      true,
      false,
    ]);
  });

  it('weekend holds on Saturday and weekdays does not', () => {
    const saturday = Date.UTC(2026, 2, 14, 16, 0);
    expect([holds('{ day: weekend }', {}, { yaml: newYork, now: saturday }), holds('{ day: weekdays }', {}, { yaml: newYork, now: saturday })]).toEqual([
      true,
      false,
    ]);
  });

  it('a list of days holds on any of them', () => {
    expect(holds('{ day: [mon, wed] }', {}, { yaml: newYork, now: wed(16) })).toBe(true);
  });
});

describe('combinations', () => {
  it('all holds only when every part holds', () => {
    const when = '{ all: [ { value: { gte: 50000 } }, { country: US } ] }';
    expect([holds(when, { value: 60000, country: 'US' }), holds(when, { value: 60000, country: 'CA' })]).toEqual([true, false]);
  });

  it('any holds when one part holds', () => {
    const when = '{ any: [ { country: US }, { source: partner } ] }';
    expect([holds(when, { country: 'CA', source: 'partner' }), holds(when, { country: 'CA', source: 'web' })]).toEqual([true, false]);
  });

  it('not inverts a whole condition', () => {
    const when = '{ not: { all: [ { country: US }, { source: web } ] } }';
    expect([holds(when, { country: 'US', source: 'web' }), holds(when, { country: 'US', source: 'partner' })]).toEqual([false, true]);
  });

  it('several fields in one block must all hold', () => {
    expect([holds('{ country: US, product: health }', { country: 'US', product: 'auto' }), holds('{ country: US, product: health }', { country: 'US', product: 'health' })]).toEqual([
      false,
      true,
    ]);
  });

  it('combinations nest', () => {
    const when = '{ any: [ { all: [ { country: US }, { value: { gte: 100 } } ] }, { not: { phone: { exists: true } } } ] }';
    expect([
      holds(when, { country: 'US', value: 500, phone: '+1' }),
      holds(when, { country: 'CA', value: 500, phone: '+1' }),
      holds(when, { country: 'CA' }),
    ]).toEqual([true, false, true]);
  });
});
