import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide, formatExplanation, loadConfig } from '../../src/engine/index.js';
import { decideInSequence, loadExample, matchAccount, outcomeOf, type Account, type Expected } from '../support.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const example = loadExample(dir);

// Tuesday 13:00 in New York, 12:00 Chicago, 11:00 Denver, 10:00 Los Angeles: everyone works 09:00-17:00 local.
const WEEKDAY = Date.parse('2026-11-24T18:00:00Z');
// Tuesday 18:30 in New York, 16:30 Denver, 15:30 Los Angeles: the east has gone home, the west has not.
const EVENING = Date.parse('2026-11-24T23:30:00Z');
// Tuesday 22:00 in New York, 19:00 Los Angeles: nobody works.
const NIGHT = Date.parse('2026-11-25T03:00:00Z');
// Saturday 11:00 in New York: nobody works weekends.
const SATURDAY = Date.parse('2026-11-28T16:00:00Z');

/** Accounts in the CRM, matched by email domain before routing (PRODUCT.md §2). Liam has left the company. */
const ACCOUNTS: Account[] = [
  { id: 'acc-northwind', domain: 'northwindfreight.com', ownerId: 'ben' },
  { id: 'acc-lakeshore', domain: 'lakeshoremed.org', ownerId: 'ava' },
  { id: 'acc-brightwater', domain: 'brightwaterfoods.com', ownerId: 'liam' },
];

interface Case {
  /** The lead in leads.csv with this email. */
  email: string;
  why: string;
  expected: Expected;
  at?: number;
  /** Reps who already rejected the lead or let the offer expire. */
  excluded?: string[];
}

const offer = (route: string, rep: string, team: string | null = null): Expected => ({ route, offer: rep, team });
const queue = (route: string | null, name: string): Expected => ({ route, queue: name });
const held: Expected = { route: null, hold: 'unavailable' };
const unqualified: Expected = { unqualified: true };

const CASES: Case[] = [
  // existing-account: the account owner, when the lead's company is a known account.
  { email: 'marcus.bell@northwindfreight.com', why: "Northwind is Ben's account, ahead of the enterprise route", expected: offer('existing-account', 'ben') },
  { email: 'priya.raman@lakeshoremed.org', why: "Lakeshore Medical is Ava's account", expected: offer('existing-account', 'ava') },
  {
    email: 't.reilly@brightwaterfoods.com',
    why: "Brightwater's owner Liam is inactive: falls through to the enterprise desk",
    expected: offer('enterprise', 'chloe', 'enterprise'),
  },
  // enterprise: US and value >= 50,000; performance picks the best smoothed conversion rate.
  {
    email: 'sandra.kim@meridianbuilders.com',
    why: 'US $150k: Chloe (2 won of 3, smoothed to 0.43) beats Ava (42 of 100) and Ben (30 of 100)',
    expected: offer('enterprise', 'chloe', 'enterprise'),
  },
  {
    email: 'owen.fletcher@pacificcrestlabs.com',
    why: 'a $64k health lead in California is enterprise first: routes are tried in order',
    expected: offer('enterprise', 'chloe', 'enterprise'),
  },
  {
    email: 'sandra.kim@meridianbuilders.com',
    excluded: ['chloe'],
    why: 'Chloe rejected it: the next best performer gets the offer',
    expected: offer('enterprise', 'ava', 'enterprise'),
  },
  {
    email: 'oliver.hughes@thamesgatelogistics.co.uk',
    why: '$200k but in GB: enterprise is US only, so the fallback takes it',
    expected: offer('fallback', 'hannah', 'inbound'),
  },
  // west-health: territory west (CA, OR, WA, NV, AZ) and product health; weighted round robin (Emma weight 2).
  { email: 'emily.carter@gmail.com', why: 'Los Angeles health lead: Emma leads the rotation with weight 2', expected: offer('west-health', 'emma', 'west') },
  { email: 'sam.ortiz@gmail.com', why: 'Phoenix is in the west territory too', expected: offer('west-health', 'emma', 'west') },
  {
    email: 'jorge.castillo@gmail.com',
    why: 'Spanish-speaking, but west-health comes before spanish-speakers',
    expected: offer('west-health', 'emma', 'west'),
  },
  { email: 'kevin.tran@gmail.com', why: 'west but auto, not health: fallback', expected: offer('fallback', 'hannah', 'inbound') },
  // spanish-speakers: best match among the inbound reps who speak Spanish (skill match, performance, load).
  { email: 'maria.gonzalez@gmail.com', why: 'Spanish, auto: Diego speaks Spanish and sells auto', expected: offer('spanish-speakers', 'diego', 'inbound') },
  { email: 'aruiz@correo.mx', why: 'Spanish, life: Isabel sells life and converts best', expected: offer('spanish-speakers', 'isabel', 'inbound') },
  { email: 'lucia.fernandez@gmail.com', why: 'Spanish, home: Gabriel sells home', expected: offer('spanish-speakers', 'gabriel', 'inbound') },
  {
    email: 'carmen.vega@yahoo.com',
    why: 'a Spanish-speaking partner lead: spanish-speakers comes before partners',
    expected: offer('spanish-speakers', 'isabel', 'inbound'),
  },
  // partners: source partner goes to the partners queue, pulled by whoever is ready.
  { email: 'brian.walsh@walshroofing.com', why: 'partner referral from New Jersey', expected: queue('partners', 'partners') },
  { email: 'lucas.meyer@rheinwerk-gmbh.de', why: '$75k partner lead from Germany: not US, so not enterprise', expected: queue('partners', 'partners') },
  { email: 'frank.dubois@lyonassur.fr', why: 'partner broker in France', expected: queue('partners', 'partners') },
  // fallback: inbound team, load-balanced (Hannah has 6 of 30 open, the lowest load).
  { email: 'james.porter@gmail.com', why: 'Philadelphia auto lead: least loaded inbound rep', expected: offer('fallback', 'hannah', 'inbound') },
  { email: 'isla.murphy@gmail.com', why: 'Dublin life lead: no route matches, fallback', expected: offer('fallback', 'hannah', 'inbound') },
  // unqualified: score below qualifyAt 10 (no phone, not a referral or partner, under $50k).
  { email: 'ethan.cole@gmail.com', why: 'no phone, $800, from Facebook: score 0', expected: unqualified },
  { email: 'liam.foster@gmail.com', why: '$45k from an event but no phone: score 0', expected: unqualified },
  { email: 'chloe.adams@gmail.com', why: 'no phone: score 0', expected: unqualified },
  // The evening: the east coast has gone home, Denver and Los Angeles have not.
  {
    email: 'marcus.bell@northwindfreight.com',
    at: EVENING,
    why: 'Ben and the enterprise desk are off: it falls through to the least loaded inbound rep still working',
    expected: offer('fallback', 'diego', 'inbound'),
  },
  { email: 'emily.carter@gmail.com', at: EVENING, why: 'the west team is still at work', expected: offer('west-health', 'emma', 'west') },
  // Night and weekend: nobody is in working hours, so leads wait (held), queues still take theirs.
  { email: 'sandra.kim@meridianbuilders.com', at: NIGHT, why: 'enterprise lead at 22:00: held until morning', expected: held },
  { email: 'emily.carter@gmail.com', at: NIGHT, why: 'west-health lead at 19:00 Pacific: held', expected: held },
  { email: 'lucas.meyer@rheinwerk-gmbh.de', at: NIGHT, why: 'a queue needs nobody available: queued at night too', expected: queue('partners', 'partners') },
  { email: 'ethan.cole@gmail.com', at: NIGHT, why: 'unqualified whatever the hour', expected: unqualified },
  { email: 'marcus.bell@northwindfreight.com', at: SATURDAY, why: "Ben's account on a Saturday: held", expected: held },
  { email: 'maria.gonzalez@gmail.com', at: SATURDAY, why: 'Spanish lead on a Saturday: held', expected: held },
  // After maxAttempts (3) offers the lead goes to the onExhausted queue.
  {
    email: 'sandra.kim@meridianbuilders.com',
    excluded: ['chloe', 'ava', 'ben'],
    why: 'three offers rejected or expired: the managers queue',
    expected: queue(null, 'managers'),
  },
];

