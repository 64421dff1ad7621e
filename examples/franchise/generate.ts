/**
 * Generates the franchise example's routing.yaml and people.yaml: 30 branches of Sentinel Pest
 * Control in ten metro areas, each serving one US ZIP-code prefix (3 digits) with its own agents.
 *
 *   npx tsx examples/franchise/generate.ts
 *
 * The output is committed; franchise.test.ts checks it is what this script writes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface BranchSpec {
  slug: string;
  name: string;
  /** The 3-digit ZIP prefix the branch serves. */
  zip: string;
  agents: number;
}

interface Metro {
  slug: string;
  name: string;
  timezone: string;
  /** How many of each branch's agents speak Spanish (the last ones in the branch). */
  spanish: number;
  branches: BranchSpec[];
}

export const METROS: Metro[] = [
  {
    slug: 'boston', name: 'Boston', timezone: 'America/New_York', spanish: 0,
    branches: [
      { slug: 'central', name: 'Boston Central', zip: '021', agents: 4 },
      { slug: 'newton', name: 'Newton & Waltham', zip: '024', agents: 3 },
      { slug: 'north-shore', name: 'North Shore', zip: '019', agents: 2 },
    ],
  },
  {
    slug: 'nyc', name: 'New York', timezone: 'America/New_York', spanish: 1,
    branches: [
      { slug: 'manhattan', name: 'Manhattan', zip: '100', agents: 4 },
      { slug: 'brooklyn', name: 'Brooklyn', zip: '112', agents: 4 },
      { slug: 'queens', name: 'Queens', zip: '113', agents: 3 },
    ],
  },
  {
    slug: 'atlanta', name: 'Atlanta', timezone: 'America/New_York', spanish: 0,
    branches: [
      { slug: 'intown', name: 'Atlanta Intown', zip: '303', agents: 3 },
      { slug: 'north', name: 'North Metro Atlanta', zip: '300', agents: 3 },
      { slug: 'west', name: 'West Metro Atlanta', zip: '301', agents: 2 },
    ],
  },
  {
    slug: 'miami', name: 'Miami', timezone: 'America/New_York', spanish: 2,
    branches: [
      { slug: 'central', name: 'Miami Central', zip: '331', agents: 4 },
      { slug: 'south-dade', name: 'South Dade', zip: '330', agents: 2 },
      { slug: 'fort-lauderdale', name: 'Fort Lauderdale', zip: '333', agents: 3 },
    ],
  },
  {
    slug: 'chicago', name: 'Chicago', timezone: 'America/Chicago', spanish: 0,
    branches: [
      { slug: 'city', name: 'Chicago City', zip: '606', agents: 4 },
      { slug: 'north-shore', name: 'Chicago North Shore', zip: '600', agents: 3 },
      { slug: 'south', name: 'Chicago South Suburbs', zip: '604', agents: 2 },
    ],
  },
  {
    slug: 'dallas', name: 'Dallas–Fort Worth', timezone: 'America/Chicago', spanish: 1,
    branches: [
      { slug: 'city', name: 'Dallas', zip: '752', agents: 3 },
      { slug: 'plano', name: 'Plano & North Dallas', zip: '750', agents: 3 },
      { slug: 'fort-worth', name: 'Fort Worth', zip: '761', agents: 3 },
    ],
  },
  {
    slug: 'houston', name: 'Houston', timezone: 'America/Chicago', spanish: 1,
    branches: [
      { slug: 'city', name: 'Houston', zip: '770', agents: 4 },
      { slug: 'woodlands', name: 'The Woodlands', zip: '773', agents: 2 },
      { slug: 'katy', name: 'Katy & Sugar Land', zip: '774', agents: 3 },
    ],
  },
  {
    slug: 'denver', name: 'Denver', timezone: 'America/Denver', spanish: 0,
    branches: [
      { slug: 'city', name: 'Denver', zip: '802', agents: 3 },
      { slug: 'south', name: 'Denver South Metro', zip: '801', agents: 3 },
      { slug: 'boulder', name: 'Boulder', zip: '803', agents: 2 },
    ],
  },
  {
    slug: 'phoenix', name: 'Phoenix', timezone: 'America/Phoenix', spanish: 1,
    branches: [
      { slug: 'city', name: 'Phoenix', zip: '850', agents: 3 },
      { slug: 'east-valley', name: 'East Valley', zip: '852', agents: 4 },
      { slug: 'west-valley', name: 'West Valley', zip: '853', agents: 2 },
    ],
  },
  {
    slug: 'la', name: 'Los Angeles', timezone: 'America/Los_Angeles', spanish: 1,
    branches: [
      { slug: 'city', name: 'Los Angeles', zip: '900', agents: 4 },
      { slug: 'san-fernando', name: 'San Fernando Valley', zip: '913', agents: 3 },
      { slug: 'san-gabriel', name: 'San Gabriel Valley', zip: '917', agents: 3 },
    ],
  },
];

