import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-support.js';

describe('leadrouter migrate and import', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leadrouter-cli-'));
    env = { LEADROUTER_DATABASE_URL: `sqlite:${join(dir, 'lr.db')}` };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('migrate creates the database and says what it applied', async () => {
    const result = await runCli(['migrate'], undefined, env);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^applied 001-initial(, [\w-]+)*\n$/) });
  });

  it('migrate on an up-to-date database says so', async () => {
    await runCli(['migrate'], undefined, env);
    expect((await runCli(['migrate'], undefined, env)).stdout).toMatch(/up to date/);
  });

  it('import reports what it imported and every rejected row by line, and exits 2', async () => {
    const file = join(dir, 'leads.csv');
    writeFileSync(file, 'first_name,email,phone\nAna,ana@gmail.com,+14155550101\nBen,not-an-email,\n');
    const result = await runCli(['import', file], undefined, env);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^2 rows in [\d.]+ s: 1 imported, 0 linked to open duplicates, 0 already imported, 1 rejected\n {2}line 3: email: not a valid email address\n$/);
  });

  it('import of a missing file says so in words', async () => {
    expect(await runCli(['import', join(dir, 'nope.csv')], undefined, env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/no such file/) });
  });

  it('refuses a database URL it cannot use, naming the variable', async () => {
    const result = await runCli(['migrate'], undefined, { LEADROUTER_DATABASE_URL: 'mysql://x' });
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/LEADROUTER_DATABASE_URL: expected sqlite:<path> or postgres/) });
  });
});
