import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routingJsonSchema } from '../engine/config/json-schema.js';
import { runCli, tempDir } from '../../test/cli-support.js';

const PEOPLE = `
reps:
  - { id: ann, name: Ann Archer, email: ann@example.com }
teams:
  - { key: west, name: West, members: [{ repId: ann }] }
`;

const VALID = `
timezone: America/New_York
territories:
  west: { country: US, region: [CA, OR] }
  nyc: { country: US, postalCode: { prefix: ["100", "112"] } }
routes:
  - name: west
    when: { territory: west }
    assign: { team: west, strategy: round-robin }
  - name: partners
    when: { source: partner }
    assign: { queue: partners }
fallback:
  assign: { team: west }
`;

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('config validate', () => {
  it('exits 0 and prints "valid" with a summary of routes and territories', async () => {
    const file = dir.write('routing.yaml', VALID);
    const { code, stdout, stderr } = await runCli(['config', 'validate', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`valid: ${file}`);
    expect(stdout).toContain('territories (2): west, nyc');
    expect(stdout).toContain('routes (2 + fallback):');
    expect(stdout).toContain('1. west -> team west (round-robin)');
    expect(stdout).toContain('2. partners -> queue partners');
    expect(stdout).toContain('fallback -> team west (round-robin)');
  });

  it('exits 1 and lists every error with its path and line', async () => {
    const file = dir.write(
      'routing.yaml',
      [
        'timezone: Mars/Olympus', // 1
        'territories:', // 2
        '  west: { country: US, region: [CA] }', // 3
        'routes:', // 4
        '  - name: a', // 5
        '    when: { valu: { gte: 5 }, territory: east }', // 6
        '    assign: { team: west }', // 7
        '  - name: a', // 8
        '    when: { email: { regex: "(" } }', // 9
        '    assign: { queue: q }', // 10
      ].join('\n'),
    );
    const { code, stdout, stderr } = await runCli(['config', 'validate', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`${file}: 5 errors`);
    expect(lines.slice(1)).toEqual([
      'timezone: unknown time zone "Mars/Olympus" (expected an IANA name such as America/New_York) (line 1)',
      expect.stringMatching(/^routes\[0\]\.when\.valu: unknown field "valu" .* \(line 6\)$/),
      'routes[0].when.territory: unknown territory "east" (line 6)',
      'routes[1].name: duplicate route name "a" (also routes[0]) (line 8)',
      expect.stringMatching(/^routes\[1\]\.when\.email\.regex: invalid regular expression: .* \(line 9\)$/),
    ]);
  });

  it('reports every schema error too, each with path and line', async () => {
    const file = dir.write(
      'routing.yaml',
      ['routes:', '  - name: a', '    assign: { team: west, strategy: fastest }', 'offer:', '  maxAttempts: 0', 'bogus: 1'].join('\n'),
    );
    const { code, stderr } = await runCli(['config', 'validate', file]);
    expect(code).toBe(1);
    expect(stderr).toContain('routes[0].assign.strategy: expected one of round-robin, load-balanced, performance, best-match, sticky (line 3)');
    expect(stderr).toMatch(/^offer\.maxAttempts: .* \(line 5\)$/m);
    expect(stderr).toContain('(root): unknown key "bogus" (line 1)');
  });

  it('gives YAML syntax errors a line', async () => {
    const file = dir.write('routing.yaml', 'routes: [\n  - name: a\n');
    const { code, stderr } = await runCli(['config', 'validate', file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^\(root\): .+ \(line \d+\)$/m);
  });

  it('with --people, unknown team keys and reps are errors', async () => {
    const people = dir.write('people.yaml', PEOPLE);
    const file = dir.write(
      'routing.yaml',
      ['routes:', '  - name: emea', '    assign: { team: emea }', '  - name: vip', '    assign: { rep: zed }', 'fallback:', '  assign: { rep: ann@example.com }'].join('\n'),
    );
    expect((await runCli(['config', 'validate', file])).code).toBe(0);
    const { code, stderr } = await runCli(['config', 'validate', file, '--people', people]);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n').slice(1)).toEqual([
      'routes[0].assign.team: unknown team "emea" (line 3)',
      'routes[1].assign.rep: unknown rep "zed" (line 5)',
    ]);
  });

  it('says clearly when a file is missing or the people file is invalid, without a stack trace', async () => {
    const missing = await runCli(['config', 'validate', dir.path('nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`error: cannot read routing configuration "${dir.path('nope.yaml')}": no such file\n`);

    const file = dir.write('routing.yaml', VALID);
    const people = dir.write('people.yaml', 'reps:\n  - { id: ann, name: Ann, timezone: Nowhere/Land }\nteams:\n  - { key: west, name: West, members: [{ repId: bob }] }\n');
    const bad = await runCli(['config', 'validate', file, '--people', people]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`error: people file "${people}" is invalid:`);
    expect(bad.stderr).toContain('reps[0].timezone: unknown time zone (expected an IANA name such as Europe/Berlin) (line 2)');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports unknown commands and missing arguments with exit 1', async () => {
    expect((await runCli(['config', 'frobnicate'])).code).toBe(1);
    const r = await runCli(['config', 'validate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("missing required argument 'file'");
  });
});

describe('config schema', () => {
  it('prints the JSON Schema of the routing configuration', async () => {
    const { code, stdout } = await runCli(['config', 'schema']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(routingJsonSchema());
  });
});
