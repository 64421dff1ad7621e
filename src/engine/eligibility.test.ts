import { describe, expect, it } from 'vitest';
import { decide, exclusionText, Roster, type Exclusion } from './index.js';
import { candidate, exclusionFor, NOW, rep, team, teamConfig } from './test-support.js';

// NOW is Wednesday 2026-03-11 15:00 UTC.
const WED_NINE_TO_FIVE = { wed: ['09:00-17:00'] };

describe('a rep who can take the lead', () => {
  it('an active rep without limits is eligible', () => {
    expect(exclusionFor(rep('ava'), NOW)).toBeUndefined();
  });

  it('an eligible rep is traced with a rank and a score instead of an exclusion', () => {
    const decision = decide({ lead: {}, config: teamConfig(), roster: new Roster([rep('ava')], [team('t', ['ava'])]), now: NOW });
    expect(candidate(decision, 'ava')).toEqual({ repId: 'ava', name: 'ava', rank: 1, score: expect.any(Number) });
  });
});

describe('availability', () => {
  it('an inactive rep is excluded', () => {
    expect(exclusionFor(rep('ava', { active: false }), NOW)).toEqual({ code: 'inactive' });
  });

  it('a rep out of office is excluded until the end of the absence', () => {
    const outOfOffice = { from: '2026-03-09T00:00:00Z', until: '2026-03-13T00:00:00Z' };
    expect(exclusionFor(rep('ava', { outOfOffice }), NOW)).toEqual({ code: 'out-of-office', until: Date.UTC(2026, 2, 13) });
  });

  it('a rep is back at the instant their absence ends', () => {
    const outOfOffice = { from: '2026-03-09T00:00:00Z', until: '2026-03-11T15:00:00Z' };
    expect(exclusionFor(rep('ava', { outOfOffice }), NOW)).toBeUndefined();
  });

  it('an absence that has not started yet does not exclude', () => {
    const outOfOffice = { from: '2026-03-12T00:00:00Z', until: '2026-03-20T00:00:00Z' };
    expect(exclusionFor(rep('ava', { outOfOffice }), NOW)).toBeUndefined();
  });

  it('a rep inside working hours is eligible', () => {
    expect(exclusionFor(rep('ava', { workingHours: WED_NINE_TO_FIVE }), NOW)).toBeUndefined();
  });

  it('a rep outside working hours is excluded, with the local weekday, minute and zone', () => {
    expect(exclusionFor(rep('ava', { workingHours: WED_NINE_TO_FIVE }), Date.UTC(2026, 2, 11, 18, 0))).toEqual({
      code: 'outside-hours',
      weekday: 2,
      minute: 18 * 60,
      timezone: 'UTC',
    });
  });

  it('a rep outside working hours in their own time zone is excluded (15:00 UTC is midnight in Tokyo)', () => {
    expect(exclusionFor(rep('ava', { timezone: 'Asia/Tokyo', workingHours: WED_NINE_TO_FIVE }), NOW)).toMatchObject({
      code: 'outside-hours',
      weekday: 3,
      minute: 0,
      timezone: 'Asia/Tokyo',
    });
  });

  it('a day missing from working hours is a day off', () => {
    expect(exclusionFor(rep('ava', { workingHours: { mon: ['09:00-17:00'] } }), NOW)?.code).toBe('outside-hours');
  });

  it('a rep without working hours is always working', () => {
    expect(exclusionFor(rep('ava', { workingHours: null }), Date.UTC(2026, 2, 15, 3, 0))).toBeUndefined();
  });

  it('a rep who is not online is excluded when the route requires online', () => {
    expect(exclusionFor(rep('ava', { presence: 'away' }), NOW, 'require: { online: true }')).toEqual({ code: 'offline', presence: 'away' });
  });

  it('a rep who is not online is eligible when the route does not require online', () => {
    expect(exclusionFor(rep('ava', { presence: 'offline' }), NOW)).toBeUndefined();
  });
});