const FIRST = [
  'Aaron', 'Beth', 'Caleb', 'Dana', 'Eli', 'Fiona', 'Grant', 'Holly', 'Ian', 'Jenna', 'Kyle', 'Laura', 'Mason', 'Nina', 'Owen',
  'Paige', 'Quinn', 'Riley', 'Seth', 'Tara', 'Umar', 'Vera', 'Wes', 'Xena', 'Yusuf', 'Zoe', 'Brandon', 'Chloe', 'Derek', 'Erin',
];
const LAST = [
  'Abbott', 'Baker', 'Carson', 'Dalton', 'Ellis', 'Foster', 'Garner', 'Hayes', 'Irwin', 'Jensen', 'Keller', 'Lawson', 'Monroe',
  'Nash', 'Ortega', 'Porter', 'Quincy', 'Reyes', 'Sawyer', 'Tucker', 'Underwood', 'Vaughn', 'Walsh', 'Young', 'Zimmerman', 'Bishop',
  'Chandler', 'Dixon', 'Emerson', 'Fleming', 'Gibson', 'Harper', 'Ingram', 'Jordan', 'Kramer', 'Lowe', 'Mercer', 'Norris', 'Osborne',
  'Pearson', 'Ramsey', 'Shepherd', 'Thornton', 'Vance', 'Whitaker', 'Yates', 'Archer',
];
const FIRST_ES = ['Alejandro', 'Beatriz', 'Carlos', 'Daniela', 'Eduardo', 'Fernanda', 'Gustavo', 'Isabel', 'Javier', 'Lucía', 'Miguel', 'Natalia', 'Pablo', 'Rosa', 'Sergio'];
const LAST_ES = ['Álvarez', 'Benítez', 'Castro', 'Delgado', 'Estrada', 'Flores', 'Guerrero', 'Herrera', 'Ibarra', 'Jiménez', 'Lozano', 'Medina', 'Navarro', 'Ochoa', 'Peña', 'Quintero', 'Ríos'];

/** Agent exceptions that the tests rely on: Boulder's two agents are both unavailable this week. */
const EXCEPTIONS: Record<string, string> = {
  'denver-boulder/0': 'outOfOffice: { from: "2026-11-23T00:00:00-07:00", until: "2026-11-30T08:00:00-07:00" }',
  'denver-boulder/1': 'openLeads: 15',
};

export interface Agent {
  id: string;
  name: string;
  timezone: string;
  languages: string[];
  extra: string | undefined;
}

export interface Branch {
  key: string;
  name: string;
  zip: string;
  territory: string;
  metro: Metro;
  agents: Agent[];
}

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The 30 branches with their agents; names are drawn deterministically from the lists above. */
export function branches(): Branch[] {
  let general = 0;
  let spanish = 0;
  const ids = new Set<string>();
  const out: Branch[] = [];
  for (const metro of METROS) {
    for (const spec of metro.branches) {
      const key = `${metro.slug}-${spec.slug}`;
      const agents: Agent[] = [];
      for (let i = 0; i < spec.agents; i++) {
        const speaksSpanish = i >= spec.agents - metro.spanish;
        const [first, last] = speaksSpanish
          ? [FIRST_ES[spanish % FIRST_ES.length]!, LAST_ES[spanish++ % LAST_ES.length]!]
          : [FIRST[general % FIRST.length]!, LAST[(general++ * 17) % LAST.length]!];
        const id = ascii(`${first}.${last}`);
        if (ids.has(id)) throw new Error(`duplicate agent id ${id}`);
        ids.add(id);
        agents.push({ id, name: `${first} ${last}`, timezone: metro.timezone, languages: speaksSpanish ? ['en', 'es'] : ['en'], extra: EXCEPTIONS[`${key}/${i}`] });
      }
      out.push({ key, name: `${spec.name} (${spec.zip})`, zip: spec.zip, territory: `zip-${spec.zip}`, metro, agents });
    }
  }
  return out;
}

