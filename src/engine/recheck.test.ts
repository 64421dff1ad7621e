import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, Roster, WEEKDAYS, ZoneClock, type Rep, type WorkingHours } from './index.js';
import { config, NOW, rep, team, teamConfig } from './test-support.js';

/**
 * A held lead says when it is worth deciding again. Every instant below is derived by hand:
 * - America/New_York: UTC-5 (EST) before Sun 2026-03-08 and after Sun 2026-11-01, UTC-4 (EDT) between.
 * - Europe/Berlin: UTC+1 (CET) before Sun 2026-03-29 and after Sun 2026-10-25, UTC+2 (CEST) between.
 * - Asia/Kolkata: UTC+05:30 all year.
 * NOW is Wednesday 2026-03-11 15:00 UTC (16:00 in Berlin).
 */
const utc = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h, min);
const weekdays = (...spans: string[]): WorkingHours => ({ mon: spans, tue: spans, wed: spans, thu: spans, fri: spans });
const everyDay = (...spans: string[]): WorkingHours => ({ ...weekdays(...spans), sat: spans, sun: spans });

/** One team of `people`, routed round robin; `assign` is the rest of the assignment. */
const decideFor = (people: Rep[], now: number, assign = '') =>
  decide({
    lead: {},
    config: teamConfig(`strategy: round-robin${assign ? `, ${assign}` : ''}`),
    roster: new Roster(people, [team('t', people.map((p) => p.id))]),
    now,
  });
const recheckAt = (people: Rep[], now: number, assign = '') => decideFor(people, now, assign).recheckAt;

describe('a lead held outside working hours', () => {
  const bea = rep('bea', { name: 'Bea Berger', timezone: 'Europe/Berlin', workingHours: weekdays('09:00-17:00') });
  // Wednesday 22:00 in Berlin.
  const lateWednesday = utc(2026, 3, 11, 21);

  it('is held as unavailable', () => {
    expect(decideFor([bea], lateWednesday).outcome).toEqual({ type: 'hold', reason: 'unavailable', route: null });
  });

  it('is rechecked when the rep starts the next morning at 09:00 in their own zone (08:00 UTC)', () => {
    expect(recheckAt([bea], lateWednesday)).toBe(utc(2026, 3, 12, 8));
  });

  it('the explanation records the same instant', () => {
    expect(decideFor([bea], lateWednesday).explanation.recheckAt).toBe(utc(2026, 3, 12, 8));
  });

  it('the summary names the rep the lead waits for and their local time', () => {
    expect(decideFor([bea], lateWednesday).explanation.summary).toBe(
      'Held until someone eligible is available; Bea Berger may be available from thu 09:00 Europe/Berlin',
    );
  });

  it('the rep who starts first wins, whatever their zone: Kolkata starts at 03:30 UTC, Berlin at 08:00, New York at 13:00', () => {
    const people = [
      rep('ava', { timezone: 'America/New_York', workingHours: weekdays('09:00-17:00') }),
      bea,
      rep('kiran', { timezone: 'Asia/Kolkata', workingHours: weekdays('09:00-17:00') }),
    ];
    expect(recheckAt(people, lateWednesday)).toBe(utc(2026, 3, 12, 3, 30));
  });

  it('in Asia/Kolkata (UTC+05:30), from 17:30 on Monday the lead waits for 09:00 on Tuesday (03:30 UTC)', () => {
    const kiran = rep('kiran', { timezone: 'Asia/Kolkata', workingHours: weekdays('09:00-17:00') });
    expect(recheckAt([kiran], utc(2026, 3, 9, 12))).toBe(utc(2026, 3, 10, 3, 30));
  });

  it('over a weekend, a lead held on Friday evening waits for Monday 09:00 (13:00 UTC in New York)', () => {
    const ava = rep('ava', { timezone: 'America/New_York', workingHours: weekdays('09:00-17:00') });
    // Friday 18:00 EDT.
    expect(recheckAt([ava], utc(2026, 3, 13, 22))).toBe(utc(2026, 3, 16, 13));
  });

  it('hours that start at a non-whole hour are waited for to the minute: 08:30 in Berlin is 07:30 UTC', () => {
    const early = rep('eli', { timezone: 'Europe/Berlin', workingHours: weekdays('08:30-17:00') });
    // Wednesday 06:00 in Berlin.
    expect(recheckAt([early], utc(2026, 3, 11, 5))).toBe(utc(2026, 3, 11, 7, 30));
  });

  it('over a lunch break the lead waits for the afternoon span', () => {
    const lou = rep('lou', { timezone: 'Europe/Berlin', workingHours: weekdays('09:00-12:00', '13:00-17:00') });
    // Wednesday 12:30 in Berlin; the afternoon starts at 13:00 (12:00 UTC).
    expect(recheckAt([lou], utc(2026, 3, 11, 11, 30))).toBe(utc(2026, 3, 11, 12));
  });

  it('for an overnight shift the lead waits for the evening it starts', () => {
    const nia = rep('nia', { workingHours: { wed: ['22:00-06:00'] } });
    expect(recheckAt([nia], NOW)).toBe(utc(2026, 3, 11, 22));
  });

  it('a rep whose week has no hours is never waited for', () => {
    expect(recheckAt([rep('never', { workingHours: { mon: [] } })], NOW)).toBeNull();
  });
});

