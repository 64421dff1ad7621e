import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide, formatExplanation, loadConfig, type Decision } from '../../src/engine/index.js';
import { decideInSequence, loadExample, outcomeOf, type Expected } from '../support.js';
import { branches, renderPeople, renderRouting } from './generate.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const example = loadExample(dir);
const read = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');

// Tuesday 13:00 New York, 12:00 Chicago, 11:00 Denver and Phoenix, 10:00 Los Angeles: every branch is open.
const WEEKDAY = Date.parse('2026-11-24T18:00:00Z');
// Saturday 12:30 New York, 09:30 Los Angeles: branches open 09:00-13:00, the call center 08:00-18:00, HQ closed.
const SATURDAY_MORNING = Date.parse('2026-11-28T17:30:00Z');
// Saturday 14:30 New York, 11:30 Los Angeles: eastern branches have closed, western ones have not.
const SATURDAY_AFTERNOON = Date.parse('2026-11-28T19:30:00Z');
// Sunday: everything is closed.
const SUNDAY = Date.parse('2026-11-29T18:00:00Z');
// Tuesday 23:00 New York, 20:00 Los Angeles.
const NIGHT = Date.parse('2026-11-25T04:00:00Z');

interface Case {
  /** The lead in leads.csv with this email (or phone, for a lead without email). */
  lead: string;
  why: string;
  expected: Expected;
  at?: number;
  excluded?: string[];
}

const branch = (team: string, rep: string, route = 'local-branch'): Expected => ({ route, offer: rep, team });
const offer = (route: string, rep: string, team: string): Expected => ({ route, offer: rep, team });
const hold = (route: string | null, reason: 'unavailable' | 'unroutable' = 'unavailable'): Expected => ({ route, hold: reason });
const unqualified: Expected = { unqualified: true };