describe('capacity', () => {
  it('a rep whose open leads reached their maximum is excluded', () => {
    expect(exclusionFor(rep('ava', { openLeads: 5, maxOpenLeads: 5 }), NOW)).toEqual({ code: 'at-capacity', open: 5, max: 5 });
  });

  it('a rep one lead below their maximum is eligible', () => {
    expect(exclusionFor(rep('ava', { openLeads: 4, maxOpenLeads: 5 }), NOW)).toBeUndefined();
  });

  it('a rep who reached their daily cap today is excluded', () => {
    expect(exclusionFor(rep('ava', { dailyCap: 3, daily: { date: '2026-03-11', count: 3 } }), NOW)).toEqual({ code: 'daily-cap', count: 3, cap: 3 });
  });

  it('a count from a previous local day does not count', () => {
    expect(exclusionFor(rep('ava', { dailyCap: 3, daily: { date: '2026-03-10', count: 3 } }), NOW)).toBeUndefined();
  });

  it('the daily cap counts the rep\'s local day: 05:00 UTC on the 11th is still the 10th in Los Angeles', () => {
    const ava = rep('ava', { timezone: 'America/Los_Angeles', dailyCap: 3, daily: { date: '2026-03-10', count: 3 } });
    expect(exclusionFor(ava, Date.UTC(2026, 2, 11, 5, 0))).toEqual({ code: 'daily-cap', count: 3, cap: 3 });
  });

  it('yesterday\'s count stops counting at local midnight, not at UTC midnight', () => {
    // PDT (UTC-7): local midnight of the 11th is 07:00 UTC.
    const ava = rep('ava', { timezone: 'America/Los_Angeles', dailyCap: 3, daily: { date: '2026-03-10', count: 3 } });
    expect([exclusionFor(ava, Date.UTC(2026, 2, 11, 6, 59))?.code, exclusionFor(ava, Date.UTC(2026, 2, 11, 7, 0))]).toEqual(['daily-cap', undefined]);
  });
});

describe('requirements', () => {
  it('a rep missing a required language is excluded, naming it', () => {
    expect(exclusionFor(rep('ava', { languages: ['en'] }), NOW, 'require: { languages: [es, en] }')).toEqual({ code: 'missing-language', missing: ['es'] });
  });

  it('languages compare ignoring case', () => {
    expect(exclusionFor(rep('ava', { languages: ['ES'] }), NOW, 'require: { languages: [es] }')).toBeUndefined();
  });

  it('a rep missing a required skill is excluded, naming it', () => {
    expect(exclusionFor(rep('ava', { skills: ['auto'] }), NOW, 'require: { skills: [health] }')).toEqual({ code: 'missing-skill', missing: ['health'] });
  });

  it('a rep below the required seniority is excluded', () => {
    expect(exclusionFor(rep('ava', { seniority: 2 }), NOW, 'require: { seniority: 3 }')).toEqual({ code: 'seniority', has: 2, needs: 3 });
  });

  it('a rep at the required seniority is eligible', () => {
    expect(exclusionFor(rep('ava', { seniority: 3 }), NOW, 'require: { seniority: 3 }')).toBeUndefined();
  });
});

describe('history', () => {
  it('a rep who already rejected or let the lead expire is excluded', () => {
    expect(exclusionFor(rep('ava'), NOW, '', { excluded: ['ava'], attempts: 1 })).toEqual({ code: 'already-tried' });
  });
});

describe('which reason is reported', () => {
  it('a reason that holds for this lead is reported before one that passes with time', () => {
    const away = rep('ava', { languages: ['en'], outOfOffice: { from: '2026-03-01T00:00:00Z', until: '2026-04-01T00:00:00Z' } });
    expect(exclusionFor(away, NOW, 'require: { languages: [es] }')?.code).toBe('missing-language');
  });
});

describe('exclusions in words', () => {
  const cases: [Exclusion, string][] = [
    [{ code: 'inactive' }, 'inactive'],
    [{ code: 'out-of-office', until: Date.UTC(2026, 2, 13) }, 'out of office until 2026-03-13T00:00:00.000Z'],
    [{ code: 'outside-hours', weekday: 2, minute: 18 * 60 + 5, timezone: 'UTC' }, 'outside working hours (wed 18:05 UTC)'],
    [{ code: 'offline', presence: 'away' }, 'presence away, route requires online'],
    [{ code: 'at-capacity', open: 5, max: 5 }, 'at capacity (5/5 open leads)'],
    [{ code: 'daily-cap', count: 3, cap: 3 }, 'daily cap reached (3/3 today)'],
    [{ code: 'missing-language', missing: ['es'] }, 'does not speak es'],
    [{ code: 'missing-skill', missing: ['health'] }, 'lacks skill health'],
    [{ code: 'seniority', has: 2, needs: 3 }, 'seniority 2 below 3'],
    [{ code: 'already-tried' }, 'already rejected or let this lead expire'],
  ];
  it.each(cases)('%j reads "%s"', (exclusion, text) => {
    expect(exclusionText(exclusion)).toBe(text);
  });
});