describe('across daylight saving time switches', () => {
  const ava = rep('ava', { timezone: 'America/New_York', workingHours: everyDay('09:00-17:00') });
  const bea = rep('bea', { timezone: 'Europe/Berlin', workingHours: weekdays('09:00-17:00') });

  it('in New York on the night before the spring switch, the lead waits for 09:00 EDT on Sunday (13:00 UTC)', () => {
    // Saturday 22:00 EST.
    expect(recheckAt([ava], utc(2026, 3, 8, 3))).toBe(utc(2026, 3, 8, 13));
  });

  it('in New York on the evening of the spring switch, the lead waits for 09:00 EDT on Monday (13:00 UTC)', () => {
    // Sunday 19:00 EDT.
    expect(recheckAt([ava], utc(2026, 3, 8, 23))).toBe(utc(2026, 3, 9, 13));
  });

  it('in New York on the night before the autumn switch, the lead waits for 09:00 EST on Sunday (14:00 UTC)', () => {
    // Saturday 22:00 EDT.
    expect(recheckAt([ava], utc(2026, 11, 1, 2))).toBe(utc(2026, 11, 1, 14));
  });

  it('in New York on the evening of the autumn switch, the lead waits for 09:00 EST on Monday (14:00 UTC)', () => {
    // Sunday 19:00 EST.
    expect(recheckAt([ava], utc(2026, 11, 2, 0))).toBe(utc(2026, 11, 2, 14));
  });

  it('in Berlin over the spring-switch weekend, a Friday evening lead waits for 09:00 CEST on Monday (07:00 UTC)', () => {
    // Friday 19:00 CET.
    expect(recheckAt([bea], utc(2026, 3, 27, 18))).toBe(utc(2026, 3, 30, 7));
  });

  it('in Berlin over the autumn-switch weekend, a Friday evening lead waits for 09:00 CET on Monday (08:00 UTC)', () => {
    // Friday 19:00 CEST.
    expect(recheckAt([bea], utc(2026, 10, 23, 17))).toBe(utc(2026, 10, 26, 8));
  });
});

describe('a lead held for a rep out of office', () => {
  it('is rechecked when the absence ends', () => {
    const ava = rep('ava', { outOfOffice: { from: '2026-03-09T00:00:00Z', until: '2026-03-13T00:00:00Z' } });
    expect(recheckAt([ava], NOW)).toBe(utc(2026, 3, 13, 0));
  });

  it('an absence that ends at night is followed by the rep\'s next working hours', () => {
    // Back at 21:00 on Thursday in Berlin, at work from 09:00 on Friday (08:00 UTC).
    const outOfOffice = { from: '2026-03-09T00:00:00Z', until: '2026-03-12T20:00:00Z' };
    const bea = rep('bea', { timezone: 'Europe/Berlin', workingHours: weekdays('09:00-17:00'), outOfOffice });
    expect(recheckAt([bea], NOW)).toBe(utc(2026, 3, 13, 8));
  });

  it('hours that begin during an absence still to come are waited out: the rep is back when both allow', () => {
    // Outside hours on Friday evening; away from Monday 00:00 to 12:00 in Berlin, so back at Monday noon (11:00 UTC).
    const outOfOffice = { from: '2026-03-15T23:00:00Z', until: '2026-03-16T11:00:00Z' };
    const bea = rep('bea', { timezone: 'Europe/Berlin', workingHours: weekdays('09:00-17:00'), outOfOffice });
    expect(recheckAt([bea], utc(2026, 3, 13, 18))).toBe(utc(2026, 3, 16, 11));
  });
});

