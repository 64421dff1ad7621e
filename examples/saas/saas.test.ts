import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide, formatExplanation, loadConfig, type Decision } from '../../src/engine/index.js';
import { decideInSequence, loadExample, matchAccount, outcomeOf, type Account, type Expected } from '../support.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const example = loadExample(dir);

// Tuesday 11:00 New York, 09:00 Denver, 08:00 Los Angeles, 16:00 Dublin/London, 17:00 Berlin/Paris;
// 03:00 Wednesday in Sydney, 01:00 Tokyo, 00:00 Singapore. AMER and EMEA work, APAC sleeps.
const WEEKDAY = Date.parse('2026-11-24T16:00:00Z');
// Wednesday 12:30 Sydney, 10:30 Tokyo, 09:30 Singapore; Tuesday 20:30 in New York. Only APAC works.
const APAC_DAY = Date.parse('2026-11-25T01:30:00Z');
// Saturday: nobody works.
const SATURDAY = Date.parse('2026-11-28T16:00:00Z');

/** Accounts in the CRM with their owners, matched by email domain before routing. Charlotte is on vacation. */
const ACCOUNTS: Account[] = [
  { id: 'acc-stellar', domain: 'stellarbank.com', ownerId: 'priya' },
  { id: 'acc-globalmart', domain: 'globalmart.com', ownerId: 'james' },
  { id: 'acc-hoffmann', domain: 'hoffmann-automotive.de', ownerId: 'felix' },
  { id: 'acc-brightline', domain: 'brightline.co.uk', ownerId: 'charlotte' },
  { id: 'acc-kaizen', domain: 'kaizen-robotics.jp', ownerId: 'hiro' },
  { id: 'acc-fernwood', domain: 'fernwoodhealth.com', ownerId: 'marco' },
];

interface Case {
  /** The lead in leads.csv with this email. */
  email: string;
  why: string;
  grade: string | null;
  expected: Expected;
  at?: number;
  excluded?: string[];
}

const offer = (route: string, rep: string, team: string | null = null): Expected => ({ route, offer: rep, team });
const queue = (route: string | null, name: string): Expected => ({ route, queue: name });
const hold = (route: string | null): Expected => ({ route, hold: 'unavailable' });
const unqualified: Expected = { unqualified: true };

