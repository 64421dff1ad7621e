import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../test/cli-support.js';

const PEOPLE = `
reps:
  - { id: ann, name: Ann Archer, timezone: America/New_York, languages: [en, es] }
  - { id: bob, name: Bob Baker, timezone: America/New_York }
  - { id: cat, name: Cat Cole, timezone: America/New_York, maxOpenLeads: 10 }
  - { id: dan, name: Dan Diaz, timezone: America/New_York, maxOpenLeads: 10 }
  - { id: eve, name: Eve Evans, timezone: America/Los_Angeles,
      workingHours: { tue: ["09:00-17:00"] } }
teams:
  - { key: west, name: West, members: [{ repId: ann, weight: 2 }, { repId: bob }] }
  - { key: inbound, name: Inbound, members: [{ repId: cat }, { repId: dan }] }
  - { key: late, name: Late, members: [{ repId: eve }] }
`;

const ROUTING = `
timezone: America/New_York
scoring:
  rules:
    - when: { phone: { exists: true } }
      points: 10
  qualifyAt: 10
routes:
  - name: rich
    when: { custom.income: { gte: 100000 } }
    assign: { queue: vip }
  - name: west-rr
    when: { region: [CA, OR] }
    assign: { team: west, strategy: round-robin }
  - name: pacific
    when: { region: WA }
    assign: { team: late }
    onNoCandidate: hold
fallback:
  assign: { team: inbound, strategy: load-balanced }
`;

const LEADS_CSV = [
  'firstName,lastName,email,phone,region,value,custom.income',
  'Al,One,al@example.com,+1,CA,100,',
  'Bo,Two,bo@example.com,+1,OR,200,',
  'Cy,Three,cy@example.com,+1,CA,300,',
  'Di,Four,di@example.com,+1,TX,400,',
  'Ed,Five,ed@example.com,+1,TX,500,',
  'Fa,Six,fa@example.com,+1,TX,600,',
  'Gu,Seven,gu@example.com,+1,TX,700,',
  'Ha,Eight,ha@example.com,,TX,800,',
  'Io,Nine,io@example.com,+1,TX,900,250000',
  'Jo,Ten,jo@example.com,+1,WA,1000,',
].join('\n');

const AT = '2026-11-24T15:00:00Z'; // Tuesday 10:00 in New York, 07:00 in Los Angeles

let dir: ReturnType<typeof tempDir>;
let files: { config: string; people: string; leads: string };
beforeEach(() => {
  dir = tempDir();
  files = { config: dir.write('routing.yaml', ROUTING), people: dir.write('people.yaml', PEOPLE), leads: dir.write('leads.csv', LEADS_CSV) };
});
afterEach(() => dir.cleanup());

const simulate = (...extra: string[]) =>
  runCli(['simulate', '--config', files.config, '--people', files.people, '--leads', files.leads, ...extra]);