describe('a lead held for a rep at their daily cap', () => {
  const capped = { dailyCap: 2, daily: { date: '2026-03-11', count: 2 } };

  it('is rechecked at the next midnight in the rep\'s zone, when their day starts over (23:00 UTC in Berlin)', () => {
    expect(recheckAt([rep('bea', { timezone: 'Europe/Berlin', ...capped })], NOW)).toBe(utc(2026, 3, 11, 23));
  });

  it('with working hours, is rechecked when the next day\'s hours begin', () => {
    expect(recheckAt([rep('bea', { timezone: 'Europe/Berlin', workingHours: weekdays('09:00-17:00'), ...capped })], NOW)).toBe(utc(2026, 3, 12, 8));
  });

  it('a daily cap of 0 is never waited for', () => {
    expect(recheckAt([rep('zed', { dailyCap: 0 })], NOW)).toBeNull();
  });
});

describe('holds with nothing to wait for', () => {
  it('a rep at capacity sets no recheck: a closed lead frees them, and the service wakes held leads on that', () => {
    const decision = decideFor([rep('ava', { openLeads: 3, maxOpenLeads: 3 })], NOW);
    expect([decision.outcome.type, decision.recheckAt]).toEqual(['hold', null]);
  });

  it('a rep offline when the route requires online sets no recheck', () => {
    const decision = decideFor([rep('ava', { presence: 'away' })], NOW, 'require: { online: true }');
    expect([decision.outcome.type, decision.recheckAt]).toEqual(['hold', null]);
  });

  it('a hold with no recheck leaves it out of the explanation', () => {
    expect(decideFor([rep('ava', { openLeads: 3, maxOpenLeads: 3 })], NOW).explanation).not.toHaveProperty('recheckAt');
  });

  it('a rep at capacity does not hide another who returns with time', () => {
    const people = [rep('ava', { openLeads: 3, maxOpenLeads: 3 }), rep('ben', { workingHours: weekdays('18:00-22:00') })];
    expect(recheckAt(people, NOW)).toBe(utc(2026, 3, 11, 18));
  });

  it('a lead held as unroutable has no recheck', () => {
    const decision = decideFor([rep('ava', { active: false })], NOW);
    expect([decision.outcome, decision.recheckAt]).toEqual([{ type: 'hold', reason: 'unroutable', route: null }, null]);
  });

  it('an offered lead has no recheck', () => {
    expect(recheckAt([rep('ava')], NOW)).toBeNull();
  });
});

describe('holds across routes', () => {
  const people = new Roster(
    [
      rep('ava', { timezone: 'America/New_York', workingHours: weekdays('09:00-17:00') }),
      rep('bea', { timezone: 'Europe/Berlin', workingHours: weekdays('09:00-17:00') }),
    ],
    [team('ny', ['ava']), team('berlin', ['bea'])],
  );
  // Wednesday 22:00 in Berlin, 17:00 in New York: both off.
  const lateWednesday = utc(2026, 3, 11, 21);

  it('a lead held after every route is rechecked when the first rep on any route that matched returns', () => {
    const yaml = 'routes:\n  - name: us\n    assign: { team: ny }\nfallback:\n  assign: { team: berlin }\n';
    expect(decide({ lead: {}, config: config(yaml), roster: people, now: lateWednesday }).recheckAt).toBe(utc(2026, 3, 12, 8));
  });

  it('a lead a route holds for itself is rechecked when that route\'s rep returns', () => {
    const yaml = 'routes:\n  - name: us\n    assign: { team: ny }\n    onNoCandidate: hold\nfallback:\n  assign: { team: berlin }\n';
    expect(decide({ lead: {}, config: config(yaml), roster: people, now: lateWednesday }).recheckAt).toBe(utc(2026, 3, 12, 13));
  });

  it('a route whose condition fails contributes no one to wait for', () => {
    const yaml = 'routes:\n  - name: us\n    when: { country: US }\n    assign: { team: berlin }\nfallback:\n  assign: { team: ny }\n';
    expect(decide({ lead: { country: 'CA' }, config: config(yaml), roster: people, now: lateWednesday }).recheckAt).toBe(utc(2026, 3, 12, 13));
  });
});

/**
 * Random reps in zones with half-hour offsets and offset changes, with random hours (overnight,
 * several spans a day, none at all), absences and daily caps, at random instants, many of them in
 * the week before an offset change. The engine's own eligibility checks each answer: nobody can
 * take the lead before the recheck instant, and someone can at it.
 */