const HEADER = '# Generated by examples/franchise/generate.ts: edit the script, not this file.\n';

export function renderRouting(list: readonly Branch[] = branches()): string {
  const territories = list.map((b) => `  ${b.territory}: { country: US, postalCode: { prefix: "${b.zip}" } }   # ${b.name.replace(/ \(\d+\)$/, '')}`);
  const served = list.map((b) => b.territory);
  const rows: string[] = [];
  for (let i = 0; i < served.length; i += 10) rows.push(served.slice(i, i + 10).join(', '));
  return `${HEADER}# Sentinel Pest Control: 30 franchise branches, each serving one 3-digit ZIP prefix.
# A lead goes to the branch whose territory holds its postal code, then round robin among
# that branch's agents; large commercial contracts go to national accounts; postal codes no
# branch serves go to the corporate call center.
timezone: America/New_York
scoring:
  rules:
    - when: { phone: { exists: true } }
      points: 20
    - when: { email: { exists: true } }
      points: 10
    - when: { product: [termite, bed-bugs, wildlife] }    # urgent, higher-ticket jobs
      points: 20
    - when: { custom.propertyType: commercial }
      points: 20
    - when: { value: { gte: 1000 } }
      points: 10
  grades: { hot: 60, warm: 40, cold: 20 }
  qualifyAt: 20          # a phone number, or an email and an urgent job: below that, not routed
territories:
${territories.join('\n')}
routes:
  - name: national-accounts
    when: { all: [ { custom.propertyType: commercial }, { value: { gte: 10000 } } ] }
    assign: { team: national-accounts, strategy: load-balanced }
    onNoCandidate: hold
  # &served lists every branch territory; the routes below only take leads a branch serves.
  - name: local-spanish
    when:
      all:
        - { language: es }
        - territory: &served
            [ ${rows.join(',\n              ')} ]
    assign: { team: franchise, branch: { by: territory }, strategy: best-match, require: { languages: [es] } }
  - name: local-branch
    when: { territory: *served }
    assign: { team: franchise, branch: { by: territory }, strategy: round-robin }
    onNoCandidate: hold    # wait for the local branch rather than send the lead elsewhere
fallback:
  assign: { team: call-center, strategy: load-balanced }
offer:
  timeout: 15m
  maxAttempts: 4
  onExhausted: { queue: corporate-dispatch }
sla:
  firstContact: 30m
  onBreach: reassign
notify:
  rep: [sms, email]
  lead: { autoResponse: { channel: sms, template: inspection-booking } }
  managers: [reassigned, sla-breached, unroutable]
`;
}

const BRANCH_HOURS = '{ mon: ["08:00-18:00"], tue: ["08:00-18:00"], wed: ["08:00-18:00"], thu: ["08:00-18:00"], fri: ["08:00-18:00"], sat: ["09:00-13:00"] }';
const HQ_HOURS = '{ mon: ["08:30-17:30"], tue: ["08:30-17:30"], wed: ["08:30-17:30"], thu: ["08:30-17:30"], fri: ["08:30-17:30"] }';
const CALL_CENTER_HOURS = '{ mon: ["07:00-21:00"], tue: ["07:00-21:00"], wed: ["07:00-21:00"], thu: ["07:00-21:00"], fri: ["07:00-21:00"], sat: ["08:00-18:00"] }';