const CASES: Case[] = [
  // Enterprise (1,000+ employees or $100k+) from a known account: the account owner.
  { email: 'daniel.okoro@stellarbank.com', grade: 'A', why: "Stellar Bank is Priya's account", expected: offer('enterprise-account', 'priya') },
  { email: 'megan.price@globalmart.com', grade: 'A', why: "GlobalMart is James's account", expected: offer('enterprise-account', 'james') },
  { email: 'k.becker@hoffmann-automotive.de', grade: 'A', why: "Hoffmann is Felix's account", expected: offer('enterprise-account', 'felix') },
  {
    email: 'harriet.cole@brightline.co.uk',
    grade: 'A',
    why: "the owner Charlotte is on vacation: EMEA best match, Camille sells analytics",
    expected: offer('enterprise-emea', 'camille', 'ent-emea'),
  },
  {
    email: 'kenji.watanabe@kaizen-robotics.jp',
    grade: 'A',
    why: "Hiro's account, but Tokyo is asleep: held for the APAC team",
    expected: hold('enterprise-apac'),
  },
  { email: 'kenji.watanabe@kaizen-robotics.jp', at: APAC_DAY, grade: 'A', why: 'Tokyo morning: Hiro gets it', expected: offer('enterprise-account', 'hiro') },
  {
    email: 'sam.keller@fernwoodhealth.com',
    grade: 'A',
    why: "Fernwood is Marco's account, but 300 employees and $40k is mid-market: round robin",
    expected: offer('mid-market', 'olivia', 'mid-market'),
  },
  // Enterprise without an account: the enterprise team of the lead's territory.
  { email: 'rstein@cobaltfreight.com', grade: 'A', why: 'Chicago, $120k: AMER round robin', expected: offer('enterprise-amer', 'james', 'ent-amer') },
  {
    email: 'aiden.tremblay@northernhydro.ca',
    grade: 'A',
    why: '$60k but 5,400 employees: enterprise by size; Canada is AMER',
    expected: offer('enterprise-amer', 'james', 'ent-amer'),
  },
  { email: 'anna.schulz@rheinlogistik.de', grade: 'A', why: 'German, workflow: Felix speaks German and sells workflow', expected: offer('enterprise-emea', 'felix', 'ent-emea') },
  { email: 'julien.moreau@maisonlumiere.fr', grade: 'A', why: 'French, analytics: Camille', expected: offer('enterprise-emea', 'camille', 'ent-emea') },
  {
    email: 'tom.whitaker@meridianinsure.co.uk',
    grade: 'A',
    why: 'English, platform: Felix and Camille both sell platform; Camille has the lighter load',
    expected: offer('enterprise-emea', 'camille', 'ent-emea'),
  },
  {
    email: 'tom.whitaker@meridianinsure.co.uk',
    excluded: ['camille'],
    grade: 'A',
    why: 'Camille rejected it: the next best match',
    expected: offer('enterprise-emea', 'felix', 'ent-emea'),
  },
  { email: 'priyanka.iyer@lotusfintech.in', grade: 'A', why: 'Bengaluru at 21:30: APAC is off, held for the APAC team', expected: hold('enterprise-apac') },
  { email: 'priyanka.iyer@lotusfintech.in', at: APAC_DAY, grade: 'A', why: 'APAC day: Mei has the lightest load', expected: offer('enterprise-apac', 'mei', 'ent-apac') },
  { email: 'liam.oconnor@southerncrossbank.com.au', at: APAC_DAY, grade: 'A', why: 'Sydney: load-balanced, Mei again', expected: offer('enterprise-apac', 'mei', 'ent-apac') },
  { email: 'wei.zhang@huaxin-tech.cn', grade: 'A', why: 'enterprise in China, no territory: the sales-ops queue (fallback)', expected: queue('fallback', 'sales-ops') },
  // Public sector: a queue, whatever the size.
  { email: 'karen.mills@it.ohio.example.gov', grade: 'A', why: 'a $250k state government deal still goes to public sector', expected: queue('public-sector', 'public-sector') },
  { email: 'aruiz@lakeside.edu', grade: 'B', why: 'a university', expected: queue('public-sector', 'public-sector') },
  // Self-service: under 50 employees and under $10k.
  { email: 'ben@quillbyte.io', grade: 'B', why: '8-person startup on a trial, founder', expected: queue('self-service', 'self-serve') },
  { email: 'tariq@mintcarts.com', grade: 'C', why: 'self-service is worldwide', expected: queue('self-service', 'self-serve') },
  { email: 'jake.miller@paperlane.co', grade: 'D', why: 'no deal value given, 30 employees', expected: queue('self-service', 'self-serve') },
  // Mid-market: the rest; round robin (see the rotation test below).
  { email: 'jessica.tran@bluepeakhealth.com', grade: 'B', why: '320 employees, $35k', expected: offer('mid-market', 'olivia', 'mid-market') },
  { email: 'hannah.weiss@pixelforge.io', grade: 'A', why: '40 employees but $30k: not self-service', expected: offer('mid-market', 'olivia', 'mid-market') },
  { email: 'greg.holloway@summitdental.com', grade: 'D', why: '$6k but 120 employees: not self-service', expected: offer('mid-market', 'olivia', 'mid-market') },
  { email: 'fatima.haddad@dunecapital.ae', grade: 'D', why: 'company size unknown, $15k', expected: offer('mid-market', 'olivia', 'mid-market') },
  // Unqualified: score below qualifyAt 10.
  { email: 'kevin.park@gmail.com', grade: null, why: 'free-mail address, content download, nothing else: score 0', expected: unqualified },
  { email: 'jordan.blake@stateu.edu', grade: null, why: 'a student: -50', expected: unqualified },
  { email: 'chris.evans@hotmail.com', grade: null, why: 'an intern with a free-mail address', expected: unqualified },
  // Off hours: routes with onNoCandidate: hold keep the lead for their own team.
  { email: 'jessica.tran@bluepeakhealth.com', at: APAC_DAY, grade: 'B', why: 'mid-market at 20:30 New York: held', expected: hold('mid-market') },
  { email: 'anna.schulz@rheinlogistik.de', at: APAC_DAY, grade: 'A', why: 'EMEA at 02:30 Berlin: held', expected: hold('enterprise-emea') },
  { email: 'rstein@cobaltfreight.com', at: SATURDAY, grade: 'A', why: 'enterprise AMER on a Saturday: held', expected: hold('enterprise-amer') },
  { email: 'jessica.tran@bluepeakhealth.com', at: SATURDAY, grade: 'B', why: 'mid-market on a Saturday: held', expected: hold('mid-market') },
  { email: 'ben@quillbyte.io', at: SATURDAY, grade: 'B', why: 'self-service queues at any hour', expected: queue('self-service', 'self-serve') },
];