describe('recheck instants (property)', () => {
  const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'America/St_Johns', 'America/Santiago', 'Australia/Lord_Howe'];
  const MINUTE = 60_000;
  const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const span = fc
    .record({ start: fc.integer({ min: 0, max: 1439 }), end: fc.integer({ min: 0, max: 1440 }) })
    .map(({ start, end }) => `${hhmm(start)}-${end === 1440 ? '24:00' : hhmm(end)}`);
  const week = fc.array(fc.array(span, { maxLength: 2 }), { minLength: 7, maxLength: 7 }).map((days): WorkingHours => {
    const hours: WorkingHours = {};
    days.forEach((spans, i) => {
      if (spans.length > 0) hours[WEEKDAYS[i]!] = spans;
    });
    return hours;
  });
  // The 2026 offset changes of those zones: holds in the week before one wait across it.
  const SWITCHES = [
    Date.UTC(2026, 2, 8, 7), // New York, spring (St John's 1h30 earlier)
    Date.UTC(2026, 10, 1, 6), // New York, autumn
    Date.UTC(2026, 2, 29, 1), // Berlin, spring
    Date.UTC(2026, 9, 25, 1), // Berlin, autumn
    Date.UTC(2026, 3, 5, 3), // Santiago, autumn: the hour before midnight repeats
    Date.UTC(2026, 8, 6, 4), // Santiago, spring: midnight is skipped
    Date.UTC(2026, 3, 4, 15), // Lord Howe, autumn: half an hour back
    Date.UTC(2026, 9, 3, 15, 30), // Lord Howe, spring: half an hour on
  ];
  const DAY = 86_400_000;
  const instant = fc.oneof(
    fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
    fc.constantFrom(...SWITCHES).chain((change) => fc.integer({ min: change - 7 * DAY, max: change + DAY })),
  );
  const scenario = fc.record({
    now: instant,
    reps: fc.array(
      fc.record({
        timezone: fc.constantFrom(...ZONES),
        // Hours most of the time; else always at work, or a week without hours.
        hours: fc.oneof({ arbitrary: week, weight: 4 }, { arbitrary: fc.constantFrom<WorkingHours | null>(null, { mon: [] }), weight: 2 }),
        // Minutes from now to the start of an absence, and its length.
        absence: fc.option(fc.record({ from: fc.integer({ min: -4320, max: 4320 }), length: fc.integer({ min: 1, max: 5760 }) }), { nil: null }),
        capped: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });
  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

  /** Reps who are online with no limit on open leads: only timed reasons can keep them away. */
  function people(spec: Scenario): Roster {
    const minuteOfNow = Math.floor(spec.now / MINUTE) * MINUTE;
    const reps = spec.reps.map((r, i) => {
      const today = new Date(new ZoneClock().local(r.timezone, spec.now).day * DAY).toISOString().slice(0, 10);
      const from = minuteOfNow + (r.absence?.from ?? 0) * MINUTE;
      return rep(`r${i}`, {
        timezone: r.timezone,
        workingHours: r.hours,
        outOfOffice: r.absence && { from: new Date(from).toISOString(), until: new Date(from + r.absence.length * MINUTE).toISOString() },
        ...(r.capped && { dailyCap: 1, daily: { date: today, count: 1 } }),
      });
    });
    return new Roster(reps, [team('t', reps.map((r) => r.id))]);
  }
  const at = (roster: Roster, now: number) => decide({ lead: {}, config: teamConfig(), roster, now });

  it('a held lead is still held until its recheck instant, and offered at it', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 1, noNaN: true }), (spec, fraction) => {
        const roster = people(spec);
        const held = at(roster, spec.now);
        if (held.outcome.type !== 'hold' || held.recheckAt === null) return;
        expect(held.recheckAt).toBeGreaterThan(spec.now);
        const between = spec.now + Math.floor((held.recheckAt - spec.now) * fraction);
        const outcomes = [Math.min(between, held.recheckAt - 1), held.recheckAt - 1, held.recheckAt].map((t) => at(roster, t).outcome.type);
        expect(outcomes).toEqual(['hold', 'hold', 'offer']);
      }),
      { numRuns: 400 },
    );
  });

  it('a lead held with no recheck instant is still held more than a week later', () => {
    fc.assert(
      fc.property(scenario, (spec) => {
        const roster = people(spec);
        const held = at(roster, spec.now);
        if (held.outcome.type !== 'hold' || held.recheckAt !== null) return;
        expect(at(roster, spec.now + 8 * DAY).outcome.type).toBe('hold');
      }),
      { numRuns: 200 },
    );
  });
});