/** Corporate staff in Atlanta: national accounts, the call center for areas no branch serves, and the network manager. */
const CORPORATE = [
  { id: 'renee.holt', name: 'Renée Holt', team: 'manager', hours: HQ_HOURS, extra: 'skills: [management], seniority: 8' },
  { id: 'victor.lane', name: 'Victor Lane', team: 'national-accounts', hours: HQ_HOURS, extra: 'skills: [commercial], seniority: 6, maxOpenLeads: 25, openLeads: 14' },
  { id: 'monica.reid', name: 'Monica Reid', team: 'national-accounts', hours: HQ_HOURS, extra: 'skills: [commercial], seniority: 5, maxOpenLeads: 25, openLeads: 9' },
  { id: 'tyrone.banks', name: 'Tyrone Banks', team: 'national-accounts', hours: HQ_HOURS, extra: 'skills: [commercial], seniority: 4, maxOpenLeads: 25, openLeads: 17' },
  { id: 'gloria.pham', name: 'Gloria Pham', team: 'call-center', hours: CALL_CENTER_HOURS, extra: 'maxOpenLeads: 60, openLeads: 31' },
  { id: 'marcus.webb', name: 'Marcus Webb', team: 'call-center', hours: CALL_CENTER_HOURS, extra: 'maxOpenLeads: 60, openLeads: 22' },
  { id: 'elena.cruz', name: 'Elena Cruz', team: 'call-center', hours: CALL_CENTER_HOURS, extra: 'languages: [en, es], maxOpenLeads: 60, openLeads: 27' },
  { id: 'sam.kowalski', name: 'Sam Kowalski', team: 'call-center', hours: CALL_CENTER_HOURS, extra: 'maxOpenLeads: 60, openLeads: 40' },
];

export function renderPeople(list: readonly Branch[] = branches()): string {
  const lines = [
    HEADER.trimEnd(),
    '# Sentinel Pest Control: branch agents (working hours local to the branch: weekdays',
    '# 08:00-18:00, Saturdays 09:00-13:00) and corporate staff in Atlanta.',
    'reps:',
    '  # Corporate, Atlanta',
  ];
  // Each set of hours is written once with an anchor and referred to by alias after that.
  const anchored = new Set<string>();
  const hours = (anchor: string, text: string) => (anchored.has(anchor) ? `*${anchor}` : (anchored.add(anchor), `&${anchor} ${text}`));
  for (const c of CORPORATE) {
    lines.push(`  - { id: ${c.id}, name: ${c.name}, email: ${c.id}@sentinelpest.example, timezone: America/New_York,`);
    lines.push(`      workingHours: ${hours(c.team === 'call-center' ? 'callCenterHours' : 'hqHours', c.hours)}, ${c.extra} }`);
  }
  lines.push(`  # Branch agents`);
  for (const b of list) {
    lines.push(`  # ${b.name}`);
    for (const a of b.agents) {
      const extra = a.extra ? `, ${a.extra}` : '';
      lines.push(`  - { id: ${a.id}, name: ${a.name}, email: ${a.id}@sentinelpest.example, timezone: ${a.timezone}, workingHours: ${hours('branchHours', BRANCH_HOURS)},`);
      lines.push(`      languages: [${a.languages.join(', ')}], skills: [residential], maxOpenLeads: 15${extra} }`);
    }
  }
  lines.push('teams:');
  lines.push('  - key: franchise');
  lines.push('    name: Sentinel franchise network');
  lines.push('    managerIds: [renee.holt]');
  lines.push('    subTeams:');
  for (const b of list) lines.push(`      - { key: ${b.key} }`);
  for (const b of list) {
    lines.push(`  - key: ${b.key}`);
    lines.push(`    name: ${b.name}`);
    lines.push(`    territories: [${b.territory}]`);
    lines.push(`    members: [${b.agents.map((a) => `{ repId: ${a.id} }`).join(', ')}]`);
    lines.push(`    managerIds: [renee.holt]`);
  }
  for (const [key, name] of [['national-accounts', 'National accounts'], ['call-center', 'Corporate call center']] as const) {
    lines.push(`  - key: ${key}`);
    lines.push(`    name: ${name}`);
    lines.push(`    members: [${CORPORATE.filter((c) => c.team === key).map((c) => `{ repId: ${c.id} }`).join(', ')}]`);
    lines.push(`    managerIds: [renee.holt]`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const list = branches();
  writeFileSync(new URL('routing.yaml', import.meta.url), renderRouting(list));
  writeFileSync(new URL('people.yaml', import.meta.url), renderPeople(list));
  console.log(`wrote routing.yaml and people.yaml: ${list.length} branches, ${list.reduce((n, b) => n + b.agents.length, 0)} agents`);
}