const pick = (d: Decision) => (d.outcome.type === 'offer' ? d.outcome.repId : d.outcome.type);

describe('saas example (Trellis Cloud)', () => {
  it('routing.yaml validates against the teams in people.yaml', () => {
    const teams = new Set(example.people.teams.map((t) => t.key));
    const text = readFileSync(new URL('routing.yaml', import.meta.url), 'utf8');
    expect(loadConfig(text, { context: { teams } }).errors).toEqual([]);
    const without = loadConfig(text, { context: { teams: new Set([...teams].filter((t) => t !== 'ent-apac')) } });
    expect(without.errors.map((e) => `${e.path}: ${e.message}`)).toEqual(['routes[4].assign.team: unknown team "ent-apac"']);
  });

  it.each(CASES.map((c) => [`${c.email}: ${c.why}`, c] as const))('%s', (_name, { email, at, excluded, grade, expected }) => {
    const lead = matchAccount(example.lead(email), ACCOUNTS);
    const decision = decide({ lead, config: example.config, roster: example.roster, now: at ?? WEEKDAY, excluded });
    const why = formatExplanation(decision).join('\n');
    expect(outcomeOf(decision), why).toEqual(expected);
    expect(decision.grade, why).toBe(grade);
  });

  it('leads.csv exercises every route on a weekday', () => {
    const decisions = example.leads.map((lead) =>
      decide({ lead: matchAccount(lead, ACCOUNTS), config: example.config, roster: example.roster, now: WEEKDAY }),
    );
    const routes = new Set(decisions.map((d) => d.route));
    for (const route of [...example.config.routes, example.config.fallback!]) expect(routes).toContain(route.name);
    expect(decisions.filter((d) => d.outcome.type === 'unqualified')).toHaveLength(4);
  });

  it('mid-market rotates by weight among the reps who are working', () => {
    // Sofia is on vacation and Maya at capacity; Ethan, ramping up, has weight 0.5.
    const leads = Array.from({ length: 70 }, () => example.lead('jessica.tran@bluepeakhealth.com'));
    const picks = decideInSequence(example, leads, WEEKDAY).map(pick);
    expect(picks.slice(0, 7)).toEqual(['olivia', 'noah', 'aoife', 'ethan', 'olivia', 'noah', 'aoife']);
    const counts = Object.fromEntries(['olivia', 'noah', 'aoife', 'ethan', 'sofia', 'maya'].map((id) => [id, picks.filter((p) => p === id).length]));
    expect(counts).toEqual({ olivia: 20, noah: 20, aoife: 20, ethan: 10, sofia: 0, maya: 0 });
  });

  it('enterprise AMER rotates evenly', () => {
    const leads = Array.from({ length: 6 }, () => example.lead('rstein@cobaltfreight.com'));
    expect(decideInSequence(example, leads, WEEKDAY).map(pick)).toEqual(['james', 'priya', 'marco', 'james', 'priya', 'marco']);
  });

  it('explains why the vacationing owner was passed over', () => {
    const lead = matchAccount(example.lead('harriet.cole@brightline.co.uk'), ACCOUNTS);
    const text = formatExplanation(decide({ lead, config: example.config, roster: example.roster, now: WEEKDAY })).join('\n');
    expect(text).toContain('route enterprise-account: no-candidate -> account owner');
    expect(text).toContain('Charlotte Evans (charlotte): excluded: out of office until 2026-11-27T23:59:00.000Z');
  });
});