describe('insurance example (Summit Mutual)', () => {
  it('routing.yaml validates against the teams in people.yaml', () => {
    const teams = new Set(example.people.teams.map((t) => t.key));
    const result = loadConfig(readFileSync(new URL('routing.yaml', import.meta.url), 'utf8'), { context: { teams } });
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each(CASES.map((c) => [`${c.email}: ${c.why}`, c] as const))('%s', (_name, { email, at, excluded, expected }) => {
    const lead = matchAccount(example.lead(email), ACCOUNTS);
    const decision = decide({ lead, config: example.config, roster: example.roster, now: at ?? WEEKDAY, excluded });
    expect(outcomeOf(decision), formatExplanation(decision).join('\n')).toEqual(expected);
  });

  it('leads.csv exercises every route on a weekday', () => {
    const decisions = example.leads.map((lead) =>
      decide({ lead: matchAccount(lead, ACCOUNTS), config: example.config, roster: example.roster, now: WEEKDAY }),
    );
    const routes = new Set(decisions.map((d) => d.route));
    for (const route of [...example.config.routes, example.config.fallback!]) expect(routes).toContain(route.name);
    expect(decisions.filter((d) => d.outcome.type === 'unqualified')).toHaveLength(5);
    expect(decisions.every((d) => d.outcome.type !== 'hold')).toBe(true);
  });

  it('west-health rotates by weight: Emma (weight 2) gets half, Diego and Farah a quarter each', () => {
    const leads = Array.from({ length: 8 }, () => example.lead('emily.carter@gmail.com'));
    const picks = decideInSequence(example, leads, WEEKDAY).map((d) => (d.outcome.type === 'offer' ? d.outcome.repId : d.outcome.type));
    expect(picks).toEqual(['emma', 'diego', 'farah', 'emma', 'emma', 'diego', 'farah', 'emma']);
  });

  it('enterprise performance caps the top performer at half of the recent leads', () => {
    // Early in a run one more lead would put anyone over half, so the desk takes turns by rate.
    const leads = Array.from({ length: 6 }, () => example.lead('sandra.kim@meridianbuilders.com'));
    const picks = decideInSequence(example, leads, WEEKDAY).map((d) => (d.outcome.type === 'offer' ? d.outcome.repId : d.outcome.type));
    expect(picks).toEqual(['chloe', 'ava', 'ben', 'chloe', 'ava', 'ben']);
  });

  it('explains a hold: every candidate is outside working hours', () => {
    const decision = decide({ lead: example.lead('sandra.kim@meridianbuilders.com'), config: example.config, roster: example.roster, now: NIGHT });
    const text = formatExplanation(decision).join('\n');
    expect(text).toContain('Held until someone eligible is available');
    expect(text).toContain('Chloe Martin (chloe): excluded: outside working hours (tue 21:00 America/Chicago)');
  });
});