const CASES: Case[] = [
  // local-branch: the branch serving the ZIP prefix, then round robin among its agents.
  { lead: 'megan.obrien@gmail.com', why: '02116 is Boston Central (021)', expected: branch('boston-central', 'aaron.abbott') },
  { lead: 'pat.sullivan@comcast.net', why: 'ZIP+4 02134-1201: the prefix still matches', expected: branch('boston-central', 'aaron.abbott') },
  { lead: 'kwhitman@verizon.net', why: '02458 is Newton & Waltham (024)', expected: branch('boston-newton', 'eli.vaughn') },
  { lead: 'jim.doherty@gmail.com', why: '01945 is the North Shore (019)', expected: branch('boston-north-shore', 'holly.bishop') },
  { lead: 'rachel.stern@gmail.com', why: '10023 is Manhattan (100)', expected: branch('nyc-manhattan', 'jenna.monroe') },
  { lead: 'anil.kapoor@gmail.com', why: '11375 is Queens (113)', expected: branch('nyc-queens', 'paige.underwood') },
  { lead: 'tasha.greene@gmail.com', why: '30308 is Atlanta Intown (303)', expected: branch('atlanta-intown', 'riley.hayes') },
  { lead: 'kevin.shah@gmail.com', why: '33030 is South Dade (330), not Miami Central (331)', expected: branch('miami-south-dade', 'fernanda.flores') },
  { lead: 'tom.kowalczyk@gmail.com', why: '60614 is Chicago City (606)', expected: branch('chicago-city', 'derek.garner') },
  { lead: 'cody.wright@gmail.com', why: '75204 is Dallas (752)', expected: branch('dallas-city', 'holly.sawyer') },
  { lead: 'ashley.nguyen@gmail.com', why: '77005 is Houston (770)', expected: branch('houston-city', 'nina.chandler') },
  { lead: 'emily.larson@gmail.com', why: '80205 is Denver (802)', expected: branch('denver-city', 'tara.kramer') },
  { lead: 'heather.collins@cox.net', why: '85251 is the East Valley (852)', expected: branch('phoenix-east-valley', 'erin.quincy') },
  { lead: 'jason.lee@gmail.com', why: '91367 is the San Fernando Valley (913)', expected: branch('la-san-fernando', 'grant.shepherd') },
  { lead: 'laura.kim@gmail.com', why: 'no phone, but an email and a termite job qualify', expected: branch('la-city', 'dana.norris') },
  // local-spanish: Spanish speakers within the lead's own branch (best match).
  { lead: 'marisol.pena@yahoo.com', why: 'Spanish, Brooklyn: the Brooklyn agent who speaks Spanish', expected: branch('nyc-brooklyn', 'beatriz.benitez', 'local-spanish') },
  { lead: 'rosa.martinez@gmail.com', why: 'Spanish, Miami Central: best match of its two Spanish speakers', expected: branch('miami-central', 'daniela.delgado', 'local-spanish') },
  { lead: 'jose.hernandez@yahoo.com', why: 'Spanish, Fort Worth', expected: branch('dallas-fort-worth', 'natalia.medina', 'local-spanish') },
  { lead: 'sofia.vargas@gmail.com', why: 'Spanish, Los Angeles', expected: branch('la-city', 'daniela.benitez', 'local-spanish') },
  {
    lead: 'carmen.ortiz@gmail.com',
    why: 'Spanish, but Boston Central has no Spanish speaker: its round robin takes it',
    expected: branch('boston-central', 'aaron.abbott'),
  },
  // A branch whose agents cannot take the lead: it waits for that branch, never a neighbouring one.
  { lead: 'skye.anderson@gmail.com', why: "Boulder's two agents are on vacation and at capacity: held for Boulder", expected: hold('local-branch') },
  {
    lead: 'jim.doherty@gmail.com',
    excluded: ['holly.bishop', 'ian.thornton'],
    why: 'both North Shore agents rejected it: nobody there ever can, so the call center takes it',
    expected: offer('fallback', 'marcus.webb', 'call-center'),
  },
  { lead: 'megan.obrien@gmail.com', excluded: ['aaron.abbott'], why: 'Aaron rejected it: the next Boston Central agent', expected: branch('boston-central', 'beth.reyes') },
  // national-accounts: commercial contracts of $10k+, wherever they are (load-balanced).
  { lead: 'gina.russo@bellanottegroup.com', why: '$24k restaurant group: Monica has the lightest load', expected: offer('national-accounts', 'monica.reid', 'national-accounts') },
  { lead: 'neil.foster@musiccityhotels.com', why: 'Nashville has no branch, but national accounts serve it', expected: offer('national-accounts', 'monica.reid', 'national-accounts') },
  { lead: 'olivia@cornerbakeryatl.com', why: 'a $3.5k bakery is commercial but local', expected: branch('atlanta-intown', 'riley.hayes') },
  // fallback: postal codes no branch serves go to the call center (load-balanced).
  { lead: 'hannah.berg@gmail.com', why: 'Seattle: no branch', expected: offer('fallback', 'marcus.webb', 'call-center') },
  { lead: 'dave.pelletier@charter.net', why: 'Worcester 01609: Massachusetts, but no branch serves 016', expected: offer('fallback', 'marcus.webb', 'call-center') },
  { lead: 'amira.haddad@rogers.com', why: 'Toronto: not US', expected: offer('fallback', 'marcus.webb', 'call-center') },
  { lead: '+14045550141', why: 'a phone call with no address: the call center places it', expected: offer('fallback', 'marcus.webb', 'call-center') },
  // unqualified: below 20 points (no phone and no urgent job).
  { lead: 'jenny.walsh@gmail.com', why: 'email only, general pest: 10 points', expected: unqualified },
  { lead: 'mike.torres@yahoo.com', why: 'email only, mosquitoes: 10 points', expected: unqualified },
  // Saturday: branches open 09:00-13:00 local, the call center 08:00-18:00, HQ closed.
  { lead: 'megan.obrien@gmail.com', at: SATURDAY_MORNING, why: 'Saturday morning in Boston: open', expected: branch('boston-central', 'aaron.abbott') },
  { lead: 'hannah.berg@gmail.com', at: SATURDAY_MORNING, why: 'the call center works Saturdays', expected: offer('fallback', 'marcus.webb', 'call-center') },
  { lead: 'gina.russo@bellanottegroup.com', at: SATURDAY_MORNING, why: 'national accounts do not work weekends: held', expected: hold('national-accounts') },
  { lead: 'megan.obrien@gmail.com', at: SATURDAY_AFTERNOON, why: 'Boston closed at 13:00: held for Boston Central', expected: hold('local-branch') },
  { lead: 'jason.lee@gmail.com', at: SATURDAY_AFTERNOON, why: '11:30 in Los Angeles: still open', expected: branch('la-san-fernando', 'grant.shepherd') },
  // Sunday and night: held.
  { lead: 'megan.obrien@gmail.com', at: SUNDAY, why: 'Sunday: held for the branch', expected: hold('local-branch') },
  { lead: 'hannah.berg@gmail.com', at: SUNDAY, why: 'Sunday, out of area: the call center is closed too', expected: hold(null) },
  { lead: 'rosa.martinez@gmail.com', at: NIGHT, why: 'night: the Spanish route has nobody, the branch route holds it', expected: hold('local-branch') },
  { lead: 'gina.russo@bellanottegroup.com', at: NIGHT, why: 'night: held for national accounts', expected: hold('national-accounts') },
];