describe('simulate', () => {
  it('prints one line per lead, the instant used, totals and a distribution summary', async () => {
    const { code, stdout, stderr } = await simulate('--at', AT);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`at 2026-11-24T15:00:00Z (Tue 2026-11-24 10:00 EST, America/New_York)`);
    const lines = stdout.split('\n');
    // Weighted round robin: Ann (weight 2) takes two of the three west leads, Bob one.
    expect(lines).toContainEqual(expect.stringMatching(/^ 1\. Al One <al@example\.com> +-> offered to Ann Archer \(west\) {2}\[route west-rr\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ 2\. Bo Two .*-> offered to Bob Baker \(west\) {2}\[route west-rr\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ 3\. Cy Three .*-> offered to Ann Archer \(west\) {2}\[route west-rr\]$/));
    // Load-balanced: each offer adds an open lead, so the four TX leads alternate.
    expect(lines.filter((l) => /-> offered to (Cat Cole|Dan Diaz) \(inbound\)/.test(l))).toHaveLength(4);
    expect(lines).toContainEqual(expect.stringMatching(/^ 8\. Ha Eight .*-> unqualified \(score 0\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ 9\. Io Nine .*-> queued in vip {2}\[route rich\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^10\. Jo Ten .*-> held until someone eligible is available {2}\[route pacific\]$/));
    expect(stdout).toContain('10 leads: 7 offered, 1 queued (vip 1), 1 held for availability, 1 unqualified');

    expect(stdout).toContain('Distribution of offers, per route and team:');
    expect(lines).toContainEqual(expect.stringMatching(/^ +route +strategy +team +rep +leads +share +intended$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ +west-rr +round-robin +west +Ann Archer +2 +67% +67%$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ +west-rr +round-robin +west +Bob Baker +1 +33% +33%$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ +fallback +load-balanced +inbound +Cat Cole +2 +50% +-$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ +fallback +load-balanced +inbound +Dan Diaz +2 +50% +-$/));
  });

  it('with --explain prints each decision\'s explanation', async () => {
    const { code, stdout } = await simulate('--at', AT, '--explain');
    expect(code).toBe(0);
    expect(stdout).toContain('Offered to Ann Archer (west) by route west-rr');
    expect(stdout).toContain('route rich: no match (custom.income >= 100000 is false)');
    expect(stdout).toMatch(/Ann Archer \(ann\): rank 1, score [\d.]+ +<- pick/);
    expect(stdout).toContain('Eve Evans (eve): excluded: outside working hours (tue 07:00 America/Los_Angeles)');
  });

  it('with --json prints the decisions, feeding each one\'s state into the next', async () => {
    const { code, stdout } = await simulate('--at', AT, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      at: string;
      decisions: { label: string; route: string | null; outcome: { type: string; repId?: string }; stateChanges: { scope: string }[] }[];
      distribution: { rep: string; leads: number }[];
    };
    expect(out.at).toBe('2026-11-24T15:00:00Z');
    expect(out.decisions).toHaveLength(10);
    expect(out.decisions.slice(0, 3).map((d) => d.outcome.repId)).toEqual(['ann', 'bob', 'ann']);
    expect(out.decisions[0]!.stateChanges[0]!.scope).toBe('round-robin:west');
    expect(out.decisions[0]!.label).toBe('Al One <al@example.com>');
    expect(out.distribution.find((r) => r.rep === 'Ann Archer')?.leads).toBe(2);
  });

  it('without --at decides at the current time and says so', async () => {
    const { code, stdout } = await runCli(
      ['simulate', '--config', files.config, '--people', files.people, '--leads', files.leads],
      Date.parse('2026-11-28T12:00:00Z'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('at 2026-11-28T12:00:00Z (Sat 2026-11-28 07:00 EST, America/New_York), the current time; pass --at to choose');
  });

  it('reads JSON leads too', async () => {
    files.leads = dir.write('leads.json', JSON.stringify([{ firstName: 'Al', phone: '+1', region: 'CA', value: '100' }, { email: 'x@example.com', phone: 1 }]));
    const { code, stdout } = await simulate('--at', AT);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1\. Al +-> offered to Ann Archer \(west\)/m);
    expect(stdout).toMatch(/^2\. x@example\.com +-> offered to/m);
  });

  it('rejects bad input with a clear message and exit 1, never a stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['--at', 'tomorrow'], /^error: --at "tomorrow": expected an ISO 8601 instant/],
      [['--at', '2026-11-24T15:00:00'], /^error: --at "2026-11-24T15:00:00": expected an ISO 8601 instant with an offset/],
    ];
    for (const [extra, message] of cases) {
      const r = await simulate(...extra);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
    }

    files.leads = dir.write('bad.csv', 'firstName,value,colour\nAl,abc,red\n');
    let r = await simulate('--at', AT);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('header: unknown column "colour"');

    files.leads = dir.write('bad.csv', 'firstName,value\nAl,10\nBo,abc\n');
    r = await simulate('--at', AT);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('value: expected a number (line 3)');

    files.leads = dir.write('leads.txt', 'x');
    r = await simulate('--at', AT);
    expect(r.stderr).toMatch(/expected a \.csv or \.json file/);

    files.leads = dir.path('missing.csv');
    r = await simulate('--at', AT);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: cannot read leads file "${files.leads}": no such file\n`);

    files.leads = dir.write('leads.csv', LEADS_CSV);
    files.config = dir.write('routing.yaml', 'routes:\n  - name: x\n    assign: { team: nowhere }\n');
    r = await simulate('--at', AT);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('routes[0].assign.team: unknown team "nowhere" (line 3)');

    files.config = dir.write('routing.yaml', ROUTING);
    files.people = dir.write('people.yaml', 'reps: [ { id: ann } ]\n');
    r = await simulate('--at', AT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: people file ".*" is invalid:\n {2}reps\[0\]\.name: .* \(line 1\)$/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