const pick = (d: Decision) => (d.outcome.type === 'offer' ? d.outcome.repId : d.outcome.type);
const teamOf = (key: string) => example.people.teams.find((t) => t.key === key)!;

describe('franchise example (Sentinel Pest Control)', () => {
  it('the committed YAML files are what generate.ts writes', () => {
    expect(read('routing.yaml')).toBe(renderRouting());
    expect(read('people.yaml')).toBe(renderPeople());
  });

  it('routing.yaml validates against the teams in people.yaml', () => {
    const teams = new Set(example.people.teams.map((t) => t.key));
    expect(loadConfig(read('routing.yaml'), { context: { teams } }).errors).toEqual([]);
  });

  it('has 30 branches under one parent team, each with 2-4 agents and its own ZIP-prefix territory', () => {
    const parent = teamOf('franchise');
    expect(parent.subTeams).toHaveLength(30);
    const territories = example.config.doc.territories;
    const agents = new Set<string>();
    for (const { key } of parent.subTeams) {
      const team = teamOf(key);
      expect(team.members.length).toBeGreaterThanOrEqual(2);
      expect(team.members.length).toBeLessThanOrEqual(4);
      expect(team.territories).toHaveLength(1);
      expect(territories[team.territories[0]!]).toMatchObject({ country: 'US', postalCode: { prefix: expect.stringMatching(/^\d{3}$/) } });
      for (const m of team.members) {
        expect(agents.has(m.repId), `${m.repId} is in two branches`).toBe(false);
        agents.add(m.repId);
      }
    }
    expect(new Set(parent.subTeams.map((s) => teamOf(s.key).territories[0])).size).toBe(30);
  });

  it('every branch gets the leads of its own ZIP prefix', () => {
    for (const b of branches()) {
      const lead = { firstName: 'Test', phone: '+15555550100', country: 'US', postalCode: `${b.zip}42`, product: 'general-pest' };
      const decision = decide({ lead, config: example.config, roster: example.roster, now: WEEKDAY });
      const expected: Expected = b.key === 'denver-boulder' ? hold('local-branch') : branch(b.key, b.agents[0]!.id);
      expect(outcomeOf(decision), `${b.key}\n${formatExplanation(decision).join('\n')}`).toEqual(expected);
      // Only the lead's own branch is considered: the next in line are its other agents.
      expect(decision.ranked.every((id) => b.agents.some((a) => a.id === id))).toBe(true);
    }
  });

  it.each(CASES.map((c) => [`${c.lead}: ${c.why}`, c] as const))('%s', (_name, { lead, at, excluded, expected }) => {
    const decision = decide({ lead: example.lead(lead), config: example.config, roster: example.roster, now: at ?? WEEKDAY, excluded });
    expect(outcomeOf(decision), formatExplanation(decision).join('\n')).toEqual(expected);
  });

  it('leads.csv exercises every route on a weekday', () => {
    const decisions = example.leads.map((lead) => decide({ lead, config: example.config, roster: example.roster, now: WEEKDAY }));
    const routes = new Set(decisions.map((d) => d.route));
    for (const route of [...example.config.routes, example.config.fallback!]) expect(routes).toContain(route.name);
  });

  it('round robin rotates within a branch, and each branch keeps its own rotation', () => {
    const chicago = example.lead('tom.kowalczyk@gmail.com');
    const boston = example.lead('megan.obrien@gmail.com');
    const picks = decideInSequence(example, [chicago, boston, chicago, chicago, boston, chicago, chicago], WEEKDAY).map(pick);
    expect(picks).toEqual(['derek.garner', 'aaron.abbott', 'erin.young', 'aaron.ramsey', 'beth.reyes', 'beth.keller', 'derek.garner']);
  });

  it('explains the branch choice', () => {
    const decision = decide({ lead: example.lead('carmen.ortiz@gmail.com'), config: example.config, roster: example.roster, now: WEEKDAY });
    const text = formatExplanation(decision).join('\n');
    expect(decision.explanation.territories).toEqual(['zip-021']);
    expect(text).toContain('route local-spanish: no-candidate -> team franchise (branch by territory, then best-match, requires languages es)');
    expect(text).toContain('branch boston-central: no eligible member');
    expect(text).toContain('Aaron Abbott (aaron.abbott) [boston-central]: rank 1, score 0.25  <- pick');
  });
});
